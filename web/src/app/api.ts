/**
 * The dashboard's HTTP client: same-origin fetch with the session cookie, JSON in and out, the
 * CSRF header on every non-GET request, and one typed error built from the server's error body
 * `{ "error": { "code", "message", "requestId" } }`.
 */

export type ApiErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'unauthorized'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal'
  /** The request never reached the server (offline, server down, DNS…). */
  | 'network_error';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode | (string & {});
  readonly requestId: string | null;

  constructor(init: { status: number; code: string; message: string; requestId: string | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;

/** Remembers the CSRF token from the latest `Me` (or forgets it on sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const fallbackCodes: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

function toApiError(response: Response, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; requestId?: unknown } } | null)
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : (fallbackCodes[response.status] ?? 'internal');
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : `The server answered ${response.status} ${response.statusText}`.trim();
  const requestId =
    typeof error?.requestId === 'string' ? error.requestId : response.headers.get('x-request-id');
  return new ApiError({ status: response.status, code, message, requestId });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Fetches a fresh CSRF token (after the session changed in another tab, for example). */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const me = await request<{ csrfToken?: unknown } | null>('GET', '/api/auth/me');
    if (typeof me?.csrfToken !== 'string') return false;
    csrfToken = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

async function request<T>(method: Method, path: string, body?: unknown, isRetry = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'The request could not reach the server.',
      requestId: null,
    });
  }

  if (response.status === 204) return undefined as T;
  const data = await readJson(response);
  if (response.ok) return data as T;

  const error = toApiError(response, data);
  // A stale token (the session was renewed elsewhere): fetch the current one and try once more.
  if (error.code === 'csrf_failed' && !isRetry && (await refreshCsrfToken())) {
    return request<T>(method, path, body, true);
  }
  throw error;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Builds `/api/workspaces/:wid/...` with each segment URL-encoded. */
export function workspacePath(workspaceId: string, ...segments: string[]): string {
  return ['/api/workspaces', workspaceId, ...segments]
    .map((s, i) => (i === 0 ? s : encodeURIComponent(s)))
    .join('/');
}
