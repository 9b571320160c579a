import { afterEach, describe, expect, it } from 'vitest';
import { CloudApiValidationError } from '../errors/cloud-api-error';
import { createCloudApiClient } from './create-cloud-api-client';
import { type RecordedRequest, type Reply, startTestGraphServer } from './test-graph-server';

let server: Awaited<ReturnType<typeof startTestGraphServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: (req: RecordedRequest) => Reply | undefined) {
  server = await startTestGraphServer(handler);
  // A base URL with a path prefix, as behind a reverse proxy.
  const client = createCloudApiClient({
    baseUrl: `${server.baseUrl}/graph`,
    apiVersion: 'v24.0',
    accessToken: 'TOKEN',
  });
  return { client, requests: server.requests };
}

const template = (i: number) => ({
  id: `${1000 + i}`,
  name: `t_${i}`,
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
});

describe('templates', () => {
  it('lists one page with its filters and walks every page through the after cursor', async () => {
    const pages: Record<string, Reply> = {
      '': {
        json: {
          data: [template(1), template(2)],
          paging: { cursors: { before: 'b0', after: 'c1' }, next: 'https://graph.facebook.com/next1' },
        },
      },
      c1: {
        json: {
          data: [template(3), template(4)],
          paging: { cursors: { before: 'c1', after: 'c2' }, next: 'https://graph.facebook.com/next2' },
        },
      },
      c2: { json: { data: [template(5)], paging: { cursors: { before: 'c2', after: 'c3' } } } },
    };
    const { client, requests } = await setup((req) => pages[req.query.get('after') ?? '']);

    const first = await client.listTemplates('WABA', {
      limit: 2,
      fields: ['name', 'status'],
      status: 'APPROVED',
      name: 'order',
    });
    expect(first.data.map((t) => t.name)).toEqual(['t_1', 't_2']);
    expect(requests[0]?.path).toBe('/graph/v24.0/WABA/message_templates');
    expect(Object.fromEntries(requests[0]!.query)).toEqual({
      limit: '2',
      fields: 'name,status',
      status: 'APPROVED',
      name: 'order',
    });

    const names: string[] = [];
    for await (const t of client.iterateTemplates('WABA', { limit: 2 })) names.push(t.name ?? '');
    expect(names).toEqual(['t_1', 't_2', 't_3', 't_4', 't_5']);
    // 1 single-page call + 3 pages; the last page has no `next`, so no 5th request.
    expect(requests.slice(1).map((r) => r.query.get('after'))).toEqual([null, 'c1', 'c2']);
    expect(requests.every((r) => r.headers.host?.startsWith('127.0.0.1'))).toBe(true);
  });

  it('creates a valid template and refuses an invalid one locally', async () => {
    const { client, requests } = await setup(() => ({
      json: { id: '594425479261596', status: 'PENDING', category: 'UTILITY' },
    }));
    const body = {
      name: 'order_ready',
      language: 'en_US',
      category: 'UTILITY' as const,
      components: [
        { type: 'BODY' as const, text: 'Your order {{1}} is ready.', example: { body_text: [['42']] } },
      ],
    };
    await expect(client.createTemplate('WABA', body)).resolves.toEqual({
      id: '594425479261596',
      status: 'PENDING',
      category: 'UTILITY',
    });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/graph/v24.0/WABA/message_templates',
      json: body,
    });
    await expect(client.createTemplate('WABA', { ...body, name: 'Bad Name' })).rejects.toBeInstanceOf(
      CloudApiValidationError,
    );
    expect(requests).toHaveLength(1);
  });

  it('deletes by name, or one language version by hsm_id', async () => {
    const { client, requests } = await setup(() => ({ json: { success: true } }));
    await client.deleteTemplate('WABA', { name: 'order_ready' });
    await client.deleteTemplate('WABA', { name: 'order_ready', hsmId: '594425479261596' });
    expect(requests.map((r) => [r.method, r.path, r.query.toString()])).toEqual([
      ['DELETE', '/graph/v24.0/WABA/message_templates', 'name=order_ready'],
      ['DELETE', '/graph/v24.0/WABA/message_templates', 'name=order_ready&hsm_id=594425479261596'],
    ]);
  });
});

