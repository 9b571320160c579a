import type { FastifyRequest } from 'fastify';

/** Base URL of the emulator as the caller of a Graph route sees it (scheme, host and any mount prefix, e.g. /sandbox). */
export function emulatorBase(request: FastifyRequest): string {
  const { version } = request.params as { version: string };
  const path = request.url.split('?')[0] ?? '';
  const prefix = version ? path.slice(0, Math.max(0, path.indexOf(`/${version}/`))) : '';
  return `${request.protocol}://${request.host}${prefix}`;
}
