import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, setupOwner } from '../testing/session-client';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('bad input gets a readable 4xx', () => {
  let t: TestApp;
  let owner: SessionClient;
  let workspaceId: string;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
    ({ owner, workspaceId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/api-keys`,
      headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken, 'content-type': contentType },
      payload,
    });

  it('malformed JSON → 400 bad_request', async () => {
    const response = await post('{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'bad_request',
      message: 'The request body is not valid JSON.',
    });
  });

  it('wrong types → 400 validation_failed naming the field', async () => {
    const response = await post(JSON.stringify({ name: 42 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.message).toMatch(/name/);
  });

  it('oversized body → 413 payload_too_large', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(10_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('unsupported content type → 415', async () => {
    const response = await post('name=x', 'text/csv');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('invalid setup fields are explained', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/email/i);
  });

  it('unknown routes → 404 in the error shape', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({
      code: 'not_found',
      requestId: expect.stringMatching(/^req_/),
    });
  });

  it('serves the OpenAPI document with the product routes', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/workspaces/{wid}/api-keys']),
    );
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('reports readiness of the database and the queue', async () => {
    const response = await t.app.inject({ url: '/readyz' });
    expect(response.json()).toEqual({ status: 'ok', database: 'ok', queue: 'ok' });
  });
});
