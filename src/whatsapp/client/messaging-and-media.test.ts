import { afterEach, describe, expect, it } from 'vitest';
import { CloudApiError, CloudApiNetworkError, CloudApiValidationError } from '../errors/cloud-api-error';
import { isRetryable } from '../errors/retry';
import { createCloudApiClient } from './create-cloud-api-client';
import { type RecordedRequest, type Reply, startTestGraphServer } from './test-graph-server';

let server: Awaited<ReturnType<typeof startTestGraphServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  handler: (req: RecordedRequest) => Reply | undefined,
  config: { apiVersion?: string; timeoutMs?: number } = {},
) {
  server = await startTestGraphServer(handler);
  const client = createCloudApiClient({
    baseUrl: `${server.baseUrl}/`,
    apiVersion: 'v24.0',
    accessToken: 'TOKEN',
    ...config,
  });
  return { client, requests: server.requests };
}

const SENT = {
  messaging_product: 'whatsapp',
  contacts: [{ input: '15551234567', wa_id: '15551234567' }],
  messages: [{ id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI' }],
};

describe('messages', () => {
  it('POSTs the validated payload as JSON with the Bearer token to /{version}/{phone-number-id}/messages', async () => {
    const { client, requests } = await setup(() => ({ json: SENT }));
    const payload = {
      messaging_product: 'whatsapp',
      to: '15551234567',
      type: 'text',
      text: { body: 'Hi' },
    } as const;
    const result = await client.sendMessage('106540352242922', payload);
    expect(result.messages[0]?.id).toBe('wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI');
    const [req] = requests;
    expect(req).toMatchObject({ method: 'POST', path: '/v24.0/106540352242922/messages', json: payload });
    expect(req?.headers.authorization).toBe('Bearer TOKEN');
    expect(req?.headers['content-type']).toBe('application/json');
  });

  it('refuses an invalid payload before any request is made', async () => {
    const { client, requests } = await setup(() => ({ json: SENT }));
    const tooMany = ['a', 'b', 'c', 'd'].map((id) => ({ type: 'reply' as const, reply: { id, title: id } }));
    const error = await client
      .sendMessage('1', {
        messaging_product: 'whatsapp',
        to: '15551234567',
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'x' }, action: { buttons: tooMany } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudApiValidationError);
    expect((error as CloudApiValidationError).issues[0]?.path).toEqual(['interactive', 'action', 'buttons']);
    expect(isRetryable(error)).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('sends read receipts and typing indicators in Meta’s shape', async () => {
    const { client, requests } = await setup(() => ({ json: { success: true } }));
    await expect(client.markAsRead('1', 'wamid.IN')).resolves.toEqual({ success: true });
    await client.sendTypingIndicator('1', 'wamid.IN');
    expect(requests.map((r) => r.json)).toEqual([
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' },
      {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: 'wamid.IN',
        typing_indicator: { type: 'text' },
      },
    ]);
  });

  it('uses the configured version, with or without the "v"', async () => {
    const { client, requests } = await setup(() => ({ json: { success: true } }), { apiVersion: '25.0' });
    await client.markAsRead('1', 'wamid.IN');
    expect(requests[0]?.path).toBe('/v25.0/1/messages');
  });
});

describe('errors', () => {
  it('maps a Graph error body to CloudApiError with every field', async () => {
    const body = {
      error: {
        message: '(#131009) Parameter value is not valid',
        type: 'OAuthException',
        code: 131009,
        error_data: {
          messaging_product: 'whatsapp',
          details: 'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3',
        },
        error_subcode: 2494010,
        fbtrace_id: 'AbC',
      },
    };
    const { client } = await setup(() => ({ status: 400, json: body }));
    const error = await client.markAsRead('1', 'wamid.IN').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudApiError);
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 131009,
      subcode: 2494010,
      type: 'OAuthException',
      title: 'Parameter value is not valid',
      details: 'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3',
      fbtraceId: 'AbC',
      raw: body,
    });
    expect(isRetryable(error)).toBe(false);
  });

  it('maps a throttling answer to a retryable error and a proxy page to code null', async () => {
    let reply: Reply = {
      status: 429,
      json: { error: { code: 130429, message: '(#130429) Rate limit hit', type: 'OAuthException' } },
    };
    const { client } = await setup(() => reply);
    const throttled = await client.markAsRead('1', 'x').catch((e: unknown) => e);
    expect(throttled).toMatchObject({ code: 130429, httpStatus: 429 });
    expect(isRetryable(throttled)).toBe(true);
    reply = { status: 502, text: '<html>Bad gateway</html>' };
    const proxy = await client.markAsRead('1', 'x').catch((e: unknown) => e);
    expect(proxy).toMatchObject({ code: null, httpStatus: 502 });
    expect(isRetryable(proxy)).toBe(true);
  });

  it('treats a 2xx body of the wrong shape as an error, not as success', async () => {
    const { client } = await setup(() => ({ json: { messaging_product: 'whatsapp', messages: [] } }));
    const error = await client
      .sendMessage('1', {
        messaging_product: 'whatsapp',
        to: '15551234567',
        type: 'text',
        text: { body: 'x' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CloudApiError', code: null, httpStatus: 200 });
  });

  it('turns a timeout into a retryable CloudApiNetworkError', async () => {
    const { client } = await setup(() => ({ json: { success: true }, delayMs: 500 }), { timeoutMs: 50 });
    const error = await client.markAsRead('1', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudApiNetworkError);
    expect((error as CloudApiNetworkError).kind).toBe('timeout');
    expect(isRetryable(error)).toBe(true);
  });

  it('turns a refused connection into a network error whose message hides the query string', async () => {
    const { client } = await setup(() => undefined);
    await server!.close();
    server = undefined;
    const error = await client
      .exchangeCode({ clientId: 'app', clientSecret: 'SECRET', code: 'c' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CloudApiNetworkError', kind: 'network' });
    expect((error as Error).message).not.toContain('SECRET');
  });
});

describe('media', () => {
  it('uploads multipart with file, type and messaging_product', async () => {
    const { client, requests } = await setup(() => ({ json: { id: '1037543291543636' } }));
    const data = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);
    await expect(
      client.uploadMedia('106540352242922', { data, mimeType: 'image/jpeg', filename: 'photo.jpg' }),
    ).resolves.toEqual({
      id: '1037543291543636',
    });
    const req = requests[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/v24.0/106540352242922/media' });
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await req.form();
    expect(form.get('messaging_product')).toBe('whatsapp');
    expect(form.get('type')).toBe('image/jpeg');
    const file = form.get('file') as File;
    expect(file.name).toBe('photo.jpg');
    expect(file.type).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(data);
  });

  it('gets media info (file_size as string → number), downloads with Bearer, deletes', async () => {
    const { client, requests } = await setup((req) => {
      if (req.path === '/download') {
        return { body: Buffer.from('OggS-bytes'), headers: { 'content-type': 'audio/ogg; codecs=opus' } };
      }
      if (req.method === 'DELETE') return { json: { success: true } };
      return {
        json: {
          messaging_product: 'whatsapp',
          url: `${server!.baseUrl}/download`,
          mime_type: 'audio/ogg',
          sha256: 'ab12',
          file_size: '61901',
          id: '77',
        },
      };
    });
    const info = await client.getMedia('77', { phoneNumberId: '106540352242922' });
    expect(info).toMatchObject({ id: '77', file_size: 61901, mime_type: 'audio/ogg' });
    expect(requests[0]?.query.get('phone_number_id')).toBe('106540352242922');
    const file = await client.downloadMedia(info.url);
    expect(file.data.toString()).toBe('OggS-bytes');
    expect(file.mimeType).toBe('audio/ogg; codecs=opus');
    expect(requests[1]?.headers.authorization).toBe('Bearer TOKEN');
    await expect(client.deleteMedia('77')).resolves.toEqual({ success: true });
    expect(requests[2]).toMatchObject({ method: 'DELETE', path: '/v24.0/77' });
    expect(requests[2]?.query.has('phone_number_id')).toBe(false);
  });

  it('reports an expired download URL as a CloudApiError', async () => {
    const { client } = await setup(() => ({ status: 404, text: 'Not found' }));
    await expect(client.downloadMedia(`${server!.baseUrl}/expired`)).rejects.toMatchObject({
      httpStatus: 404,
      code: null,
    });
  });
});
