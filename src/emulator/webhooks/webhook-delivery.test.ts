import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_SECRET, type Harness, startHarness } from '../test-support/emulator-harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});
const customer = '15551234567';

describe('webhook delivery', () => {
  it('performs the GET verification handshake before the first POST', async () => {
    h = await startHarness({ receiver: true });
    await h.inbound(customer, { type: 'text', text: { body: 'hi' } });
    await h.settle();
    expect(h.receiver!.handshakes).toHaveLength(1);
    expect(h.receiver!.handshakes[0]).toMatchObject({
      'hub.mode': 'subscribe',
      'hub.verify_token': 'verify-me',
    });
    expect(h.receiver!.handshakes[0]!['hub.challenge']).toMatch(/^\d+$/);
    const state = await h.control('GET', '/webhook');
    expect(state.json().verification).toMatchObject({ ok: true, status_code: 200 });
  });

  it('reports a failed handshake when the verify token is wrong (PATCH /config)', async () => {
    h = await startHarness({ receiver: true });
    const res = await h.control('PATCH', '/config', { webhook: { verify_token: 'wrong-token' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().webhook_verification).toMatchObject({ ok: false, status_code: 403 });
  });

  it('signs the raw body with the app secret (X-Hub-Signature-256)', async () => {
    h = await startHarness({ receiver: true });
    await h.inbound(customer, { type: 'text', text: { body: 'signed' } });
    await h.settle();
    const hook = h.receiver!.received[0]!;
    expect(hook.signature).toBe(`sha256=${createHmac('sha256', APP_SECRET).update(hook.raw).digest('hex')}`);
    expect(hook.signatureValid).toBe(true);
  });

  it('signs with the new secret after PATCH /config', async () => {
    h = await startHarness({ receiver: true });
    await h.control('PATCH', '/config', { webhook: { app_secret: 'rotated' } });
    await h.inbound(customer, { type: 'text', text: { body: 'x' } });
    await h.settle();
    const hook = h.receiver!.received[0]!;
    expect(hook.signatureValid).toBe(false);
    expect(hook.signature).toBe(`sha256=${createHmac('sha256', 'rotated').update(hook.raw).digest('hex')}`);
  });

  it('retries a receiver that answers 500 then 200, and records every attempt', async () => {
    h = await startHarness({ receiver: true });
    h.receiver!.script = [500, 500];
    await h.inbound(customer, { type: 'text', text: { body: 'retry me' } });
    await h.settle();
    expect(h.receiver!.received).toHaveLength(3);
    expect(new Set(h.receiver!.received.map((hook) => hook.raw)).size).toBe(1);
    const deliveries = (await h.control('GET', '/webhook-deliveries')).json().data;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ state: 'delivered', response_status: 200, field: 'messages' });
    expect(deliveries[0].attempts.map((a: { status_code: number }) => a.status_code)).toEqual([
      500, 500, 200,
    ]);
    expect(deliveries[0].payload.entry[0].changes[0].value.messages[0].text.body).toBe('retry me');
  });

  it('gives up after maxAttempts and keeps later events of that user behind the failing one', async () => {
    h = await startHarness({ receiver: true });
    h.receiver!.script = [503, 503, 503, 503];
    await h.inbound(customer, { type: 'text', text: { body: 'first' } });
    await h.inbound(customer, { type: 'text', text: { body: 'second' } });
    await h.settle();
    const deliveries = (await h.control('GET', '/webhook-deliveries')).json().data;
    expect(deliveries[0]).toMatchObject({ state: 'failed', response_status: 503 });
    expect(deliveries[0].attempts).toHaveLength(4);
    expect(deliveries[1]).toMatchObject({ state: 'delivered' });
    const bodies = h.receiver!.messages().map((m) => m.text.body);
    expect(bodies).toEqual(['first', 'first', 'first', 'first', 'second']);
  });

  it('retries on a connection error (nothing listening) and records the error', async () => {
    h = await startHarness({ emulator: { webhookUrl: 'http://127.0.0.1:1/webhook' } });
    await h.inbound(customer, { type: 'text', text: { body: 'x' } });
    await h.settle();
    const [delivery] = (await h.control('GET', '/webhook-deliveries')).json().data;
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts[0].error).toBeTruthy();
  });

  it('records deliveries as skipped when no callback URL is set', async () => {
    h = await startHarness();
    await h.inbound(customer, { type: 'text', text: { body: 'x' } });
    const [delivery] = (await h.control('GET', '/webhook-deliveries')).json().data;
    expect(delivery).toMatchObject({ state: 'skipped', url: null });
  });

  it('duplicate fault delivers the same payload twice', async () => {
    h = await startHarness({ receiver: true, config: { faults: { webhook_duplicate_rate: 1 } } });
    await h.inbound(customer, { type: 'text', text: { body: 'dup' } });
    await h.settle();
    expect(h.receiver!.received).toHaveLength(2);
    expect(h.receiver!.received[0]!.raw).toBe(h.receiver!.received[1]!.raw);
    const deliveries = (await h.control('GET', '/webhook-deliveries')).json().data;
    expect(deliveries.map((d: { duplicate: boolean }) => d.duplicate)).toEqual([false, true]);
  });

  it('reorder fault lets later events overtake a delayed one', async () => {
    let call = 0;
    h = await startHarness({
      receiver: true,
      config: { faults: { webhook_reorder_rate: 0.5, webhook_reorder_delay_ms: 30 } },
      emulator: { random: () => (call++ === 0 ? 0 : 0.99) },
    });
    await h.inbound(customer, { type: 'text', text: { body: 'one' } });
    await h.inbound(customer, { type: 'text', text: { body: 'two' } });
    await h.settle();
    expect(h.receiver!.messages().map((m) => m.text.body)).toEqual(['two', 'one']);
  });

  it('batches statuses of one number in one POST when webhook.batch is on', async () => {
    h = await startHarness({ receiver: true, config: { webhook: { batch: true } } });
    await h.inbound(customer, { type: 'text', text: { body: 'hi' } });
    await h.inbound('15557654321', { type: 'text', text: { body: 'hi' } });
    await h.settle();
    const before = h.receiver!.received.length;
    await Promise.all([
      h.send({ to: customer, text: { body: 'a' } }),
      h.send({ to: '15557654321', text: { body: 'b' } }),
    ]);
    await h.settle();
    const statusPosts = h.receiver!.received.slice(before);
    expect(h.receiver!.statuses()).toHaveLength(4);
    expect(statusPosts.length).toBeLessThan(4);
    expect(statusPosts.some((post) => post.body.entry[0]!.changes[0]!.value.statuses.length > 1)).toBe(true);
  });

  it('emitChange sends other fields with entry.time and no metadata', async () => {
    h = await startHarness({ receiver: true });
    h.emulator.emitChange('message_template_status_update', { event: 'APPROVED', message_template_id: 1 });
    await h.settle();
    const entry = h.receiver!.received[0]!.body.entry[0]!;
    expect(entry.time).toEqual(expect.any(Number));
    expect(entry.changes[0]).toEqual({
      field: 'message_template_status_update',
      value: { event: 'APPROVED', message_template_id: 1 },
    });
  });
});
