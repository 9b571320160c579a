import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, setupOwner } from '../../testing/session-client';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testDatabaseKind } from '../../testing/test-database';

describe(`API keys (${testDatabaseKind})`, () => {
  let t: TestApp;
  let owner: SessionClient;
  let wid: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, workspaceId: wid } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('shows the secret once, stores only its hash, and accepts it as a Bearer token', async () => {
    const created = await owner.post(`/api/workspaces/${wid}/api-keys`, { name: 'Zapier' });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^csk_[\w-]{43}$/);
    expect(created.body.apiKey).toMatchObject({
      name: 'Zapier',
      prefix: secret.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    });
    const listed = await owner.get(`/api/workspaces/${wid}/api-keys`);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const rows = await t.ctx.db.query.apiKeys.findMany();
    expect(JSON.stringify(rows)).not.toContain(secret);

    const response = await t.app.inject({
      url: `/api/workspaces/${wid}`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('Acme');
    const after = await owner.get(`/api/workspaces/${wid}/api-keys`);
    expect(after.body.data[0].lastUsedAt).not.toBeNull();
  });

  it('keeps a revoked key listed as revoked', async () => {
    const created = await owner.post(`/api/workspaces/${wid}/api-keys`, { name: 'Old' });
    await owner.delete(`/api/workspaces/${wid}/api-keys/${created.body.apiKey.id}`);
    const listed = await owner.get(`/api/workspaces/${wid}/api-keys`);
    expect(
      listed.body.data.find((k: { id: string }) => k.id === created.body.apiKey.id).revokedAt,
    ).not.toBeNull();
    expect((await owner.delete(`/api/workspaces/${wid}/api-keys/${created.body.apiKey.id}`)).status).toBe(
      404,
    );
  });

  it('refuses an unknown key', async () => {
    const response = await t.app.inject({
      url: `/api/workspaces/${wid}`,
      headers: { authorization: 'Bearer csk_made_up' },
    });
    expect(response.statusCode).toBe(401);
  });
});
