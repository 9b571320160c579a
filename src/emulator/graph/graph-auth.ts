import type { FastifyRequest } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { IssuedToken } from '../state/models';
import { GraphError } from './graph-error';

/** Token from `Authorization: Bearer|OAuth …`, or `access_token` in the query or a form/JSON body. */
export function extractAccessToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
    return match?.[1]?.trim() || '';
  }
  const query = (request.query as Record<string, unknown> | undefined)?.access_token;
  if (typeof query === 'string') return query;
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && typeof body.access_token === 'string') return body.access_token;
  return undefined;
}

/**
 * Check the request's token against the tokens the emulator issued.
 * Missing → 104 (HTTP 400); unknown → 190 (HTTP 401); expired → 190/463 (HTTP 401).
 */
export function authenticate(request: FastifyRequest, state: EmulatorState, now: number): IssuedToken {
  const token = extractAccessToken(request);
  if (token === undefined) {
    throw new GraphError(104, {
      omitErrorData: true,
      message: 'An access token is required to request this resource.',
    });
  }
  const issued = state.tokens.get(token);
  if (!issued) {
    throw new GraphError(190, {
      omitErrorData: true,
      message: 'Invalid OAuth access token - Cannot parse access token',
      http: 401,
    });
  }
  if (issued.expiresAt !== null && issued.expiresAt <= now) {
    throw new GraphError(190, {
      omitErrorData: true,
      subcode: 463,
      http: 401,
      message: `Error validating access token: Session has expired on ${new Date(issued.expiresAt).toUTCString()}. The current time is ${new Date(now).toUTCString()}.`,
    });
  }
  return issued;
}
