import type { FastifyRequest } from 'fastify';
import { GraphError } from '../graph/graph-error';

export interface GraphListPage<T> {
  data: T[];
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

const encode = (id: string) => Buffer.from(`id:${id}`).toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8').replace(/^id:/, '');

/**
 * Graph cursor paging over a list (`limit`, `after`, `before`, reference §1.1): cursors encode the
 * item id; `next`/`previous` are absolute URLs present only when more items exist that way.
 */
export function graphListPage<T extends { id: string }, V>(
  request: FastifyRequest,
  items: T[],
  view: (item: T) => V,
  defaultLimit = 25,
): GraphListPage<V> {
  const query = request.query as Record<string, unknown>;
  const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new GraphError(100, { details: 'limit must be a positive integer' });
  let start = 0;
  let end = Math.min(items.length, limit);
  if (typeof query.after === 'string' && query.after) {
    const index = items.findIndex((item) => item.id === decode(query.after as string));
    start = index + 1;
    end = Math.min(items.length, start + limit);
  } else if (typeof query.before === 'string' && query.before) {
    const index = items.findIndex((item) => item.id === decode(query.before as string));
    end = Math.max(0, index);
    start = Math.max(0, end - limit);
  }
  const slice = items.slice(start, end);
  const first = slice[0];
  const last = slice[slice.length - 1];
  if (!first || !last) return { data: [] };
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const link = (key: 'after' | 'before', cursor: string) => {
    const next = new URL(url);
    next.searchParams.delete('after');
    next.searchParams.delete('before');
    next.searchParams.set('limit', String(limit));
    next.searchParams.set(key, cursor);
    return next.toString();
  };
  return {
    data: slice.map(view),
    paging: {
      cursors: { before: encode(first.id), after: encode(last.id) },
      ...(end < items.length ? { next: link('after', encode(last.id)) } : {}),
      ...(start > 0 ? { previous: link('before', encode(first.id)) } : {}),
    },
  };
}
