/** A signed-in browser over real HTTP for end-to-end tests: keeps the session cookie and CSRF token. */
export class HttpSession {
  private cookie = '';
  private csrf = '';
  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('cs_session=')) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    const parsed = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrf = parsed.csrfToken;
    return { status: response.status, body: parsed };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
}

export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates the owner account on a fresh server; answers the signed-in session and the workspace id. */
export async function setupOwnerSession(baseUrl: string): Promise<{ agent: HttpSession; wid: string }> {
  const agent = new HttpSession(baseUrl);
  const setup = await agent.post('/api/setup', {
    name: 'Olivia',
    email: 'olivia@example.com',
    password: 'correct horse battery',
    workspaceName: 'Acme',
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  return { agent, wid: setup.body.workspaces[0].id };
}
