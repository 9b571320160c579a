import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, PHONE_ID, startHarness } from '../test-support/emulator-harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});
const waId = '15551234567';

describe('control API (/_sandbox)', () => {
  it('inbound text → signed messages webhook with contacts/profile, opens the window, listed in the conversation', async () => {
    h = await startHarness({ receiver: true });
    const res = await h.inbound(waId, { type: 'text', text: { body: 'hi' }, profile_name: 'Jane' });
    expect(res.statusCode).toBe(200);
    const { id } = res.json();
    expect(id).toMatch(/^wamid\./);
    await h.settle();
    const value = h.receiver!.received[0]!.body.entry[0]!.changes[0]!.value;
    expect(value.contacts).toEqual([{ profile: { name: 'Jane' }, wa_id: waId }]);
    expect(value.messages).toEqual([
      { from: waId, id, timestamp: expect.stringMatching(/^\d+$/), type: 'text', text: { body: 'hi' } },
    ]);
    const customer = (await h.control('GET', `/customers/${waId}`)).json();
    expect(customer).toMatchObject({
      wa_id: waId,
      profile_name: 'Jane',
      customer_service_window: { open: true },
    });
    const list = (await h.control('GET', '/customers')).json().data;
    expect(list.map((c: { wa_id: string }) => c.wa_id)).toEqual([waId]);
  });

  it('GET messages shows both directions with statuses', async () => {
    h = await startHarness({ receiver: true });
    await h.inbound(waId, { type: 'text', text: { body: 'hi' } });
    const out = (await h.send({ to: waId, text: { body: 'hello' } })).json().messages[0].id;
    await h.settle();
    const data = (await h.control('GET', `/customers/${waId}/messages`)).json().data;
    expect(data.map((m: { direction: string }) => m.direction)).toEqual(['inbound', 'outbound']);
    expect(data[1]).toMatchObject({
      id: out,
      status: 'delivered',
      statuses: [{ status: 'sent' }, { status: 'delivered' }],
      content: { text: { body: 'hello' } },
      pricing: { category: 'service' },
    });
  });

  it('interactive button reply defaults its context to the last interactive message', async () => {
    h = await startHarness({ receiver: true });
    await h.inbound(waId, { type: 'text', text: { body: 'menu' } });
    const sent = await h.send({
      to: waId,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
      },
    });
    const reply = await h.inbound(waId, {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
    });
    expect(reply.statusCode).toBe(200);
    await h.settle();
    const message = h.receiver!.messages().at(-1)!;
    expect(message.context).toEqual({
      from: h.emulator.state.defaultPhoneNumber().displayPhoneNumber,
      id: sent.json().messages[0].id,
    });
    expect(message.interactive).toEqual({ type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } });
  });

  it.each([
    [
      'list_reply',
      { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Row 1' } } },
    ],
    ['location', { type: 'location', location: { latitude: 12.25, longitude: 43.9 } }],
    ['image without media id gets a fake one', { type: 'image', image: { caption: 'pic' } }],
    [
      'nfm_reply with an object response',
      {
        type: 'interactive',
        interactive: { type: 'nfm_reply', nfm_reply: { response_json: { flow_token: 't' } } },
      },
    ],
  ])('inbound %s', async (_name, body) => {
    h = await startHarness({ receiver: true });
    expect((await h.inbound(waId, body)).statusCode).toBe(200);
    await h.settle();
    const message = h.receiver!.messages()[0]!;
    expect(message.type).toBe(body.type);
    if (body.type === 'image')
      expect(message.image).toMatchObject({
        id: expect.stringMatching(/^\d{15,16}$/),
        mime_type: 'image/jpeg',
        sha256: expect.any(String),
        caption: 'pic',
      });
    if (body.type === 'interactive' && message.interactive.type === 'nfm_reply') {
      expect(JSON.parse(message.interactive.nfm_reply.response_json)).toEqual({ flow_token: 't' });
    }
  });

  it.each([
    ['unknown type', { type: 'poll' }],
    ['text without body', { type: 'text', text: {} }],
    ['unknown field', { type: 'text', text: { body: 'x' }, from: '1' }],
  ])('rejects inbound %s with a readable 400', async (_name, body) => {
    h = await startHarness();
    const res = await h.inbound(waId, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('Invalid request'),
      requestId: expect.any(String),
    });
  });

  it('PATCH customer changes flags; a customer not on WhatsApp cannot write', async () => {
    h = await startHarness();
    const patched = await h.control('PATCH', `/customers/${waId}`, {
      on_whatsapp: false,
      profile_name: 'Bob',
    });
    expect(patched.json()).toMatchObject({ on_whatsapp: false, profile_name: 'Bob' });
    expect((await h.inbound(waId, { type: 'text', text: { body: 'x' } })).statusCode).toBe(409);
    expect((await h.control('PATCH', `/customers/${waId}`, {})).statusCode).toBe(400);
    expect((await h.control('PATCH', '/customers/abc', { on_whatsapp: true })).statusCode).toBe(400);
  });

  it('business mark-as-read and typing indicator', async () => {
    h = await startHarness();
    const first = (await h.inbound(waId, { type: 'text', text: { body: 'one' } })).json().id;
    const second = (await h.inbound(waId, { type: 'text', text: { body: 'two' } })).json().id;
    const res = await h.send({ status: 'read', message_id: second, typing_indicator: { type: 'text' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true });
    const data = (await h.control('GET', `/customers/${waId}/messages`)).json().data;
    expect(data.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [first, 'read'],
      [second, 'read'],
    ]);
    expect((await h.control('GET', `/customers/${waId}`)).json().typing).toBe(true);
    expect((await h.send({ status: 'read', message_id: 'wamid.nope' })).json().error.code).toBe(100);
    expect((await h.send({ status: 'read' })).json().error.code).toBe(131008);
    expect(
      (await h.send({ status: 'read', message_id: first, typing_indicator: { type: 'audio' } })).json().error
        .code,
    ).toBe(131009);
  });

  it('config GET/PATCH round trip with validation', async () => {
    h = await startHarness();
    const patched = await h.control('PATCH', '/config', {
      quality_rating: 'YELLOW',
      template_review: { mode: 'reject' },
      auto_read: { enabled: true },
    });
    expect(patched.statusCode).toBe(200);
    const config = (await h.control('GET', '/config')).json();
    expect(config).toMatchObject({
      quality_rating: 'YELLOW',
      template_review: { mode: 'reject', delay_seconds: 0 },
      auto_read: { enabled: true, delay_ms: 1000 },
    });
    const phone = await h.app.inject({
      method: 'GET',
      url: `/v25.0/${PHONE_ID}`,
      headers: { authorization: `Bearer ${h.emulator.identity.accessTokens[0]}` },
    });
    expect(phone.json().quality_rating).toBe('YELLOW');
    const bad = await h.control('PATCH', '/config', { nope: 1 });
    expect(bad.statusCode).toBe(400);
    expect((await h.control('PATCH', '/config', { faults: { graph_error_rate: 2 } })).statusCode).toBe(400);
  });

  it('clock GET/POST and validation', async () => {
    h = await startHarness();
    const before = (await h.control('GET', '/clock')).json();
    const after = (await h.control('POST', '/clock', { advance_seconds: 3600 })).json();
    expect(after.unix - before.unix).toBe(3600);
    expect((await h.control('POST', '/clock', { advance_seconds: -5 })).statusCode).toBe(400);
  });

  it('webhook-deliveries can be filtered', async () => {
    h = await startHarness();
    await h.inbound(waId, { type: 'text', text: { body: 'x' } });
    h.emulator.emitChange('account_update', { event: 'ACCOUNT_VIOLATION' });
    const all = (await h.control('GET', '/webhook-deliveries')).json().data;
    expect(all).toHaveLength(2);
    const filtered = (await h.control('GET', '/webhook-deliveries?field=account_update')).json().data;
    expect(filtered).toHaveLength(1);
  });
});
