import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../core/context';
import { unknownObject } from '../graph/graph-error';

/** The `{waba-id}` path segment must be the emulator's WABA; anything else is Graph's 100/33. */
export function requireWaba(ctx: EmulatorContext, request: FastifyRequest): string {
  const { wabaId } = request.params as { wabaId: string };
  if (wabaId !== ctx.state.wabaId) throw unknownObject(wabaId, request.method);
  return wabaId;
}

/** Form-encoded Graph calls carry JSON-valued fields as strings; parse those that look like JSON. */
export function parseGraphBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        result[key] = JSON.parse(value);
        continue;
      } catch {
        // keep the string
      }
    }
    result[key] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return result;
}
