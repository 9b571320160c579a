import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken } from './api';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
}

/** Replaces fetch with a scripted server; returns the requests it received. */
function fakeServer(...responses: Array<() => Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        body: init.body as string | undefined,
        credentials: init.credentials,
      });
      const next = responses.shift();
      if (!next) throw new Error(`unexpected request ${url}`);
      return next();
    }),
  );
  return calls;
}

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const errorBody = (code: string, message: string) => ({ error: { code, message, requestId: 'req-1' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends JSON with the session cookie and the CSRF token on writes, not on reads', async () => {
    setCsrfToken('tok-1');
    const calls = fakeServer(json(200, { ok: true }), json(201, { id: 'w1' }));
    await api.get('/api/auth/me');
    await expect(api.post('/api/workspaces', { name: 'Acme' })).resolves.toEqual({ id: 'w1' });

    expect(calls[0]?.credentials).toBe('same-origin');
    expect(calls[0]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1]?.headers['X-CSRF-Token']).toBe('tok-1');
    expect(calls[1]?.headers['Content-Type']).toBe('application/json');
    expect(calls[1]?.body).toBe('{"name":"Acme"}');
  });

  it('sends no body and no JSON content type when there is nothing to send', async () => {
    setCsrfToken('tok-1');
    const calls = fakeServer(() => new Response(null, { status: 204 }));
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
    expect(calls[0]?.body).toBeUndefined();
    expect(calls[0]?.headers['Content-Type']).toBeUndefined();
  });

  it("throws an ApiError carrying the server's code, message and request id", async () => {
    fakeServer(json(409, errorBody('conflict', 'Already set up')));
    const error = await api.post('/api/setup', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'Already set up',
      requestId: 'req-1',
    });
  });

  it('falls back to a code from the status when the body is not the error shape', async () => {
    fakeServer(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('reports an unreachable server as network_error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/api/setup/status')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('after csrf_failed, fetches the current token and retries once', async () => {
    setCsrfToken('stale');
    const calls = fakeServer(
      json(403, errorBody('csrf_failed', 'Missing token')),
      json(200, { csrfToken: 'fresh' }),
      () => new Response(null, { status: 204 }),
    );
    await api.delete('/api/workspaces/w1/api-keys/k1');
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers['X-CSRF-Token'] ?? '-'}`)).toEqual([
      'DELETE /api/workspaces/w1/api-keys/k1 stale',
      'GET /api/auth/me -',
      'DELETE /api/workspaces/w1/api-keys/k1 fresh',
    ]);
  });

  it('gives up after one retry when the token is still refused', async () => {
    setCsrfToken('stale');
    fakeServer(
      json(403, errorBody('csrf_failed', 'Missing token')),
      json(200, { csrfToken: 'fresh' }),
      json(403, errorBody('csrf_failed', 'Missing token')),
    );
    await expect(api.post('/api/workspaces', { name: 'x' })).rejects.toMatchObject({ code: 'csrf_failed' });
  });
});
