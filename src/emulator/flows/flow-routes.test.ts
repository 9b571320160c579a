import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorTestApp, TEST_PHONE, TEST_WABA } from '../templates/emulator-test-app';

let t: Awaited<ReturnType<typeof emulatorTestApp>>;
beforeEach(async () => {
  t = await emulatorTestApp();
});
afterEach(() => t.close());

const flowJson = {
  version: '7.1',
  screens: [
    {
      id: 'SIGN_UP',
      title: 'Sign up',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'email', label: 'Email', 'input-type': 'email' },
          {
            type: 'Footer',
            label: 'Submit',
            'on-click-action': { name: 'complete', payload: { email: '${form.email}' } },
          },
        ],
      },
    },
  ],
};
const brokenJson = { ...flowJson, version: '1.0' };

async function uploadAsset(flowId: string, json: unknown) {
  const form = new FormData();
  form.append('name', 'flow.json');
  form.append('asset_type', 'FLOW_JSON');
  form.append('file', new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), 'flow.json');
  const request = new Request('http://local/', { method: 'POST', body: form });
  return t.app.inject({
    method: 'POST',
    url: `/v21.0/${flowId}/assets`,
    headers: { ...t.auth, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}
const post = (url: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, headers: t.auth, ...(payload ? { payload } : {}) });
const sendFlow = (flow: Record<string, unknown>) =>
  post(`/v21.0/${TEST_PHONE}/messages`, {
    messaging_product: 'whatsapp',
    to: '16505551234',
    type: 'interactive',
    interactive: {
      type: 'flow',
      body: { text: 'Sign up' },
      action: {
        name: 'flow',
        parameters: {
          flow_message_version: '3',
          flow_token: 'tok_1',
          flow_cta: 'Open',
          flow_action: 'navigate',
          flow_action_payload: { screen: 'SIGN_UP' },
          ...flow,
        },
      },
    },
  });

describe('Flows API lifecycle', () => {
  it('creates a draft, validates assets, refuses to publish invalid JSON, publishes, deprecates', async () => {
    const created = await post(`/v21.0/${TEST_WABA}/flows`, { name: 'signup', categories: ['SIGN_UP'] });
    expect(created.json()).toEqual({ id: expect.any(String), success: true, validation_errors: [] });
    const id = created.json().id;

    const bad = await uploadAsset(id, brokenJson);
    expect(bad.json().success).toBe(true);
    expect(bad.json().validation_errors[0]).toMatchObject({
      error: 'INVALID_PROPERTY_VALUE',
      pointers: [{ path: 'version' }],
    });
    const refused = await post(`/v21.0/${id}/publish`);
    expect(refused.json().error.code).toBe(139002);

    expect((await uploadAsset(id, flowJson)).json()).toEqual({ success: true, validation_errors: [] });
    const draft = await t.app.inject({
      url: `/v21.0/${id}?fields=id,name,status,categories,validation_errors,json_version,preview`,
      headers: t.auth,
    });
    expect(draft.json()).toMatchObject({
      id,
      name: 'signup',
      status: 'DRAFT',
      categories: ['SIGN_UP'],
      validation_errors: [],
      json_version: '7.1',
    });
    expect(draft.json().preview.preview_url).toContain(`/_sandbox/flows/${id}/flow.json`);

    expect((await sendFlow({ flow_id: id })).json().error.code).toBe(131009);
    expect((await sendFlow({ flow_id: id, mode: 'draft' })).statusCode).toBe(200);

    expect((await post(`/v21.0/${id}/publish`)).json()).toEqual({ success: true });
    expect((await uploadAsset(id, flowJson)).json().error.code).toBe(139001);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/v21.0/${id}`, headers: t.auth })).json().error.code,
    ).toBe(139004);
    expect((await sendFlow({ flow_name: 'signup' })).statusCode).toBe(200);

    const list = await t.app.inject({ url: `/v21.0/${TEST_WABA}/flows`, headers: t.auth });
    expect(list.json().data).toEqual([
      { id, name: 'signup', status: 'PUBLISHED', categories: ['SIGN_UP'], validation_errors: [] },
    ]);

    expect((await post(`/v21.0/${id}/deprecate`)).json()).toEqual({ success: true });
    expect((await sendFlow({ flow_id: id })).json().error.code).toBe(131009);
    const statusWebhooks = t.emulator.webhooks.deliveries().filter((d) => d.field === 'flows');
    expect(statusWebhooks).toHaveLength(2);
  });

  it('creates and publishes in one call, rejects duplicate names, deletes drafts', async () => {
    const created = await post(`/v21.0/${TEST_WABA}/flows`, {
      name: 'quick',
      categories: ['OTHER'],
      flow_json: JSON.stringify(flowJson),
      publish: true,
    });
    const read = await t.app.inject({ url: `/v21.0/${created.json().id}?fields=status`, headers: t.auth });
    expect(read.json().status).toBe('PUBLISHED');
    expect(
      (await post(`/v21.0/${TEST_WABA}/flows`, { name: 'quick', categories: ['OTHER'] })).json().error.code,
    ).toBe(100);
    expect(
      (await post(`/v21.0/${TEST_WABA}/flows`, { name: 'x', categories: ['NOPE'] })).json().error.code,
    ).toBe(100);
    const draft = (await post(`/v21.0/${TEST_WABA}/flows`, { name: 'draft', categories: ['OTHER'] })).json()
      .id;
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/v21.0/${draft}`, headers: t.auth })).json(),
    ).toEqual({ success: true });
    expect((await t.app.inject({ url: `/v21.0/${draft}`, headers: t.auth })).json().error.error_subcode).toBe(
      33,
    );
  });

  it('blocks and throttles sends when health changes', async () => {
    const id = (
      await post(`/v21.0/${TEST_WABA}/flows`, {
        name: 'h',
        categories: ['OTHER'],
        flow_json: JSON.stringify(flowJson),
        publish: true,
      })
    ).json().id;
    await t.app.inject({ method: 'PATCH', url: `/_sandbox/flows/${id}`, payload: { status: 'BLOCKED' } });
    expect((await sendFlow({ flow_id: id })).json().error.code).toBe(132068);
    await t.app.inject({ method: 'PATCH', url: `/_sandbox/flows/${id}`, payload: { status: 'THROTTLED' } });
    t.emulator.state.config.pair_rate.enabled = false;
    await t.app.inject({
      method: 'POST',
      url: '/_sandbox/customers/16505551234/messages',
      payload: { type: 'text', text: { body: 'hi' } },
    });
    for (let i = 0; i < 10; i++) expect((await sendFlow({ flow_id: id })).statusCode).toBe(200);
    expect((await sendFlow({ flow_id: id })).json().error.code).toBe(132069);
  });
});

