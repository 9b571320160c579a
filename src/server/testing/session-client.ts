import type { ZodApp } from '../http/zod-app';

type InjectOptions = { headers?: Record<string, string>; payload?: unknown };

/** A signed-in browser, for inject tests: keeps the session cookie and sends the CSRF header. */
export class SessionClient {
  cookie = '';
  csrfToken = '';
  constructor(private readonly app: ZodApp) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: InjectOptions = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...options.headers,
      },
      ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'cs_session');
    if (setCookie) this.cookie = setCookie.value ? `cs_session=${setCookie.value}` : '';
    const body = response.body ? safeJson(response.body) : undefined;
    if (body && typeof body === 'object' && 'csrfToken' in body) this.csrfToken = String(body.csrfToken);
    return { status: response.statusCode, body: body as any, headers: response.headers };
  }

  get = (url: string, options?: InjectOptions) => this.request('GET', url, options);
  post = (url: string, payload?: unknown, options?: InjectOptions) =>
    this.request('POST', url, { ...options, payload });
  patch = (url: string, payload?: unknown, options?: InjectOptions) =>
    this.request('PATCH', url, { ...options, payload });
  delete = (url: string, options?: InjectOptions) => this.request('DELETE', url, options);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sets up the owner account; returns the signed-in client and the workspace id. */
export async function setupOwner(
  app: ZodApp,
  overrides: Partial<Record<'name' | 'email' | 'password' | 'workspaceName', string>> = {},
) {
  const owner = new SessionClient(app);
  const response = await owner.post('/api/setup', {
    name: 'Olivia Owner',
    email: 'owner@example.com',
    password: 'correct horse battery',
    workspaceName: 'Acme',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`setup failed: ${JSON.stringify(response.body)}`);
  return { owner, workspaceId: response.body.workspaces[0].id as string, me: response.body };
}
