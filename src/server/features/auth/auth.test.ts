import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient, setupOwner } from '../../testing/session-client';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testDatabaseKind } from '../../testing/test-database';

describe(`first-run setup and sign-in (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('asks for setup on a fresh install, then creates the owner once', async () => {
    const anonymous = new SessionClient(t.app);
    expect((await anonymous.get('/api/setup/status')).body).toEqual({ needsSetup: true });
    const { owner, me } = await setupOwner(t.app);
    expect(me.user.email).toBe('owner@example.com');
    expect(me.workspaces).toEqual([{ id: expect.stringMatching(/^wsp_/), name: 'Acme', role: 'owner' }]);
    expect((await owner.get('/api/auth/me')).body.user.name).toBe('Olivia Owner');
    expect((await anonymous.get('/api/setup/status')).body).toEqual({ needsSetup: false });
    const again = await anonymous.post('/api/setup', {
      name: 'Mallory',
      email: 'mallory@example.com',
      password: 'another long password',
      workspaceName: 'Evil',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('stores the password as an argon2id hash, never in clear', async () => {
    const rows = await t.ctx.db.query.users.findMany();
    expect(rows[0]!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('sets an HttpOnly SameSite session cookie on sign-in and ends it on sign-out', async () => {
    const client = new SessionClient(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'OWNER@example.com', password: 'correct horse battery' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cs_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    client.cookie = `cs_session=${cookie.value}`;
    client.csrfToken = response.json().csrfToken;
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    client.cookie = `cs_session=${cookie.value}`; // replaying the old cookie
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a wrong password with a readable message', async () => {
    const response = await new SessionClient(t.app).post('/api/auth/login', {
      email: 'owner@example.com',
      password: 'nope',
    });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({
      code: 'unauthorized',
      message: 'Email or password is incorrect.',
    });
    expect(response.body.error.requestId).toMatch(/^req_/);
  });

  it('rate-limits repeated failed sign-ins, even with the right password afterwards', async () => {
    const client = new SessionClient(t.app);
    const email = 'someone@example.com';
    for (let i = 0; i < 3; i++)
      expect((await client.post('/api/auth/login', { email, password: 'wrong' })).status).toBe(401);
    const limited = await client.post('/api/auth/login', { email, password: 'wrong' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });

  it('lets a signed-in user create another workspace they own', async () => {
    const client = new SessionClient(t.app);
    await client.post('/api/auth/login', { email: 'owner@example.com', password: 'correct horse battery' });
    const created = await client.post('/api/workspaces', { name: 'Second shop' });
    expect(created.status).toBe(201);
    const me = await client.get('/api/auth/me');
    expect(me.body.workspaces.map((w: { name: string }) => w.name)).toEqual(['Acme', 'Second shop']);
  });
});

describe('unattended install', () => {
  it('creates the owner from CHATSYNCS_ADMIN_EMAIL and CHATSYNCS_ADMIN_PASSWORD', async () => {
    const { bootstrapOwnerFromConfig } = await import('./bootstrap-owner');
    const t = await createTestApp({
      CHATSYNCS_ADMIN_EMAIL: 'admin@example.com',
      CHATSYNCS_ADMIN_PASSWORD: 'a very long password',
    });
    try {
      await bootstrapOwnerFromConfig(t.ctx);
      await bootstrapOwnerFromConfig(t.ctx); // idempotent on restart
      const client = new SessionClient(t.app);
      const me = await client.post('/api/auth/login', {
        email: 'admin@example.com',
        password: 'a very long password',
      });
      expect(me.status).toBe(200);
      expect(me.body.workspaces).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