describe('flow completion', () => {
  it('turns a completed flow into an nfm_reply inbound message replying to the flow message', async () => {
    const id = (
      await post(`/v21.0/${TEST_WABA}/flows`, {
        name: 'c',
        categories: ['OTHER'],
        flow_json: JSON.stringify(flowJson),
        publish: true,
      })
    ).json().id;
    const sent = (await sendFlow({ flow_id: id })).json().messages[0].id;
    const done = await t.app.inject({
      method: 'POST',
      url: '/_sandbox/customers/16505551234/flows/tok_1/complete',
      payload: { response: { email: 'ana@example.com' } },
    });
    expect(done.statusCode).toBe(200);
    const webhook = t.emulator.webhooks
      .deliveries()
      .filter((d) => d.field === 'messages')
      .map((d) => d.payload as any)
      .find((p) => p.entry[0].changes[0].value.messages);
    const message = webhook.entry[0].changes[0].value.messages[0];
    expect(message).toMatchObject({
      from: '16505551234',
      type: 'interactive',
      context: { id: sent },
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent' } },
    });
    expect(JSON.parse(message.interactive.nfm_reply.response_json)).toEqual({
      email: 'ana@example.com',
      flow_token: 'tok_1',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/_sandbox/customers/16505551234/flows/nope/complete',
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
  });
});
