import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient, setupOwner } from '../testing/session-client';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testDatabaseKind } from '../testing/test-database';

type Route = { method: string; url: string };

/** Every route the app registered, from the app's own route table. */
function allRoutes(t: TestApp): Route[] {
  return t.app.routeTable;
}

const publicRoutes = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'GET /api/setup/status',
  'POST /api/setup',
  'POST /api/auth/login',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
]);

describe(`security (${testDatabaseKind})`, () => {
  let t: TestApp;
  let owner: SessionClient;
  let workspaceA: string;
  let ownerB: SessionClient;
  let workspaceB: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, workspaceId: workspaceA } = await setupOwner(t.app));
    // A second, unrelated account with its own workspace B.
    const invite = await owner.post(`/api/workspaces/${workspaceA}/invitations`, {
      email: 'bob@example.com',
      role: 'agent',
    });
    ownerB = new SessionClient(t.app);
    await ownerB.post(`/api/invitations/${invite.body.acceptUrl.split('/invite/')[1]}/accept`, {
      name: 'Bob',
      password: 'bob password 123',
    });
    await owner.delete(
      `/api/workspaces/${workspaceA}/members/${(await ownerB.get('/api/auth/me')).body.user.id}`,
    );
    workspaceB = (await ownerB.post('/api/workspaces', { name: 'Bobs shop' })).body.id;
  });
  afterAll(() => t.close());

  it('refuses an anonymous request on every route that is not public', async () => {
    const routes = allRoutes(t).filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (publicRoutes.has(key)) continue;
      const url = route.url.replace(':wid', workspaceA).replace(/:(\w+)/g, 'x_$1');
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect({ key, status: response.statusCode }).toEqual({ key, status: 401 });
      expect(response.json().error.code).toBe('unauthorized');
    }
  });

  it('answers 404 to a member of workspace B for anything in workspace A', async () => {
    for (const path of ['', '/members', '/invitations', '/api-keys']) {
      const response = await ownerB.get(`/api/workspaces/${workspaceA}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const ownerAId = (await owner.get('/api/auth/me')).body.user.id;
    expect((await ownerB.delete(`/api/workspaces/${workspaceA}/members/${ownerAId}`)).status).toBe(404);
    expect((await ownerB.post(`/api/workspaces/${workspaceA}/api-keys`, { name: 'steal' })).status).toBe(404);
    const keyA = await owner.post(`/api/workspaces/${workspaceA}/api-keys`, { name: 'A key' });
    expect(
      (await ownerB.delete(`/api/workspaces/${workspaceB}/api-keys/${keyA.body.apiKey.id}`)).status,
    ).toBe(404);
    expect((await owner.get(`/api/workspaces/${workspaceA}/api-keys`)).body.data[0].revokedAt).toBeNull();
  });

  it('an API key of workspace A cannot reach workspace B', async () => {
    const key = (await owner.post(`/api/workspaces/${workspaceA}/api-keys`, { name: 'integration' })).body
      .secret;
    const headers = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ url: `/api/workspaces/${workspaceA}`, headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/workspaces/${workspaceB}`, headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/workspaces/${workspaceB}/members`, headers })).statusCode).toBe(
      404,
    );
  });

  it('an agent cannot reach admin-only routes', async () => {
    const invite = await owner.post(`/api/workspaces/${workspaceA}/invitations`, {
      email: 'agent@example.com',
      role: 'agent',
    });
    const agent = new SessionClient(t.app);
    await agent.post(`/api/invitations/${invite.body.acceptUrl.split('/invite/')[1]}/accept`, {
      name: 'Agnes',
      password: 'agent password 1',
    });
    expect((await agent.get(`/api/workspaces/${workspaceA}/members`)).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', '/invitations', undefined],
      ['POST', '/invitations', { email: 'x@example.com', role: 'admin' }],
      ['GET', '/api-keys', undefined],
      ['POST', '/api-keys', { name: 'k' }],
      ['PATCH', '', { name: 'Renamed' }],
    ] as const) {
      const response = await agent.request(method, `/api/workspaces/${workspaceA}${path}`, { payload: body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
      expect(response.body.error.code).toBe('forbidden');
    }
  });

  it('a revoked API key stops working at once', async () => {
    const created = await owner.post(`/api/workspaces/${workspaceA}/api-keys`, { name: 'to revoke' });
    const headers = { authorization: `Bearer ${created.body.secret}` };
    expect((await t.app.inject({ url: `/api/workspaces/${workspaceA}`, headers })).statusCode).toBe(200);
    expect(
      (await owner.delete(`/api/workspaces/${workspaceA}/api-keys/${created.body.apiKey.id}`)).status,
    ).toBe(204);
    const after = await t.app.inject({ url: `/api/workspaces/${workspaceA}`, headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/revoked/);
  });

  it('an API key cannot manage people or keys, and cannot act as a user', async () => {
    const key = (await owner.post(`/api/workspaces/${workspaceA}/api-keys`, { name: 'limited' })).body.secret;
    const headers = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ url: `/api/workspaces/${workspaceA}/api-keys`, headers })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('enforces CSRF on cookie sessions', async () => {
    const noToken = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${workspaceA}/api-keys`,
      headers: { cookie: owner.cookie },
      payload: { name: 'csrf' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${workspaceA}/api-keys`,
      headers: { cookie: owner.cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'csrf' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const keys = await owner.get(`/api/workspaces/${workspaceA}/api-keys`);
    expect(keys.body.data.some((k: { name: string }) => k.name === 'csrf')).toBe(false);
  });
});
