import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorTestApp, TEST_PHONE, TEST_WABA } from './emulator-test-app';

let t: Awaited<ReturnType<typeof emulatorTestApp>>;
beforeEach(async () => {
  t = await emulatorTestApp({ config: { template_review: { mode: 'approve', delay_seconds: 0 } } });
});
afterEach(() => t.close());

const create = (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/v21.0/${TEST_WABA}/message_templates`,
    headers: t.auth,
    payload: body,
  });
const template = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Hi {{1}}, your order ships today.', example: { body_text: [['Ana']] } },
  ],
  ...extra,
});
const send = (name: string, components: unknown[]) =>
  t.app.inject({
    method: 'POST',
    url: `/v21.0/${TEST_PHONE}/messages`,
    headers: t.auth,
    payload: {
      messaging_product: 'whatsapp',
      to: '16505551234',
      type: 'template',
      template: { name, language: { code: 'en_US' }, components },
    },
  });
const body = (text: string) => [{ type: 'body', parameters: [{ type: 'text', text }] }];

describe('template Graph routes', () => {
  it('creates, reads and lists templates with paging, fields and filters', async () => {
    const created = await create(template('order_update'));
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({
      id: expect.stringMatching(/^\d{15}$/),
      status: 'APPROVED',
      category: 'UTILITY',
    });
    for (const name of ['b_one', 'c_two']) await create(template(name));

    const one = await t.app.inject({
      url: `/v21.0/${created.json().id}?fields=name,status`,
      headers: t.auth,
    });
    expect(one.json()).toEqual({ name: 'order_update', status: 'APPROVED', id: created.json().id });

    const page1 = await t.app.inject({
      url: `/v21.0/${TEST_WABA}/message_templates?limit=2&fields=name`,
      headers: t.auth,
    });
    expect(page1.json().data).toHaveLength(2);
    expect(page1.json().paging.next).toContain('after=');
    const after = page1.json().paging.cursors.after;
    const page2 = await t.app.inject({
      url: `/v21.0/${TEST_WABA}/message_templates?limit=2&after=${after}`,
      headers: t.auth,
    });
    expect(page2.json().data).toHaveLength(1);
    expect(page2.json().paging.next).toBeUndefined();
    expect(page2.json().paging.previous).toContain('before=');

    const filtered = await t.app.inject({
      url: `/v21.0/${TEST_WABA}/message_templates?name=order&status=APPROVED&summary=total_count,message_template_limit`,
      headers: t.auth,
    });
    expect(filtered.json().data.map((d: { name: string }) => d.name)).toEqual(['order_update']);
    expect(filtered.json().summary).toEqual({ total_count: 1, message_template_limit: 250 });

    const bad = await t.app.inject({
      url: `/v21.0/${TEST_WABA}/message_templates?fields=nope`,
      headers: t.auth,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe(100);
  });

  it('answers creation errors with code 100, the subcode and user title', async () => {
    await create(template('order_update'));
    const duplicate = await create(template('order_update'));
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error).toMatchObject({
      code: 100,
      error_subcode: 2388024,
      message: 'Invalid parameter',
    });
    const edges = await create(
      template('edges', {
        components: [{ type: 'BODY', text: '{{1}} ships', example: { body_text: [['a']] } }],
      }),
    );
    expect(edges.json().error).toMatchObject({ code: 100, error_subcode: 2388299 });
  });

  it('rejects requests for another WABA and without a token', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/v21.0/999999999999999/message_templates',
      headers: t.auth,
      payload: template('x'),
    });
    expect(other.json().error).toMatchObject({ code: 100, error_subcode: 33 });
    const anonymous = await t.app.inject({ url: `/v21.0/${TEST_WABA}/message_templates` });
    expect(anonymous.json().error.code).toBe(104);
  });

  it('deletes by name and by hsm_id', async () => {
    const en = (await create(template('bye'))).json().id;
    await create(template('bye', { language: 'pt_BR' }));
    const one = await t.app.inject({
      method: 'DELETE',
      url: `/v21.0/${TEST_WABA}/message_templates?name=bye&hsm_id=${en}`,
      headers: t.auth,
    });
    expect(one.json()).toEqual({ success: true });
    const list = await t.app.inject({
      url: `/v21.0/${TEST_WABA}/message_templates?fields=language`,
      headers: t.auth,
    });
    expect(list.json().data.map((d: { language: string }) => d.language)).toEqual(['pt_BR']);
    const all = await t.app.inject({
      method: 'DELETE',
      url: `/v21.0/${TEST_WABA}/message_templates?name=bye`,
      headers: t.auth,
    });
    expect(all.json()).toEqual({ success: true });
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/v21.0/${TEST_WABA}/message_templates?name=bye`,
      headers: t.auth,
    });
    expect(again.statusCode).toBe(400);
  });
});

describe('template sends through the core', () => {
  it('accepts a valid send and applies parameter checks (132000, 132018) and status (132001, 132015, 132016)', async () => {
    const id = (await create(template('order_update'))).json().id;
    expect((await send('order_update', body('Ana'))).statusCode).toBe(200);
    expect((await send('order_update', [])).json().error.code).toBe(132000);
    expect((await send('order_update', body('A\nna'))).json().error.code).toBe(132018);
    const unknown = await send('nope', body('Ana'));
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 132001]);

    const pause = await t.app.inject({
      method: 'PATCH',
      url: `/_sandbox/templates/${id}`,
      payload: { status: 'PAUSED', reason: 'Low quality' },
    });
    expect(pause.json().status).toBe('PAUSED');
    expect((await send('order_update', body('Ana'))).json().error.code).toBe(132015);
    await t.app.inject({
      method: 'PATCH',
      url: `/_sandbox/templates/${id}`,
      payload: { status: 'DISABLED' },
    });
    expect((await send('order_update', body('Ana'))).json().error.code).toBe(132016);
  });

  it('keeps PENDING templates unsendable under manual review and records webhooks for each change', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: '/_sandbox/config',
      payload: { template_review: { mode: 'pending' } },
    });
    const created = (await create(template('manual_one'))).json();
    expect(created.status).toBe('PENDING');
    expect((await send('manual_one', body('Ana'))).json().error.code).toBe(132001);
    await t.app.inject({
      method: 'PATCH',
      url: `/_sandbox/templates/${created.id}`,
      payload: { status: 'REJECTED', reason: 'SCAM' },
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/_sandbox/templates/${created.id}`,
      payload: { quality_score: 'RED' },
    });
    const read = await t.app.inject({
      url: `/v21.0/${created.id}?fields=status,rejected_reason,quality_score`,
      headers: t.auth,
    });
    expect(read.json()).toMatchObject({
      status: 'REJECTED',
      rejected_reason: 'SCAM',
      quality_score: { score: 'RED' },
    });
    const fields = t.emulator.webhooks.deliveries().map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['message_template_status_update', 'message_template_quality_update']),
    );
  });
});
