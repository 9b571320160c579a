import { ApiError } from './api';

/** Headlines a non-developer understands, per server error code. */
const headlines: Record<string, string> = {
  validation_failed: 'Some details need fixing',
  bad_request: "That request couldn't be completed",
  unauthorized: 'You need to sign in again',
  csrf_failed: 'Your session changed — reload the page and try again',
  forbidden: "You don't have permission to do that",
  not_found: "We couldn't find that — it may have been removed",
  conflict: 'That clashes with something that already exists',
  payload_too_large: 'That is too large to upload',
  unsupported_media_type: "That request couldn't be completed",
  rate_limited: 'Too many attempts — wait a minute, then try again',
  internal: 'Something went wrong on our side',
  network_error: "Can't reach the ChatSyncs server — check your connection and try again",
};

export interface FriendlyError {
  title: string;
  /** The server's own message, when it adds something to the headline. */
  detail: string | null;
  /** Quote this to an administrator: it finds the request in the server logs. */
  reference: string | null;
}

export function friendlyError(error: unknown): FriendlyError {
  if (error instanceof ApiError) {
    const title = headlines[error.code] ?? 'Something went wrong';
    const isInternal = error.code === 'internal' || error.status >= 500;
    const detail =
      isInternal || error.code === 'network_error' || !error.message || error.message === title
        ? null
        : error.message;
    return { title, detail, reference: isInternal ? error.requestId : null };
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : null,
    reference: null,
  };
}

/** One line for a toast: the server's message when it is specific, else the headline. */
export function friendlyErrorText(error: unknown): string {
  const { title, detail, reference } = friendlyError(error);
  const text = detail ?? title;
  return reference ? `${text} (reference ${reference})` : text;
}

export function isApiError(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}
