import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, PHONE_ID, startHarness, TOKEN, WABA_ID } from '../test-support/emulator-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const text = { to: '15551234567', type: 'text', text: { body: 'hi' } };

describe('Graph error envelope, auth and versions', () => {
  it('rejects a missing token with 104 (HTTP 400)', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/v25.0/${PHONE_ID}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 104, type: 'OAuthException' });
  });

  it('rejects an unknown token with 190 OAuthException (HTTP 401) and a trace id', async () => {
    const res = await h.send(text, { token: 'EAAGnot-a-token' });
    expect(res.statusCode).toBe(401);
    const { error } = res.json();
    expect(error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect(error.message).toContain('Invalid OAuth access token');
    expect(error.fbtrace_id).toMatch(/^[\w-]{10,}$/);
  });

  it('rejects an expired token with 190 / subcode 463 (HTTP 401)', async () => {
    h.emulator.state.issueToken({
      token: 'EAAGexpired',
      kind: 'user',
      expiresAt: h.clock.now() + 1000,
      scopes: [],
      createdAt: 0,
    });
    expect((await h.send(text, { token: 'EAAGexpired' })).statusCode).toBe(200);
    h.clock.advance(2000);
    const res = await h.send(text, { token: 'EAAGexpired' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('accepts the token as access_token query and form parameter', async () => {
    const query = await h.app.inject({ method: 'GET', url: `/v25.0/${PHONE_ID}?access_token=${TOKEN}` });
    expect(query.statusCode).toBe(200);
    expect(query.json()).toMatchObject({ id: PHONE_ID, platform_type: 'CLOUD_API', quality_rating: 'GREEN' });
    const form = await h.app.inject({
      method: 'POST',
      url: `/v25.0/${PHONE_ID}/messages`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        access_token: TOKEN,
        messaging_product: 'whatsapp',
        to: '15551234567',
        type: 'text',
        text: JSON.stringify({ body: 'form encoded' }),
      }).toString(),
    });
    expect(form.statusCode).toBe(200);
    expect(form.json().messages[0].id).toMatch(/^wamid\./);
  });

  it.each([
    ['v17.0', 200, undefined],
    ['v25.0', 200, undefined],
    ['v16.0', 400, 2635],
    ['v26.0', 400, 2500],
    ['latest', 400, 2500],
  ])('version %s → HTTP %i', async (version, status, code) => {
    const res = await h.send(text, { version });
    expect(res.statusCode).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
  });

  it('answers 100 / subcode 33 GraphMethodException for an unknown object', async () => {
    const res = await h.send(text, { phoneId: '999999999999999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect(res.json().error.message).toContain("Object with ID '999999999999999' does not exist");
    const get = await h.app.inject({ method: 'GET', url: `/v25.0/123456789012345?access_token=${TOKEN}` });
    expect(get.json().error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('answers 2500 for an unknown edge of a known object', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/v25.0/${WABA_ID}/nope?access_token=${TOKEN}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 2500, message: 'Unknown path components: /nope' });
  });

  it('uses "(#code) Title" and error_data for WhatsApp codes', async () => {
    const res = await h.send({ to: '15551234567', type: 'text', text: {} });
    expect(res.json()).toEqual({
      error: {
        message: '(#131008) Required parameter is missing',
        type: 'OAuthException',
        code: 131008,
        error_data: { messaging_product: 'whatsapp', details: "The parameter text['body'] is required." },
        fbtrace_id: expect.any(String),
      },
    });
  });

  it('maps malformed JSON to 100, not 500', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/v25.0/${PHONE_ID}/messages`,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      payload: '{"messaging_product":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(100);
  });

  it('injects 5xx faults on Graph routes with the configured probability', async () => {
    await h.control('PATCH', '/config', { faults: { graph_error_rate: 1 } });
    const res = await h.send(text);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe(131000);
    await h.control('PATCH', '/config', { faults: { graph_error_rate: 0 } });
    expect((await h.send(text)).statusCode).toBe(200);
  });
});
