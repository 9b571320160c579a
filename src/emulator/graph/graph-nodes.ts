import type { FastifyReply, FastifyRequest } from 'fastify';

export type GraphMethod = 'GET' | 'POST' | 'DELETE';

/**
 * Handler for `/{version}/{object-id}` (no edge): phone numbers, the WABA, media, templates,
 * flows, uploads all share that route shape, so each kind registers a resolver here.
 * Return `undefined` from `handle` to let the next kind try.
 */
export interface GraphNodeKind {
  /** Does this kind own the object id? */
  owns(id: string): boolean;
  /** Answer the request; throw GraphError for errors. Missing method → 100/33. */
  handle: Partial<Record<GraphMethod, (id: string, request: FastifyRequest, reply: FastifyReply) => unknown>>;
}

/** Registry of node kinds; later registrations of the same kind replace earlier ones. */
export class GraphNodeRegistry {
  private readonly kinds = new Map<string, GraphNodeKind>();

  register(kind: string, node: GraphNodeKind): void {
    this.kinds.delete(kind);
    this.kinds.set(kind, node);
  }

  find(id: string): GraphNodeKind | undefined {
    // Most recently registered kinds first, so a specific module can shadow a default.
    const all = [...this.kinds.values()].reverse();
    return all.find((kind) => kind.owns(id));
  }
}
