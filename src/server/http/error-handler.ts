import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from './errors';

type Issue = { instancePath?: string; message?: string; params?: { issue?: { path?: PropertyKey[] } } };

function describeIssues(issues: Issue[], context: string): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const path =
      issue.params?.issue?.path?.map(String).join('.') ||
      issue.instancePath?.replace(/^\//, '').replaceAll('/', '.');
    return path ? `${path}: ${issue.message}` : `${issue.message}`;
  });
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `The ${context} is not valid. ${parts.join('; ')}${more}`;
}

/** Maps framework errors to the product's error codes (client mistakes are 4xx, never 500). */
function classify(error: FastifyError): { code: ErrorCode; message: string; details?: unknown } {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context =
      error.validationContext === 'body' ? 'request body' : (error.validationContext ?? 'request');
    return { code: 'validation_failed', message: describeIssues(error.validation as Issue[], context) };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'bad_request', message: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', message: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'unsupported_media_type',
        message: 'This content type is not accepted here; send JSON.',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'bad_request', message: 'The Content-Length header does not match the body.' };
    case 'FST_ERR_VALIDATION':
      return { code: 'validation_failed', message: error.message };
  }
  const status = error.statusCode ?? 500;
  if (status === 429)
    return { code: 'rate_limited', message: 'Too many requests. Wait a moment and try again.' };
  if (status >= 400 && status < 500)
    return { code: status === 404 ? 'not_found' : 'bad_request', message: error.message };
  return { code: 'internal', message: 'Something went wrong on our side. The error was logged.' };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isResponseSerializationError(error))
      request.log.error({ err: error }, 'response does not match its schema');
    const { code, message, details } = classify(error);
    const status = errorStatus[code];
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, message }, 'request refused');
    reply.status(status).send({
      error: { code, message, requestId: request.id, ...(details === undefined ? {} : { details }) },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route for ${request.method} ${request.url.split('?')[0]}.`,
        requestId: request.id,
      },
    });
  });
}
