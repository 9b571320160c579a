import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test-support/emulator-harness';
import { fakeTemplates, templateSend } from '../test-support/fake-templates';

let h: Harness;
afterEach(async () => {
  await h?.close();
});
const text = (to: string) => ({ to, text: { body: 'hi' } });
const customer = (i: number) => String(15550000000 + i);

describe('sending limits (reference §8)', () => {
  it('throughput: over throughput_mps in one second → 130429 (HTTP 429), recovers as the clock moves', async () => {
    h = await startHarness({ config: { throughput_mps: 5, pair_rate: { enabled: false } } });
    for (let i = 0; i < 5; i++) expect((await h.send(text(customer(i)))).statusCode).toBe(200);
    const limited = await h.send(text(customer(9)));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: 130429,
      message: '(#130429) Rate limit hit',
      error_subcode: 2494055,
      type: 'OAuthException',
    });
    h.clock.advance(200); // 5 mps → one token per 200 ms
    expect((await h.send(text(customer(9)))).statusCode).toBe(200);
    expect((await h.send(text(customer(9)))).statusCode).toBe(429);
  });

  it('throughput default is 80 mps and can be raised to 1000 (not beyond)', async () => {
    h = await startHarness({ config: { pair_rate: { enabled: false } } });
    expect((await h.control('GET', '/config')).json().throughput_mps).toBe(80);
    let accepted = 0;
    for (let i = 0; i < 81; i++) if ((await h.send(text(customer(i)))).statusCode === 200) accepted++;
    expect(accepted).toBe(80);
    expect((await h.control('PATCH', '/config', { throughput_mps: 1001 })).statusCode).toBe(400);
    expect((await h.control('PATCH', '/config', { throughput_mps: 1000 })).statusCode).toBe(200);
  });

  it('pair rate: burst allowance to one user then 131056, other users unaffected, refills 1 per interval', async () => {
    h = await startHarness({ config: { pair_rate: { enabled: true, interval_seconds: 6, burst: 3 } } });
    for (let i = 0; i < 3; i++) expect((await h.send(text(customer(1)))).statusCode).toBe(200);
    const limited = await h.send(text(customer(1)));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: 131056,
      message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
    });
    expect((await h.send(text(customer(2)))).statusCode).toBe(200);
    h.clock.advance(5_900);
    expect((await h.send(text(customer(1)))).statusCode).toBe(429);
    h.clock.advance(100);
    expect((await h.send(text(customer(1)))).statusCode).toBe(200);
  });

  it('pair rate default: 45-message burst to the same user', async () => {
    h = await startHarness();
    const codes: number[] = [];
    for (let i = 0; i < 46; i++) codes.push((await h.send(text(customer(1)))).statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(45);
    expect(codes[45]).toBe(429);
  });

  it('test-number allow-list: other recipients → synchronous 131030 (HTTP 400); at most 5 recipients', async () => {
    h = await startHarness({ config: { test_number: { enabled: true, allowed_recipients: [customer(1)] } } });
    expect((await h.send(text(customer(1)))).statusCode).toBe(200);
    const blocked = await h.send(text(customer(2)));
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error).toMatchObject({ code: 131030, type: 'OAuthException' });
    expect(blocked.json().error.error_data.details).toContain('Recipient phone number not in allowed list');
    const tooMany = await h.control('PATCH', '/config', {
      test_number: { allowed_recipients: [1, 2, 3, 4, 5, 6].map(customer) },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain('at most 5');
  });

  it('messaging limit: unique business-initiated recipients in a rolling 24 h → async 131048 beyond the tier', async () => {
    h = await startHarness({
      receiver: true,
      config: { throughput_mps: 1000, pair_rate: { enabled: false } },
    });
    h.emulator.state.templates = fakeTemplates([{ name: 'order_update' }]);
    const ids: string[] = [];
    for (let i = 0; i < 251; i++) {
      const res = await h.send({ to: customer(i), ...templateSend('order_update') });
      expect(res.statusCode).toBe(200);
      ids.push(res.json().messages[0].id);
    }
    // A user already reached does not count again; a user inside the window does not count at all.
    expect((await h.send({ to: customer(0), ...templateSend('order_update') })).statusCode).toBe(200);
    await h.inbound(customer(999), { type: 'text', text: { body: 'hi' } });
    const inWindow = (await h.send({ to: customer(999), ...templateSend('order_update') })).json().messages[0]
      .id;
    await h.settle();
    const last = h.receiver!.statuses().filter((s) => s.id === ids[250]);
    expect(last).toEqual([
      expect.objectContaining({ status: 'failed', errors: [expect.objectContaining({ code: 131048 })] }),
    ]);
    expect(h.receiver!.statuses().find((s) => s.id === ids[249])!.status).toBe('sent');
    expect(h.receiver!.statuses().find((s) => s.id === inWindow)!.status).toBe('sent');
    // The window rolls: 24 h later the tier has room again.
    h.clock.advance(24 * 3600 * 1000 + 1000);
    const later = (await h.send({ to: customer(500), ...templateSend('order_update') })).json().messages[0]
      .id;
    await h.settle();
    expect(h.receiver!.statuses().find((s) => s.id === later)!.status).toBe('sent');
  });

  it('messaging limit honours the configured tier and error code', async () => {
    h = await startHarness({
      receiver: true,
      config: {
        messaging_limit_tier: 'TIER_250',
        messaging_limit_error_code: 131049,
        pair_rate: { enabled: false },
        throughput_mps: 1000,
      },
    });
    h.emulator.state.templates = fakeTemplates([{ name: 'order_update' }]);
    let last = '';
    for (let i = 0; i < 251; i++)
      last = (await h.send({ to: customer(i), ...templateSend('order_update') })).json().messages[0].id;
    await h.settle();
    expect(h.receiver!.statuses().find((s) => s.id === last)).toMatchObject({
      status: 'failed',
      errors: [{ code: 131049 }],
    });
  });
});
