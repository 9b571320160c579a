import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../db/schema';
import { insertChannel } from '../../testing/fixtures';
import { type SessionClient, setupOwner } from '../../testing/session-client';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testDatabaseKind } from '../../testing/test-database';
import {
  APP_SECRET,
  addMember,
  PHONE_IDS,
  startTestEmulator,
  type TestEmulator,
  WABA_ID,
} from './channels.test-support';

describe(`WhatsApp numbers: manual connect and health (${testDatabaseKind})`, () => {
  let em: TestEmulator;
  let t: TestApp;
  let owner: SessionClient;
  let wid: string;
  let systemToken: string;
  beforeAll(async () => {
    em = await startTestEmulator();
    t = await createTestApp({ WHATSAPP_GRAPH_URL: em.url, PUBLIC_URL: 'https://chat.example.com' });
    ({ owner, workspaceId: wid } = await setupOwner(t.app));
    systemToken = await em.token('system_user');
  });
  afterAll(async () => {
    await t.close();
    await em.close();
  });

  const connect = (client: SessionClient, workspaceId: string, body: Record<string, unknown>) =>
    client.post(`/api/workspaces/${workspaceId}/channels`, {
      wabaId: WABA_ID,
      appSecret: APP_SECRET,
      accessToken: systemToken,
      ...body,
    });

  it('checks the number against the API, subscribes the app, saves it with sealed secrets and says what to paste in Meta', async () => {
    const response = await connect(owner, wid, { phoneNumberId: PHONE_IDS[0], name: 'Support line' });
    expect(response.status).toBe(201);
    const { channel, webhook, warnings } = response.body;
    expect(webhook).toEqual({
      callbackUrl: 'https://chat.example.com/webhooks/whatsapp',
      verifyToken: expect.stringMatching(/^[\w-]{30,}$/),
    });
    expect(warnings).toEqual([]);
    expect(channel).toMatchObject({
      kind: 'cloud',
      name: 'Support line',
      phoneNumberId: PHONE_IDS[0],
      wabaId: WABA_ID,
      connectedVia: 'manual',
      displayPhoneNumber: expect.stringMatching(/^\+1 555-/),
      verifiedName: 'ChatSyncs Sandbox',
      health: {
        qualityRating: 'GREEN',
        messagingLimitTier: 'TIER_250',
        throughputLevel: 'STANDARD',
        status: 'CONNECTED',
        token: { type: 'SYSTEM_USER', expiresAt: null, temporary: false },
        webhookSignatureFailures: 0,
        lastWebhookAt: null,
      },
    });
    // the app is subscribed to the WABA's webhooks
    const subscribed = await fetch(`${em.url}/v24.0/${WABA_ID}/subscribed_apps`, {
      headers: { authorization: `Bearer ${systemToken}` },
    });
    expect((await subscribed.json()).data).toHaveLength(1);
    // secrets are sealed at rest and never answered
    const [row] = await t.ctx.db.select().from(channels).where(eq(channels.id, channel.id));
    expect(JSON.stringify(row)).not.toContain(systemToken);
    expect(JSON.stringify(row)).not.toContain(APP_SECRET);
    expect(t.ctx.secrets.decrypt(row!.accessTokenSealed)).toBe(systemToken);
    expect(t.ctx.secrets.decrypt(row!.appSecretSealed)).toBe(APP_SECRET);
    expect(row).toMatchObject({
      graphBaseUrl: em.url,
      apiVersion: 'v24.0',
      verifyToken: webhook.verifyToken,
    });
    const listed = await owner.get(`/api/workspaces/${wid}/channels`);
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([channel.id]);
    for (const body of [response.body, listed.body]) {
      expect(JSON.stringify(body)).not.toContain(systemToken);
      expect(JSON.stringify(body)).not.toContain(APP_SECRET);
      expect(JSON.stringify(body)).not.toContain('Sealed');
    }
    // the webhook endpoint now accepts Meta's handshake with the generated verify token
    const handshake = await t.app.inject({
      url: `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${webhook.verifyToken}&hub.challenge=42`,
    });
    expect(handshake.body).toBe('42');
  });

  it('refuses a number that is already connected (409), here or in another workspace', async () => {
    const again = await connect(owner, wid, { phoneNumberId: PHONE_IDS[0] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already connected in this workspace as “Support line”');
    const other = await owner.post('/api/workspaces', { name: 'Other shop' });
    const elsewhere = await connect(owner, other.body.id, { phoneNumberId: PHONE_IDS[0] });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.message).toContain('another ChatSyncs workspace');
  });

  it('flags a temporary (24 h) token with a warning and its expiry', async () => {
    const temporary = await em.token('temporary');
    const response = await connect(owner, wid, { phoneNumberId: PHONE_IDS[1], accessToken: temporary });
    expect(response.status).toBe(201);
    const { channel, warnings } = response.body;
    expect(channel.name).toBe('ChatSyncs Sandbox 2'); // the verified name when none is given
    expect(channel.health.token).toMatchObject({ type: 'USER', temporary: true });
    const hoursLeft = (Date.parse(channel.health.token.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(23);
    expect(hoursLeft).toBeLessThanOrEqual(24);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'token_temporary',
        severity: 'warning',
        message: expect.stringContaining('temporary access token'),
      }),
    ]);
    const detail = await owner.get(`/api/workspaces/${wid}/channels/${channel.id}`);
    expect(detail.body.health.warnings.map((w: { code: string }) => w.code)).toEqual([
      'token_temporary',
      'no_webhook_yet',
    ]);
  });

  it('shows webhook counters, and warns when a system-user token expires within 7 days', async () => {
    const expiring = await em.token('system_user');
    const created = await connect(owner, wid, { phoneNumberId: PHONE_IDS[2], accessToken: expiring });
    const id = created.body.channel.id;
    await t.ctx.db
      .update(channels)
      .set({
        tokenExpiresAt: new Date(Date.now() + 3 * 86_400_000),
        webhookSignatureFailures: 4,
        webhookProcessingErrors: 1,
        lastWebhookAt: new Date(),
      })
      .where(eq(channels.id, id));
    const detail = await owner.get(`/api/workspaces/${wid}/channels/${id}`);
    expect(detail.body.health).toMatchObject({
      webhookSignatureFailures: 4,
      webhookProcessingErrors: 1,
      lastWebhookAt: expect.any(String),
    });
    const codes = detail.body.health.warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(['token_expiring', 'webhook_signature_failures', 'webhook_processing_errors']);
    expect(detail.body.health.warnings[0].message).toMatch(/expires in 3 days/);
  });

  it('refresh re-reads the number and the token from the API, and records a failed check in the health', async () => {
    const [first] = (await owner.get(`/api/workspaces/${wid}/channels`)).body.data;
    await em.control('PATCH', '/config', {
      quality_rating: 'YELLOW',
      throughput_mps: 1000,
      messaging_limit_tier: 'TIER_10K',
    });
    const refreshed = await owner.post(`/api/workspaces/${wid}/channels/${first.id}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.health).toMatchObject({
      qualityRating: 'YELLOW',
      throughputLevel: 'HIGH',
      messagingLimitTier: 'TIER_10K',
      lastCheck: { error: null },
    });
    expect(refreshed.body.health.warnings.map((w: { code: string }) => w.code)).toContain('quality_medium');

    // the token stops working: refresh answers with the channel and shows why the check failed
    await t.ctx.db
      .update(channels)
      .set({ accessTokenSealed: t.ctx.secrets.encrypt('EAAunknown-token-000000000') })
      .where(eq(channels.id, first.id));
    const failed = await owner.post(`/api/workspaces/${wid}/channels/${first.id}/refresh`);
    expect(failed.status).toBe(200);
    expect(failed.body.health.lastCheck.error).toEqual({
      message: expect.stringContaining('did not accept the access token'),
      cloudApiCode: 190,
    });
    expect(
      failed.body.health.warnings.find((w: { code: string }) => w.code === 'check_failed').severity,
    ).toBe('danger');
    await em.control('PATCH', '/config', {
      quality_rating: 'GREEN',
      throughput_mps: 80,
      messaging_limit_tier: 'TIER_250',
    });
  });

  it('renames and removes a number; the sandbox number cannot be removed or refreshed', async () => {
    const created = await connect(owner, wid, { phoneNumberId: PHONE_IDS[3] });
    const id = created.body.channel.id;
    const renamed = await owner.patch(`/api/workspaces/${wid}/channels/${id}`, { name: 'Sales' });
    expect(renamed.body.name).toBe('Sales');
    expect((await owner.delete(`/api/workspaces/${wid}/channels/${id}`)).status).toBe(204);
    expect((await owner.get(`/api/workspaces/${wid}/channels/${id}`)).status).toBe(404);

    const sandbox = await insertChannel(t.ctx, wid, { kind: 'sandbox', phoneNumberId: '999000111222333' });
    const view = await owner.get(`/api/workspaces/${wid}/channels/${sandbox.id}`);
    expect(view.body).toMatchObject({ kind: 'sandbox', connectedVia: 'sandbox', webhook: null });
    const removal = await owner.delete(`/api/workspaces/${wid}/channels/${sandbox.id}`);
    expect(removal.status).toBe(400);
    expect(removal.body.error.message).toContain('built-in emulator');
    expect((await owner.post(`/api/workspaces/${wid}/channels/${sandbox.id}/refresh`)).status).toBe(400);
  });

  it("keeps each workspace's numbers to itself (404 for another workspace's number)", async () => {
    const [mine] = (await owner.get(`/api/workspaces/${wid}/channels`)).body.data;
    // a signed-in person who belongs to another workspace only
    const side = await owner.post('/api/workspaces', { name: 'Side project' });
    const stranger = await addMember(t, owner, side.body.id, 'admin', 'stranger@example.com');
    const theirs = await stranger.post('/api/workspaces', { name: 'Stranger' });
    const otherWid = theirs.body.id;
    expect((await stranger.get(`/api/workspaces/${otherWid}/channels`)).body.data).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/workspaces/${otherWid}/channels/${mine.id}`],
      ['PATCH', `/api/workspaces/${otherWid}/channels/${mine.id}`],
      ['DELETE', `/api/workspaces/${otherWid}/channels/${mine.id}`],
      ['POST', `/api/workspaces/${otherWid}/channels/${mine.id}/refresh`],
      ['GET', `/api/workspaces/${wid}/channels`],
    ] as const) {
      const response = await stranger.request(
        method,
        url,
        method === 'PATCH' ? { payload: { name: 'x' } } : {},
      );
      expect(response.status, `${method} ${url}`).toBe(404);
    }
    expect((await owner.get(`/api/workspaces/${wid}/channels/${mine.id}`)).body.name).toBe(mine.name);
  });

  it('lets agents see numbers (without webhook settings) but not connect, rename, refresh or remove them (403)', async () => {
    const agent = await addMember(t, owner, wid, 'agent', 'agent@example.com');
    const list = await agent.get(`/api/workspaces/${wid}/channels`);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data.every((c: { webhook: unknown }) => c.webhook === null)).toBe(true);
    const id = list.body.data[0].id;
    expect((await connect(agent, wid, { phoneNumberId: PHONE_IDS[4] })).status).toBe(403);
    expect((await agent.patch(`/api/workspaces/${wid}/channels/${id}`, { name: 'Mine' })).status).toBe(403);
    expect((await agent.post(`/api/workspaces/${wid}/channels/${id}/refresh`)).status).toBe(403);
    expect((await agent.delete(`/api/workspaces/${wid}/channels/${id}`)).status).toBe(403);
  });
});
