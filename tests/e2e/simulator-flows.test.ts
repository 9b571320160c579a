import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudApiClient } from '../../src/whatsapp';
import { eventually, type HttpSession, setupOwnerSession } from './support/http-session';
import { startTestServer } from './support/server';

/**
 * `GET /api/workspaces/:wid/simulator/flows/:flowId`: the simulated phone reads a flow's screens from
 * the embedded sandbox, only for flows of the Sandbox number's WhatsApp Business Account.
 */
const flowJson = {
  version: '7.1',
  screens: [
    {
      id: 'ORDER',
      title: 'Your order',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'full_name', label: 'Full name' },
          {
            type: 'Dropdown',
            name: 'size',
            label: 'Size',
            'data-source': [
              { id: 's', title: 'Small' },
              { id: 'm', title: 'Medium' },
            ],
          },
          {
            type: 'Footer',
            label: 'Send',
            'on-click-action': {
              name: 'complete',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: Flow JSON's own ${form.…} syntax
              payload: { full_name: '${form.full_name}', size: '${form.size}' },
            },
          },
        ],
      },
    },
  ],
};

describe('phone simulator: WhatsApp Flows', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let agent: HttpSession;
  let wid: string;
  let flowId: string;
  let business: ReturnType<typeof createCloudApiClient>;
  let wabaId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ agent, wid } = await setupOwnerSession(server.url));
    const identity = JSON.parse(readFileSync(path.join(server.dataDir, 'sandbox-identity.json'), 'utf8'));
    wabaId = identity.wabaId;
    business = createCloudApiClient({
      baseUrl: `${server.url}/sandbox`,
      apiVersion: 'v24.0',
      accessToken: identity.accessToken,
    });
  }, 60_000);
  afterAll(async () => {
    // Closing while the sandbox still delivers a webhook to the product stalls the shutdown: let them land.
    await eventually(async () => {
      const answer = await fetch(`${server.url}/sandbox/_sandbox/webhook-deliveries`);
      const { data } = (await answer.json()) as { data: Array<{ state: string }> };
      return data.every((d) => d.state === 'delivered' || d.state === 'failed');
    }).catch(() => undefined);
    await server?.close();
  });

  it('returns the Flow JSON of a flow of the sandbox account', async () => {
    const created = await business.createFlow(wabaId, { name: 'order form', categories: ['OTHER'] });
    flowId = created.id;
    const missing = await agent.get(`/api/workspaces/${wid}/simulator/flows/${flowId}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/no Flow JSON yet/);

    const upload = await business.uploadFlowJson(flowId, flowJson);
    expect(upload.validation_errors).toEqual([]);
    await business.publishFlow(flowId);

    const answer = await agent.get(`/api/workspaces/${wid}/simulator/flows/${flowId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: flowId, name: 'order form', status: 'PUBLISHED' });
    expect(answer.body.flowJson).toEqual(flowJson);
  });

  it('answers 404 for unknown flows, 400 for ids that are not digits, 401 when signed out', async () => {
    const unknown = await agent.get(`/api/workspaces/${wid}/simulator/flows/123456789012345`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('This flow was not found.');
    const traversal = await agent.get(`/api/workspaces/${wid}/simulator/flows/..%2Fconfig`);
    expect(traversal.status).toBe(400);
    const anonymous = await fetch(`${server.url}/api/workspaces/${wid}/simulator/flows/${flowId}`);
    expect(anonymous.status).toBe(401);
  });

  it('submits the form as the customer: the inbox gets the nfm_reply', async () => {
    const waId = '15551230009';
    await agent.post(`/api/workspaces/${wid}/simulator/customers/${waId}/messages`, {
      type: 'text',
      text: { body: 'I want to order' },
      profile_name: 'Maria',
    });
    const info = await agent.get(`/api/workspaces/${wid}/simulator`);
    // Statuses of a message the product didn't send are retried for a while and hold this customer's
    // later events (applied in order): ask the sandbox (loopback control API) to send them much later.
    await fetch(`${server.url}/sandbox/_sandbox/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status_delays_ms: { sent: 600_000, delivered: 600_000 } }),
    });
    await eventually(async () => (await agent.get(`/api/workspaces/${wid}/conversations`)).body.data?.[0]);
    await business.sendMessage(info.body.phoneNumber.id, {
      messaging_product: 'whatsapp',
      to: waId,
      type: 'interactive',
      interactive: {
        type: 'flow',
        body: { text: 'Tell us your size' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_token: 'order-42',
            flow_id: flowId,
            flow_cta: 'Order',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'ORDER' },
          },
        },
      },
    });
    const done = await agent.post(
      `/api/workspaces/${wid}/simulator/customers/${waId}/flows/order-42/complete`,
      { response: { full_name: 'Maria Lopez', size: 'm' } },
    );
    expect(done.body).toMatchObject({ id: expect.any(String) });
    expect(done.status).toBe(200);
    const conversation = (await agent.get(`/api/workspaces/${wid}/conversations`)).body.data[0];
    const reply = await eventually(async () => {
      const { body } = await agent.get(`/api/workspaces/${wid}/conversations/${conversation.id}/messages`);
      return body.data.find((m: any) => m.content?.interactive?.type === 'nfm_reply');
    });
    expect(JSON.parse(reply.content.interactive.nfm_reply.response_json)).toEqual({
      full_name: 'Maria Lopez',
      size: 'm',
      flow_token: 'order-42',
    });
  });
});
