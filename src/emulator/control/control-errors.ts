import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';

/** A readable control-API error: `{ error: { code, message, requestId, details? } }`. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function controlErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const summary = issues
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    return reply.code(400).send({
      error: {
        code: 'invalid_request',
        message: `Invalid request: ${summary}`,
        requestId: request.id,
        details: issues,
      },
    });
  }
  if (error instanceof ControlError) {
    return reply.code(error.status).send({
      error: {
        code: error.code,
        message: error.message,
        requestId: request.id,
        ...(error.details ? { details: error.details } : {}),
      },
    });
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status >= 500) request.log.error({ err: error }, 'emulator control API error');
  return reply.code(status).send({
    error: {
      code: status >= 500 ? 'internal' : 'invalid_request',
      message: status >= 500 ? 'Internal error' : error.message,
      requestId: request.id,
    },
  });
}
