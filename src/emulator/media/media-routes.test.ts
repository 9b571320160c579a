import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorTestApp, TEST_PHONE } from '../templates/emulator-test-app';

let t: Awaited<ReturnType<typeof emulatorTestApp>>;
beforeEach(async () => {
  t = await emulatorTestApp();
});
afterEach(() => t.close());

async function multipart(
  fields: Record<string, string>,
  file?: { bytes: Buffer; type: string; name: string },
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}

async function upload(fields: Record<string, string>, file?: { bytes: Buffer; type: string; name: string }) {
  const { payload, contentType } = await multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/v21.0/${TEST_PHONE}/media`,
    headers: { ...t.auth, 'content-type': contentType },
    payload,
  });
}

const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
const MB = 1024 * 1024;

describe('media', () => {
  it('uploads, describes, downloads (Bearer required) and deletes', async () => {
    const uploaded = await upload(
      { messaging_product: 'whatsapp', type: 'image/jpeg' },
      { bytes: jpeg, type: 'image/jpeg', name: 'a.jpg' },
    );
    expect(uploaded.statusCode).toBe(200);
    const { id } = uploaded.json();
    expect(id).toMatch(/^\d{16}$/);

    const info = await t.app.inject({ url: `/v21.0/${id}`, headers: { ...t.auth, host: 'emu.test:4010' } });
    expect(info.json()).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringMatching(
        /^http:\/\/emu\.test:4010\/lookaside\/whatsapp_business\/attachments\/\?mid=\d+&ext=jpeg&/,
      ),
      mime_type: 'image/jpeg',
      sha256: createHash('sha256').update(jpeg).digest('hex'),
      file_size: jpeg.length,
      id,
    });
    const path = new URL(info.json().url).pathname + new URL(info.json().url).search;

    const withAuth = await t.app.inject({ url: path, headers: t.auth });
    expect(withAuth.statusCode).toBe(200);
    expect(withAuth.headers['content-type']).toBe('image/jpeg');
    expect(withAuth.rawPayload.equals(jpeg)).toBe(true);

    const withoutAuth = await t.app.inject({ url: path });
    expect(withoutAuth.statusCode).toBe(400);
    expect(withoutAuth.json().error.code).toBe(104);
    const badToken = await t.app.inject({ url: path, headers: { authorization: 'Bearer nope' } });
    expect(badToken.json().error.code).toBe(190);

    t.emulator.clock.advance(5 * 60 * 1000 + 1);
    expect((await t.app.inject({ url: path, headers: t.auth })).statusCode).toBe(404);

    const wrongOwner = await t.app.inject({
      method: 'DELETE',
      url: `/v21.0/${id}?phone_number_id=123`,
      headers: t.auth,
    });
    expect(wrongOwner.json().error.code).toBe(100);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/v21.0/${id}`, headers: t.auth });
    expect(deleted.json()).toEqual({ success: true });
    const gone = await t.app.inject({ url: `/v21.0/${id}`, headers: t.auth });
    expect(gone.json().error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it.each([
    ['image over 5 MB', 'image/jpeg', 5 * MB + 1, 131053],
    ['static sticker over 100 KB', 'image/webp', 100 * 1024 + 1, 131053],
    ['unsupported type', 'image/gif', 10, 131053],
    ['audio at 16 MB', 'audio/ogg', 16 * MB, 200],
    ['opus audio with codec parameter', 'audio/ogg; codecs=opus', 10, 200],
  ])('%s', async (_name, type, size, expected) => {
    const response = await upload(
      { messaging_product: 'whatsapp', type },
      { bytes: Buffer.alloc(size, 1), type, name: 'f' },
    );
    if (expected === 200) expect(response.statusCode).toBe(200);
    else expect(response.json().error.code).toBe(expected);
  });

  it('requires messaging_product, type and file', async () => {
    const file = { bytes: jpeg, type: 'image/jpeg', name: 'a.jpg' };
    expect((await upload({ type: 'image/jpeg' }, file)).json().error.code).toBe(100);
    expect((await upload({ messaging_product: 'whatsapp' }, file)).json().error.code).toBe(131008);
    expect((await upload({ messaging_product: 'whatsapp', type: 'image/jpeg' })).json().error.code).toBe(
      131008,
    );
  });

  it('makes media for a simulated customer and lets a business send uploaded media only', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/_sandbox/media',
      payload: { mime_type: 'image/png' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: expect.any(String), mime_type: 'image/png', kind: 'image' });
    const info = await t.app.inject({ url: `/v21.0/${created.json().id}`, headers: t.auth });
    expect(info.json().mime_type).toBe('image/png');
    expect(t.emulator.state.media?.exists(created.json().id, TEST_PHONE)).toBe(true);
    expect(t.emulator.state.media?.exists('123', TEST_PHONE)).toBe(false);
  });
});
