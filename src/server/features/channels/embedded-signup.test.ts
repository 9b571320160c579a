import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, embeddedSignupSettings } from '../../db/schema';
import { type SessionClient, setupOwner } from '../../testing/session-client';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testDatabaseKind } from '../../testing/test-database';
import { addMember, PHONE_IDS, startTestEmulator, type TestEmulator, WABA_ID } from './channels.test-support';

type SignupCode = { code: string; waba_id: string; phone_number_id: string; session_info: { type: string } };

describe(`WhatsApp numbers: Embedded Signup (${testDatabaseKind})`, () => {
  let em: TestEmulator;
  let t: TestApp;
  let owner: SessionClient;
  let wid: string;
  let app: { app_id: string; app_secret: string };
  beforeAll(async () => {
    em = await startTestEmulator();
    t = await createTestApp({ WHATSAPP_GRAPH_URL: em.url, PUBLIC_URL: 'https://chat.example.com' });
    ({ owner, workspaceId: wid } = await setupOwner(t.app));
    app = (await em.control('GET', '/oauth/app')) as typeof app;
  });
  afterAll(async () => {
    await t.close();
    await em.close();
  });

  const put = (client: SessionClient, payload: Record<string, unknown>) =>
    client.request('PUT', settingsUrl(), { payload });
  const settingsUrl = () => `/api/workspaces/${wid}/channels/embedded-signup/settings`;
  const signupUrl = () => `/api/workspaces/${wid}/channels/embedded-signup`;
  /** What the popup hands the browser (the emulator's control API plays Meta's side). */
  const popup = (phoneNumberId: string) =>
    em.control('POST', '/oauth/codes', { phone_number_id: phoneNumberId }) as Promise<SignupCode>;

  it('saves the Meta app settings with the secret sealed, never answering it', async () => {
    expect((await owner.get(settingsUrl())).body).toEqual({ settings: null });
    const noSecret = await put(owner, { appId: app.app_id, configurationId: '778899001122' });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error.details).toEqual({ field: 'appSecret' });
    const saved = await put(owner, {
      appId: app.app_id,
      configurationId: '778899001122',
      appSecret: app.app_secret,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({
      appId: app.app_id,
      configurationId: '778899001122',
      appSecretSet: true,
      graphApiVersion: 'v24.0',
    });
    expect(JSON.stringify(saved.body)).not.toContain(app.app_secret);
    const [row] = await t.ctx.db.select().from(embeddedSignupSettings);
    expect(JSON.stringify(row)).not.toContain(app.app_secret);
    // the secret can be kept while changing the other values
    const kept = await put(owner, { appId: app.app_id, configurationId: '778899001133' });
    expect(kept.body.settings.configurationId).toBe('778899001133');
    const [after] = await t.ctx.db.select().from(embeddedSignupSettings);
    expect(t.ctx.secrets.decrypt(after!.appSecretSealed)).toBe(app.app_secret);
  });

  it('exchanges the code, subscribes the app, registers the number with a generated PIN and saves it', async () => {
    const session = await popup(PHONE_IDS[1]);
    expect(session.session_info.type).toBe('WA_EMBEDDED_SIGNUP');
    const response = await owner.post(signupUrl(), {
      code: session.code,
      wabaId: session.waba_id,
      phoneNumberId: session.phone_number_id,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { channel, webhook, pin, warnings } = response.body;
    expect(pin).toMatch(/^\d{6}$/);
    expect(warnings).toEqual([]);
    expect(webhook.callbackUrl).toBe('https://chat.example.com/webhooks/whatsapp');
    expect(channel).toMatchObject({
      connectedVia: 'embedded_signup',
      phoneNumberId: PHONE_IDS[1],
      wabaId: WABA_ID,
      health: { token: { type: 'SYSTEM_USER', expiresAt: null, temporary: false }, status: 'CONNECTED' },
    });
    const [row] = await t.ctx.db.select().from(channels).where(eq(channels.id, channel.id));
    expect(t.ctx.secrets.decrypt(row!.registrationPinSealed!)).toBe(pin);
    expect(t.ctx.secrets.decrypt(row!.appSecretSealed)).toBe(app.app_secret);
    expect(JSON.stringify(row)).not.toContain(`"${pin}"`);
    // the stored business token works against the API, and the PIN is now the number's PIN
    const token = t.ctx.secrets.decrypt(row!.accessTokenSealed);
    const subscribed = await fetch(`${em.url}/v24.0/${WABA_ID}/subscribed_apps`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await subscribed.json()).data).toHaveLength(1);
    const wrongPin = await fetch(`${em.url}/v24.0/${PHONE_IDS[1]}/register`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', pin: pin === '000000' ? '111111' : '000000' }),
    });
    expect((await wrongPin.json()).error.code).toBe(133005);
    // the detail view never shows the PIN again
    const detail = await owner.get(`/api/workspaces/${wid}/channels/${channel.id}`);
    expect(JSON.stringify(detail.body)).not.toContain(`"${pin}"`);
    expect(detail.body).not.toHaveProperty('pin');
  });

  it('explains a reused or expired code', async () => {
    const session = await popup(PHONE_IDS[2]);
    // the first try fails after the exchange (wrong WABA), so the code is spent
    const first = await owner.post(signupUrl(), {
      code: session.code,
      wabaId: '999999999999999',
      phoneNumberId: PHONE_IDS[2],
    });
    expect(first.body.error.details).toMatchObject({ field: 'wabaId', cloudApiCode: 100 });
    const reused = await owner.post(signupUrl(), {
      code: session.code,
      wabaId: WABA_ID,
      phoneNumberId: PHONE_IDS[2],
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.message).toMatch(/already used.*Connect with Facebook/);
    expect(reused.body.error.details).toMatchObject({
      field: 'code',
      cloudApiCode: 100,
      cloudApiSubcode: 36009,
    });

    const late = await popup(PHONE_IDS[2]);
    await em.control('POST', '/clock', { advance_seconds: 31 });
    const expired = await owner.post(signupUrl(), {
      code: late.code,
      wabaId: WABA_ID,
      phoneNumberId: PHONE_IDS[2],
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/expired \(it lasts about 30 seconds\)/);
    expect(expired.body.error.details).toMatchObject({ field: 'code', cloudApiSubcode: 36007 });
  });

  it('uses the PIN given for a number that already has two-step verification, and explains a wrong one', async () => {
    const setPin = await fetch(`${em.url}/v24.0/${PHONE_IDS[3]}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await em.token('system_user')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ pin: '246810' }),
    });
    expect(setPin.status).toBe(200);
    const wrong = await popup(PHONE_IDS[3]);
    const refused = await owner.post(signupUrl(), {
      code: wrong.code,
      wabaId: WABA_ID,
      phoneNumberId: PHONE_IDS[3],
      pin: '135790',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/already has a two-step verification PIN/);
    expect(refused.body.error.details).toMatchObject({ field: 'pin', cloudApiCode: 133005 });
    await em.control('POST', '/clock', { advance_seconds: 6 }); // a new guess within 5 s would be 133009

    const right = await popup(PHONE_IDS[3]);
    const accepted = await owner.post(signupUrl(), {
      code: right.code,
      wabaId: WABA_ID,
      phoneNumberId: PHONE_IDS[3],
      pin: '246810',
      name: 'Front desk',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({ pin: '246810', channel: { name: 'Front desk' } });
  });

  it('refuses to start without settings, and refuses agents (403)', async () => {
    const other = await owner.post('/api/workspaces', { name: 'No app yet' });
    const session = await popup(PHONE_IDS[4]);
    const missing = await owner.post(`/api/workspaces/${other.body.id}/channels/embedded-signup`, {
      code: session.code,
      wabaId: WABA_ID,
      phoneNumberId: PHONE_IDS[4],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/not set up for this workspace/);

    const agent = await addMember(t, owner, wid, 'agent', 'agent@example.com');
    expect((await agent.get(settingsUrl())).status).toBe(403);
    expect((await put(agent, { appId: '1', configurationId: '2', appSecret: 'x'.repeat(32) })).status).toBe(
      403,
    );
    const attempt = await agent.post(signupUrl(), {
      code: session.code,
      wabaId: WABA_ID,
      phoneNumberId: PHONE_IDS[4],
    });
    expect(attempt.status).toBe(403);
  });
});