describe('phone numbers and subscriptions', () => {
  it('reads, lists, registers and subscribes with the documented paths and bodies', async () => {
    const phone = {
      id: '106540352242922',
      display_phone_number: '+1 555-096-7852',
      verified_name: 'Test',
      quality_rating: 'GREEN',
    };
    const { client, requests } = await setup((req) => {
      if (req.path.endsWith('/phone_numbers')) return { json: { data: [phone] } };
      if (req.method === 'GET' && req.path.endsWith('/subscribed_apps')) {
        return { json: { data: [{ whatsapp_business_api_data: { id: 'APP', name: 'My App' } }] } };
      }
      if (req.method === 'POST') return { json: { success: true } };
      return { json: phone };
    });
    await expect(
      client.getPhoneNumber('106540352242922', ['quality_rating', 'status']),
    ).resolves.toMatchObject({ quality_rating: 'GREEN' });
    expect(requests[0]?.query.get('fields')).toBe('quality_rating,status');
    expect((await client.listPhoneNumbers('WABA')).data).toHaveLength(1);
    await client.registerPhoneNumber('106540352242922', '123456');
    expect(requests[2]).toMatchObject({
      method: 'POST',
      path: '/graph/v24.0/106540352242922/register',
      json: { messaging_product: 'whatsapp', pin: '123456' },
    });
    await client.subscribeApp('WABA');
    expect(requests[3]).toMatchObject({
      method: 'POST',
      path: '/graph/v24.0/WABA/subscribed_apps',
      json: undefined,
    });
    await client.subscribeApp('WABA', { overrideCallbackUri: 'https://hooks.example/wa', verifyToken: 'v' });
    expect(requests[4]?.json).toEqual({
      override_callback_uri: 'https://hooks.example/wa',
      verify_token: 'v',
    });
    const apps = await client.listSubscribedApps('WABA');
    expect(apps.data[0]?.whatsapp_business_api_data?.name).toBe('My App');
  });

  it('refuses a PIN that is not 6 digits without calling Meta', async () => {
    const { client, requests } = await setup(() => ({ json: { success: true } }));
    await expect(client.registerPhoneNumber('1', '12345')).rejects.toBeInstanceOf(CloudApiValidationError);
    expect(requests).toHaveLength(0);
  });
});

describe('flows', () => {
  it('creates, uploads flow.json as a multipart asset, publishes, deprecates, reads and deletes', async () => {
    const validation = [
      {
        error: 'INVALID_PROPERTY',
        error_type: 'FLOW_JSON_ERROR',
        message: 'bad',
        line_start: 3,
        line_end: 3,
        column_start: 5,
        column_end: 9,
      },
    ];
    const { client, requests } = await setup((req) => {
      if (req.path.endsWith('/flows')) return { json: { id: 'FLOW1', success: true, validation_errors: [] } };
      if (req.path.endsWith('/assets')) return { json: { success: true, validation_errors: validation } };
      if (req.method === 'GET')
        return { json: { id: 'FLOW1', name: 'signup', status: 'DRAFT', categories: ['SIGN_UP'] } };
      return { json: { success: true } };
    });
    const flowJson = { version: '7.1', screens: [] };
    await expect(
      client.createFlow('WABA', { name: 'signup', categories: ['SIGN_UP'], flow_json: flowJson }),
    ).resolves.toMatchObject({ id: 'FLOW1' });
    expect(requests[0]?.json).toEqual({
      name: 'signup',
      categories: ['SIGN_UP'],
      flow_json: JSON.stringify(flowJson),
    });

    const uploaded = await client.uploadFlowJson('FLOW1', flowJson);
    expect(uploaded.validation_errors).toEqual(validation);
    const form = await requests[1]!.form();
    expect(requests[1]).toMatchObject({ method: 'POST', path: '/graph/v24.0/FLOW1/assets' });
    expect(form.get('name')).toBe('flow.json');
    expect(form.get('asset_type')).toBe('FLOW_JSON');
    const file = form.get('file') as File;
    expect([file.name, file.type]).toEqual(['flow.json', 'application/json']);
    expect(JSON.parse(await file.text())).toEqual(flowJson);

    await client.publishFlow('FLOW1');
    await client.deprecateFlow('FLOW1');
    await expect(client.getFlow('FLOW1')).resolves.toMatchObject({ status: 'DRAFT' });
    await client.deleteFlow('FLOW1');
    expect(requests.slice(2).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /graph/v24.0/FLOW1/publish',
      'POST /graph/v24.0/FLOW1/deprecate',
      'GET /graph/v24.0/FLOW1',
      'DELETE /graph/v24.0/FLOW1',
    ]);
    expect(requests[4]?.query.get('fields')).toContain('validation_errors');
  });
});

describe('oauth', () => {
  it('exchanges an Embedded Signup code without a Bearer header', async () => {
    const { client, requests } = await setup(() => ({
      json: { access_token: 'BUSINESS_TOKEN', token_type: 'bearer' },
    }));
    await expect(
      client.exchangeCode({
        clientId: 'APP',
        clientSecret: 'SECRET',
        code: 'CODE',
        redirectUri: 'https://x/cb',
      }),
    ).resolves.toMatchObject({
      access_token: 'BUSINESS_TOKEN',
    });
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/graph/v24.0/oauth/access_token' });
    expect(Object.fromEntries(requests[0]!.query)).toEqual({
      client_id: 'APP',
      client_secret: 'SECRET',
      code: 'CODE',
      redirect_uri: 'https://x/cb',
    });
    expect(requests[0]?.headers.authorization).toBeUndefined();
  });

  it('debugs a token using the app token', async () => {
    const { client, requests } = await setup(() => ({
      json: {
        data: {
          app_id: 'APP',
          type: 'SYSTEM_USER',
          is_valid: true,
          expires_at: 0,
          scopes: ['whatsapp_business_messaging'],
        },
      },
    }));
    const info = await client.debugToken('USER_TOKEN', 'APP|SECRET');
    expect(info.data).toMatchObject({ is_valid: true, expires_at: 0 });
    expect(requests[0]?.path).toBe('/graph/v24.0/debug_token');
    expect(requests[0]?.query.get('input_token')).toBe('USER_TOKEN');
    expect(requests[0]?.headers.authorization).toBe('Bearer APP|SECRET');
  });
});
