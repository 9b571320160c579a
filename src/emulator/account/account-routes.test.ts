import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorTestApp, TEST_PHONE, TEST_WABA } from '../templates/emulator-test-app';

let t: Awaited<ReturnType<typeof emulatorTestApp>>;
beforeEach(async () => {
  t = await emulatorTestApp();
});
afterEach(() => t.close());
const get = (url: string, token?: string) =>
  t.app.inject({ url, headers: token === undefined ? t.auth : { authorization: `Bearer ${token}` } });
const post = (url: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, headers: t.auth, ...(payload ? { payload } : {}) });

describe('phone numbers', () => {
  it('returns the default fields, selected fields and the WABA list', async () => {
    expect((await get(`/v21.0/${TEST_PHONE}`)).json()).toEqual({
      verified_name: 'ChatSyncs Sandbox',
      code_verification_status: 'VERIFIED',
      display_phone_number: '+1 555-078-3881',
      quality_rating: 'GREEN',
      platform_type: 'CLOUD_API',
      throughput: { level: 'STANDARD' },
      id: TEST_PHONE,
    });
    const picked = await get(
      `/v21.0/${TEST_PHONE}?fields=name_status,whatsapp_business_manager_messaging_limit,is_pin_enabled`,
    );
    expect(picked.json()).toEqual({
      name_status: 'APPROVED',
      whatsapp_business_manager_messaging_limit: 'TIER_250',
      is_pin_enabled: false,
      id: TEST_PHONE,
    });
    expect((await get(`/v21.0/${TEST_PHONE}?fields=bogus`)).json().error.code).toBe(100);
    const list = await get(`/v21.0/${TEST_WABA}/phone_numbers?fields=display_phone_number`);
    expect(list.json().data).toEqual([{ display_phone_number: '+1 555-078-3881', id: TEST_PHONE }]);
  });

  it('registers with a PIN and answers PIN errors', async () => {
    const register = (pin: unknown) =>
      post(`/v21.0/${TEST_PHONE}/register`, { messaging_product: 'whatsapp', pin });
    expect((await register('12345')).json().error.code).toBe(100);
    expect((await register('123456')).json()).toEqual({ success: true });
    expect((await get(`/v21.0/${TEST_PHONE}?fields=is_pin_enabled,status`)).json()).toMatchObject({
      is_pin_enabled: true,
      status: 'CONNECTED',
    });
    expect((await register('654321')).json().error.code).toBe(133005);
    expect((await register('654322')).json().error.code).toBe(133009);
    expect((await post(`/v21.0/${TEST_PHONE}/deregister`)).json()).toEqual({ success: true });
    expect((await get(`/v21.0/${TEST_PHONE}?fields=platform_type`)).json().platform_type).toBe(
      'NOT_APPLICABLE',
    );
  });
});

describe('subscribed_apps', () => {
  it('subscribes, lists with the override URL, unsubscribes', async () => {
    expect((await get(`/v21.0/${TEST_WABA}/subscribed_apps`)).json()).toEqual({ data: [] });
    expect(
      (
        await post(`/v21.0/${TEST_WABA}/subscribed_apps`, {
          override_callback_uri: 'https://x.example/hook',
          verify_token: 'v',
        })
      ).json(),
    ).toEqual({ success: true });
    const listed = (await get(`/v21.0/${TEST_WABA}/subscribed_apps`)).json();
    expect(listed.data[0]).toMatchObject({
      whatsapp_business_api_data: { name: 'ChatSyncs Sandbox' },
      override_callback_uri: 'https://x.example/hook',
    });
    expect(
      (
        await t.app.inject({ method: 'DELETE', url: `/v21.0/${TEST_WABA}/subscribed_apps`, headers: t.auth })
      ).json(),
    ).toEqual({ success: true });
    expect((await get(`/v21.0/${TEST_WABA}/subscribed_apps`)).json()).toEqual({ data: [] });
  });
});

describe('embedded signup and tokens', () => {
  it('exchanges an emulator-issued code once for a token the Graph routes accept', async () => {
    const { app_id, app_secret } = (await t.app.inject({ url: '/_sandbox/oauth/app' })).json();
    const signup = (await t.app.inject({ method: 'POST', url: '/_sandbox/oauth/codes', payload: {} })).json();
    expect(signup).toMatchObject({
      waba_id: TEST_WABA,
      phone_number_id: TEST_PHONE,
      session_info: { event: 'FINISH' },
    });
    const exchange = (code: string, secret = app_secret) =>
      t.app.inject({
        url: `/v21.0/oauth/access_token?client_id=${app_id}&client_secret=${secret}&code=${encodeURIComponent(code)}`,
      });
    expect((await exchange(signup.code, 'wrong')).json().error.code).toBe(100);
    const token = (await exchange(signup.code)).json();
    expect(token).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer' });
    expect((await exchange(signup.code)).json().error).toMatchObject({ code: 100, error_subcode: 36009 });
    expect((await get(`/v21.0/${TEST_WABA}/subscribed_apps`, token.access_token)).statusCode).toBe(200);

    const debug = (await get(`/v21.0/debug_token?input_token=${token.access_token}`)).json().data;
    expect(debug).toMatchObject({
      app_id,
      type: 'SYSTEM_USER',
      expires_at: 0,
      is_valid: true,
      scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'],
      granular_scopes: [
        { scope: 'whatsapp_business_management', target_ids: [TEST_WABA] },
        { scope: 'whatsapp_business_messaging', target_ids: [TEST_WABA] },
      ],
    });
  });

  it('expires codes after 30 s', async () => {
    const { app_id, app_secret } = (await t.app.inject({ url: '/_sandbox/oauth/app' })).json();
    const { code } = (
      await t.app.inject({ method: 'POST', url: '/_sandbox/oauth/codes', payload: {} })
    ).json();
    t.emulator.clock.advance(31_000);
    const late = await t.app.inject({
      url: `/v21.0/oauth/access_token?client_id=${app_id}&client_secret=${app_secret}&code=${code}`,
    });
    expect(late.json().error).toMatchObject({ code: 100, error_subcode: 36007 });
  });

  it('issues temporary (24 h) and system-user tokens that debug_token tells apart', async () => {
    const temporary = (
      await t.app.inject({ method: 'POST', url: '/_sandbox/tokens', payload: { type: 'temporary' } })
    ).json();
    const system = (
      await t.app.inject({ method: 'POST', url: '/_sandbox/tokens', payload: { type: 'system_user' } })
    ).json();
    expect(system.expires_at).toBeNull();
    const tempInfo = (await get(`/v21.0/debug_token?input_token=${temporary.access_token}`)).json().data;
    expect(tempInfo).toMatchObject({
      type: 'USER',
      is_valid: true,
      expires_at: Math.floor(t.emulator.clock.now() / 1000) + 86_400,
    });
    expect((await get(`/v21.0/debug_token?input_token=${system.access_token}`)).json().data).toMatchObject({
      type: 'SYSTEM_USER',
      expires_at: 0,
    });
    t.emulator.clock.advance(86_400_000);
    expect((await get(`/v21.0/${TEST_PHONE}`, temporary.access_token)).json().error).toMatchObject({
      code: 190,
      error_subcode: 463,
    });
    expect((await get(`/v21.0/debug_token?input_token=${temporary.access_token}`)).json().data.is_valid).toBe(
      false,
    );
    expect((await get('/v21.0/debug_token?input_token=garbage')).json().data).toMatchObject({
      is_valid: false,
      error: { code: 190 },
    });
  });
});
