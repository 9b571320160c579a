import { ApiError } from '../../app/api';
import { queryClient } from '../../app/queryClient';
import { meKey } from '../../app/queryKeys';
import type { Me } from '../../app/types';

/**
 * POSTs a multipart form with XMLHttpRequest (fetch has no upload progress), with the session's
 * CSRF token, and answers the JSON body or throws an `ApiError` like the `api` client does.
 */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = queryClient.getQueryData<Me | null>(meKey)?.csrfToken;
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; requestId?: string } } | null)
        ?.error;
      reject(
        new ApiError({
          status: xhr.status,
          code:
            error?.code ??
            (xhr.status === 413 ? 'payload_too_large' : xhr.status >= 500 ? 'internal' : 'bad_request'),
          message: error?.message ?? `The server answered ${xhr.status}`,
          requestId: error?.requestId ?? xhr.getResponseHeader('x-request-id'),
        }),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'network_error',
          message: 'The upload could not reach the server.',
          requestId: null,
        }),
      );
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
