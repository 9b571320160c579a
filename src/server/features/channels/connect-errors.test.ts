import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../db/schema';
import { type SessionClient, setupOwner } from '../../testing/session-client';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testDatabaseKind } from '../../testing/test-database';
import {
  APP_SECRET,
  graphError,
  PHONE_IDS,
  startTestEmulator,
  type TestEmulator,
  WABA_ID,
} from './channels.test-support';

describe(`WhatsApp numbers: every connect failure in plain words, with Meta's code kept (${testDatabaseKind})`, () => {
  let em: TestEmulator;
  let t: TestApp;
  let owner: SessionClient;
  let wid: string;
  let token: string;
  beforeAll(async () => {
    em = await startTestEmulator();
    t = await createTestApp({ WHATSAPP_GRAPH_URL: em.url });
    ({ owner, workspaceId: wid } = await setupOwner(t.app));
    token = await em.token('system_user');
  });
  afterAll(async () => {
    await t.close();
    await em.close();
  });

  const connect = (body: Record<string, unknown> = {}) =>
    owner.post(`/api/workspaces/${wid}/channels`, {
      phoneNumberId: PHONE_IDS[0],
      wabaId: WABA_ID,
      accessToken: token,
      appSecret: APP_SECRET,
      ...body,
    });

  async function expectRefused(
    response: Awaited<ReturnType<typeof connect>>,
    expected: { status: number; code: string; field?: string; cloudApiCode: number | null; message: RegExp },
  ) {
    expect(response.status, JSON.stringify(response.body)).toBe(expected.status);
    expect(response.body.error).toMatchObject({
      code: expected.code,
      message: expect.stringMatching(expected.message),
      requestId: expect.any(String),
      details: { cloudApiCode: expected.cloudApiCode, ...(expected.field ? { field: expected.field } : {}) },
    });
    if (expected.cloudApiCode !== null) {
      expect(response.body.error.message).toContain(`(Meta error ${expected.cloudApiCode})`);
      expect(response.body.error.details.fbtraceId).toEqual(expect.any(String));
    }
    expect(await t.ctx.db.select().from(channels)).toEqual([]); // nothing saved
  }

  it('a phone number ID Meta does not know (100/33)', async () => {
    await expectRefused(await connect({ phoneNumberId: '123456789012345' }), {
      status: 400,
      code: 'validation_failed',
      field: 'phoneNumberId',
      cloudApiCode: 100,
      message: /no phone number with this ID.*API Setup/,
    });
  });

  it('a WABA ID Meta does not know (100/33)', async () => {
    await expectRefused(await connect({ wabaId: '999999999999999' }), {
      status: 400,
      code: 'validation_failed',
      field: 'wabaId',
      cloudApiCode: 100,
      message: /no WhatsApp Business Account with this ID/,
    });
  });

  it('a number that is not in that WABA', async () => {
    em.fault({
      method: 'GET',
      path: /\/phone_numbers/,
      reply: { status: 200, body: { data: [{ id: '111111111111111' }] } },
    });
    await expectRefused(await connect(), {
      status: 400,
      code: 'validation_failed',
      field: 'wabaId',
      cloudApiCode: null,
      message: /does not belong to that WhatsApp Business Account/,
    });
  });

  it('an invalid token (190)', async () => {
    await expectRefused(await connect({ accessToken: 'EAAGm0PX4ZCpsBAmadeUpToken123' }), {
      status: 400,
      code: 'validation_failed',
      field: 'accessToken',
      cloudApiCode: 190,
      message: /did not accept the access token/,
    });
  });

  it('an expired token (190/463)', async () => {
    const shortLived = await em.token('temporary', 1);
    await em.control('POST', '/clock', { advance_seconds: 5 });
    await expectRefused(await connect({ accessToken: shortLived }), {
      status: 400,
      code: 'validation_failed',
      field: 'accessToken',
      cloudApiCode: 190,
      message: /access token has expired.*system-user token/,
    });
  });

  it.each([10, 200, 294])('a token without the needed permission (%i)', async (code) => {
    em.fault({
      method: 'GET',
      path: new RegExp(`/${PHONE_IDS[0]}\\?`),
      reply: { status: 403, body: graphError(code, 'Application does not have permission for this action') },
    });
    await expectRefused(await connect(), {
      status: 400,
      code: 'validation_failed',
      field: 'accessToken',
      cloudApiCode: code,
      message: /missing a permission.*whatsapp_business_management/,
    });
  });

  it('an app secret that does not belong to the token’s app', async () => {
    await expectRefused(await connect({ appSecret: '00000000000000000000000000000000' }), {
      status: 400,
      code: 'validation_failed',
      field: 'appSecret',
      cloudApiCode: 100,
      message: /app secret does not belong to the Meta app/,
    });
  });

  it('Meta rate limiting (80007) and temporary outages (131000) are retry-later errors', async () => {
    em.fault({
      method: 'POST',
      path: /subscribed_apps/,
      reply: { status: 429, body: graphError(80007, 'Rate limit issues') },
    });
    await expectRefused(await connect(), {
      status: 429,
      code: 'rate_limited',
      cloudApiCode: 80007,
      message: /Wait a few minutes/,
    });
    em.fault({
      method: 'GET',
      path: /debug_token/,
      reply: { status: 500, body: graphError(131000, 'Something went wrong') },
    });
    await expectRefused(await connect(), {
      status: 503,
      code: 'unavailable',
      cloudApiCode: 131000,
      message: /temporary problem/,
    });
  });

  it('no answer at all (network failure)', async () => {
    em.fault({ method: 'GET', path: /debug_token/, reply: 'drop' });
    await expectRefused(await connect(), {
      status: 503,
      code: 'unavailable',
      cloudApiCode: null,
      message: /could not reach Meta’s WhatsApp API/,
    });
  });

  it('a debug_token refusal that is not about the token only costs the expiry check', async () => {
    em.fault({
      method: 'GET',
      path: /debug_token/,
      reply: { status: 400, body: graphError(100, 'Invalid parameter') },
    });
    const response = await connect();
    expect(response.status).toBe(201);
    expect(response.body.channel.health.token).toMatchObject({
      type: null,
      expiresAt: null,
      temporary: false,
    });
    expect(response.body.warnings.map((w: { code: string }) => w.code)).toEqual(['token_unchecked']);
  });

  it('ids that are not numbers never reach Meta', async () => {
    const response = await connect({ phoneNumberId: '+1 555 0100' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.message).toContain('phoneNumberId');
  });
});
