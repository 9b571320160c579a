import { z } from 'zod';

/** The Graph error envelope `{error:{message,type,code,error_subcode,error_data,fbtrace_id…}}` (§1.2). */
export const graphErrorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    /** An object with `details` for messaging errors; a plain string for some template errors. */
    error_data: z.union([z.looseObject({ details: z.string().optional() }), z.string()]).optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorEnvelope = z.infer<typeof graphErrorEnvelopeSchema>;

export interface CloudApiErrorFields {
  httpStatus: number;
  /** Meta's error code; null when the body was not a Graph error (a proxy's HTML page, an empty body …). */
  code: number | null;
  subcode?: number | undefined;
  type?: string | undefined;
  /** Meta's message without the "(#code) " prefix. */
  title: string;
  /** `error_data.details` (or `error_data` when it is a string). */
  details?: string | undefined;
  userTitle?: string | undefined;
  userMessage?: string | undefined;
  isTransient?: boolean | undefined;
  fbtraceId?: string | undefined;
  /** The parsed response body (or its text when it was not JSON). */
  raw: unknown;
}

/** A Graph / Cloud API call answered with a non-2xx status (or an unusable 2xx body). */
export class CloudApiError extends Error implements CloudApiErrorFields {
  override readonly name = 'CloudApiError';
  readonly httpStatus: number;
  readonly code: number | null;
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  readonly title: string;
  readonly details: string | undefined;
  readonly userTitle: string | undefined;
  readonly userMessage: string | undefined;
  readonly isTransient: boolean | undefined;
  readonly fbtraceId: string | undefined;
  readonly raw: unknown;

  constructor(fields: CloudApiErrorFields) {
    const prefix = fields.code === null ? `HTTP ${fields.httpStatus}` : `(#${fields.code})`;
    super(`${prefix} ${fields.title}${fields.details ? `: ${fields.details}` : ''}`);
    this.httpStatus = fields.httpStatus;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.type = fields.type;
    this.title = fields.title;
    this.details = fields.details;
    this.userTitle = fields.userTitle;
    this.userMessage = fields.userMessage;
    this.isTransient = fields.isTransient;
    this.fbtraceId = fields.fbtraceId;
    this.raw = fields.raw;
  }

  /** Builds the error from a response status and its body (parsed JSON, or text). */
  static fromResponse(httpStatus: number, body: unknown): CloudApiError {
    const parsed = graphErrorEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      const text = typeof body === 'string' ? body.trim().slice(0, 200) : '';
      return new CloudApiError({
        httpStatus,
        code: null,
        title: text === '' ? 'Unexpected response from the Graph API' : text,
        raw: body,
      });
    }
    const e = parsed.data.error;
    const message = e.message ?? 'Graph API error';
    return new CloudApiError({
      httpStatus,
      code: e.code,
      subcode: e.error_subcode,
      type: e.type,
      title: message.replace(/^\(#\d+\)\s*/, ''),
      details: typeof e.error_data === 'string' ? e.error_data : e.error_data?.details,
      userTitle: e.error_user_title,
      userMessage: e.error_user_msg,
      isTransient: e.is_transient,
      fbtraceId: e.fbtrace_id,
      raw: body,
    });
  }
}

/** The request never got an HTTP answer: connection refused/reset, DNS failure, or timeout. Retryable. */
export class CloudApiNetworkError extends Error {
  override readonly name = 'CloudApiNetworkError';
  constructor(
    readonly kind: 'timeout' | 'network',
    readonly method: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(
      kind === 'timeout' ? `${method} ${url} timed out` : `${method} ${url} failed before a response`,
      options,
    );
  }
}

/** A payload failed its schema before anything was sent; the request must be fixed. */
export class CloudApiValidationError extends Error {
  override readonly name = 'CloudApiValidationError';
  constructor(
    readonly issues: z.core.$ZodIssue[],
    what = 'payload',
  ) {
    super(`Invalid ${what}: ${z.prettifyError(new z.ZodError(issues))}`);
  }
}
