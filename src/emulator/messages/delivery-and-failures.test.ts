import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, PHONE_ID, startHarness, WABA_ID } from '../test-support/emulator-harness';
import { fakeTemplates, templateSend } from '../test-support/fake-templates';

let h: Harness;
afterEach(async () => {
  await h?.close();
});
const customer = '15551234567';
const DAY = 24 * 3600;

async function sendOk(body: Record<string, unknown>): Promise<string> {
  const res = await h.send({ to: customer, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().messages[0].id;
}

function statusesOf(id: string) {
  return h.receiver!.statuses().filter((status) => status.id === id);
}

describe('statuses and async failures delivered to a webhook receiver', () => {
  it('delivers sent then delivered with PMP pricing, conversation, signature and Meta envelope', async () => {
    h = await startHarness({ receiver: true });
    await h.inbound(customer, { type: 'text', text: { body: 'hi' } });
    const id = await sendOk({ type: 'text', text: { body: 'hello' }, biz_opaque_callback_data: 'trk-1' });
    await h.settle();
    const hooks = h.receiver!.received;
    expect(hooks.length).toBe(3);
    expect(hooks.every((hook) => hook.signatureValid)).toBe(true);
    const statusHook = hooks.find((hook) => hook.body.entry[0]!.changes[0]!.value.statuses)!;
    expect(statusHook.body.object).toBe('whatsapp_business_account');
    expect(statusHook.body.entry[0]!.id).toBe(WABA_ID);
    expect(statusHook.body.entry[0]!.changes[0]!.field).toBe('messages');
    expect(statusHook.body.entry[0]!.changes[0]!.value.metadata).toEqual({
      display_phone_number: h.emulator.state.defaultPhoneNumber().displayPhoneNumber,
      phone_number_id: PHONE_ID,
    });
    const [sent, delivered] = statusesOf(id);
    expect(sent).toMatchObject({
      status: 'sent',
      recipient_id: customer,
      biz_opaque_callback_data: 'trk-1',
      timestamp: expect.stringMatching(/^\d{10}$/),
      pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
      conversation: {
        id: expect.any(String),
        expiration_timestamp: expect.any(String),
        origin: { type: 'service' },
      },
    });
    expect(delivered).toMatchObject({ status: 'delivered', pricing: { category: 'service' } });
    expect(delivered!.conversation.expiration_timestamp).toBeUndefined();
    expect(delivered!.conversation.id).toBe(sent!.conversation.id);
  });

  it('read arrives only when the customer reads (control API), or automatically when configured', async () => {
    h = await startHarness({ receiver: true });
    await h.inbound(customer, { type: 'text', text: { body: 'hi' } });
    const id = await sendOk({ type: 'text', text: { body: 'hello' } });
    await h.settle();
    expect(statusesOf(id).map((s) => s.status)).toEqual(['sent', 'delivered']);
    const read = await h.control('POST', `/customers/${customer}/read`);
    expect(read.json().read).toEqual([id]);
    await h.settle();
    expect(statusesOf(id).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);

    await h.control('PATCH', '/config', { auto_read: { enabled: true, delay_ms: 0 } });
    const second = await sendOk({ type: 'text', text: { body: 'again' } });
    await h.settle();
    expect(statusesOf(second).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('free-form outside the 24 h window: 200 then failed 131047; window expiry follows the clock endpoint', async () => {
    h = await startHarness({ receiver: true });
    await h.inbound(customer, { type: 'text', text: { body: 'hi' } });
    await h.control('POST', '/clock', { advance_seconds: DAY - 60 });
    const inside = await sendOk({ type: 'text', text: { body: 'still inside' } });
    const before = (await h.control('GET', '/clock')).json().unix;
    const clock = await h.control('POST', '/clock', { advance_seconds: 120 });
    expect(clock.json().unix).toBe(before + 120);
    const outside = await sendOk({ type: 'text', text: { body: 'too late' } });
    await h.settle();
    expect(statusesOf(inside).map((s) => s.status)).toEqual(['sent', 'delivered']);
    const [failed, ...rest] = statusesOf(outside);
    expect(rest).toEqual([]);
    expect(failed).toMatchObject({
      status: 'failed',
      recipient_id: customer,
      errors: [
        {
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          error_data: { details: expect.stringContaining('24 hours') },
          href: expect.stringContaining('error-codes'),
        },
      ],
    });
    expect(failed!.pricing).toBeUndefined();
    const customerView = await h.control('GET', `/customers/${customer}`);
    expect(customerView.json().customer_service_window.open).toBe(false);
  });

  it('templates are allowed outside the window and priced as business-initiated', async () => {
    h = await startHarness({ receiver: true });
    h.emulator.state.templates = fakeTemplates([
      { name: 'order_update' },
      { name: 'promo', category: 'MARKETING' },
    ]);
    const res = await h.send({ to: customer, ...templateSend('order_update') });
    expect(res.json().messages[0].message_status).toBe('accepted');
    await h.settle();
    const [sent] = statusesOf(res.json().messages[0].id);
    expect(sent).toMatchObject({
      status: 'sent',
      pricing: { billable: true, category: 'utility', type: 'regular' },
    });
  });

  it.each([
    ['customer not on WhatsApp → 131026', { on_whatsapp: false }, 'order_update', 131026],
    ['marketing opt-out + marketing template → 131050', { marketing_opt_out: true }, 'promo', 131050],
  ])('%s (async)', async (_name, patch, template, code) => {
    h = await startHarness({ receiver: true });
    h.emulator.state.templates = fakeTemplates([
      { name: 'order_update' },
      { name: 'promo', category: 'MARKETING' },
    ]);
    expect((await h.control('PATCH', `/customers/${customer}`, patch)).statusCode).toBe(200);
    const res = await h.send({ to: customer, ...templateSend(template) });
    expect(res.statusCode).toBe(200);
    await h.settle();
    const statuses = statusesOf(res.json().messages[0].id);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ status: 'failed', errors: [{ code }] });
  });

  it('opted-out customers still receive utility templates', async () => {
    h = await startHarness({ receiver: true });
    h.emulator.state.templates = fakeTemplates([{ name: 'order_update' }]);
    await h.control('PATCH', `/customers/${customer}`, { marketing_opt_out: true });
    const id = (await h.send({ to: customer, ...templateSend('order_update') })).json().messages[0].id;
    await h.settle();
    expect(statusesOf(id).map((s) => s.status)).toEqual(['sent', 'delivered']);
  });

  it('unknown media id with a media store registered → failed 131053', async () => {
    h = await startHarness({ receiver: true });
    h.emulator.state.media = { exists: (id) => id === '111' };
    await h.inbound(customer, { type: 'text', text: { body: 'hi' } });
    const good = await sendOk({ type: 'image', image: { id: '111' } });
    const bad = await sendOk({ type: 'image', image: { id: '222' } });
    await h.settle();
    expect(statusesOf(good)[0]!.status).toBe('sent');
    expect(statusesOf(bad)[0]).toMatchObject({ status: 'failed', errors: [{ code: 131053 }] });
  });

  it('reactions only get a sent status', async () => {
    h = await startHarness({ receiver: true });
    const inbound = (await h.inbound(customer, { type: 'text', text: { body: 'hi' } })).json().id;
    const id = await sendOk({ type: 'reaction', reaction: { message_id: inbound, emoji: '👍' } });
    await h.settle();
    expect(statusesOf(id).map((s) => s.status)).toEqual(['sent']);
  });
});
