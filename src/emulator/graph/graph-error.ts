import { fbtraceId } from '../core/ids';
import { ERROR_CATALOG, ERROR_DOCS_HREF, type ErrorSpec, type KnownErrorCode } from './error-catalog';

/** The Graph error envelope body, exactly as Meta returns it (reference §1.2). */
export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    error_subcode?: number;
    fbtrace_id: string;
  };
}

/** The error object used inside webhooks (`statuses[].errors[]`), which is not the envelope. */
export interface WebhookErrorObject {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

export interface GraphErrorInit {
  details?: string;
  http?: number;
  type?: 'OAuthException' | 'GraphMethodException';
  subcode?: number | null;
  /** Overrides the `message` entirely (generic Graph errors do not use "(#code) Title"). */
  message?: string;
  /** Leave out `error_data` (generic Graph/OAuth errors). */
  omitErrorData?: boolean;
  headers?: Record<string, string>;
}

/** An error that becomes a Graph error envelope. Throw it from any Graph route. */
export class GraphError extends Error {
  readonly code: number;
  readonly http: number;
  readonly title: string;
  readonly details: string;
  readonly type: string;
  readonly subcode: number | undefined;
  readonly omitErrorData: boolean;
  readonly headers: Record<string, string>;

  constructor(code: number, init: GraphErrorInit = {}) {
    const spec: ErrorSpec | undefined = (ERROR_CATALOG as Record<number, ErrorSpec>)[code];
    const title = spec?.title ?? 'Error';
    super(init.message ?? `(#${code}) ${title}`);
    this.name = 'GraphError';
    this.code = code;
    this.title = title;
    this.http = init.http ?? spec?.http ?? 400;
    this.details = init.details ?? spec?.details ?? title;
    this.type = init.type ?? spec?.type ?? 'OAuthException';
    this.subcode = init.subcode === null ? undefined : (init.subcode ?? spec?.subcode);
    this.omitErrorData = init.omitErrorData ?? false;
    this.headers = init.headers ?? {};
  }

  toBody(): GraphErrorBody {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.omitErrorData
          ? {}
          : { error_data: { messaging_product: 'whatsapp' as const, details: this.details } }),
        ...(this.subcode !== undefined ? { error_subcode: this.subcode } : {}),
        fbtrace_id: fbtraceId(),
      },
    };
  }

  toWebhookError(): WebhookErrorObject {
    return webhookError(this.code, this.details);
  }
}

/** Build a `statuses[].errors[]` entry for an async failure. */
export function webhookError(code: KnownErrorCode | number, details?: string): WebhookErrorObject {
  const spec: ErrorSpec | undefined = (ERROR_CATALOG as Record<number, ErrorSpec>)[code];
  const title = spec?.title ?? 'Error';
  return {
    code,
    title,
    message: title,
    error_data: { details: details ?? spec?.details ?? title },
    href: ERROR_DOCS_HREF,
  };
}

/** 131008: a required parameter is missing. `path` like `text['body']`. */
export function missingParam(path: string): GraphError {
  return new GraphError(131008, { details: `The parameter ${path} is required.` });
}

/** 131009: a parameter value is not valid. */
export function invalidParam(details: string): GraphError {
  return new GraphError(131009, { details });
}

/** 100: invalid/unsupported parameter (unknown field, wrong type). */
export function invalidParameter100(details: string): GraphError {
  return new GraphError(100, { details });
}

/** 100/33 GraphMethodException: the object does not exist or does not support the operation. */
export function unknownObject(id: string, method: string): GraphError {
  return new GraphError(100, {
    type: 'GraphMethodException',
    subcode: 33,
    omitErrorData: true,
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    headers: {
      'www-authenticate': `OAuth "Facebook Platform" "invalid_request" "Unsupported ${method.toLowerCase()} request."`,
    },
  });
}

/** 2500: unknown path components. */
export function unknownPath(path: string): GraphError {
  return new GraphError(2500, { message: `Unknown path components: ${path}`, omitErrorData: true });
}
