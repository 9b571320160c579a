import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './signature';

const SECRET = 'app-secret-123';
const BODY = '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}';

describe('webhook signature', () => {
  it('signs as sha256=<hex HMAC-SHA256(app secret, raw body)>', () => {
    const expected = createHmac('sha256', SECRET).update(BODY).digest('hex');
    expect(signWebhookBody(BODY, SECRET)).toBe(`sha256=${expected}`);
    expect(signWebhookBody(Buffer.from(BODY), SECRET)).toBe(`sha256=${expected}`);
  });

  it('round-trips for strings and raw bytes, including non-ASCII text', () => {
    const body = '{"text":{"body":"olá 😀"}}';
    const header = signWebhookBody(Buffer.from(body, 'utf8'), SECRET);
    expect(verifyWebhookSignature(body, header, SECRET)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(body, 'utf8'), header, SECRET)).toBe(true);
    expect(verifyWebhookSignature(body, header.toUpperCase().replace('SHA256=', 'sha256='), SECRET)).toBe(
      true,
    );
  });

  it('rejects a body changed after signing (even re-serialised JSON with the same meaning)', () => {
    const header = signWebhookBody(BODY, SECRET);
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(BODY), null, 2), header, SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY.replace('"1"', '"2"'), header, SECRET)).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyWebhookSignature(BODY, signWebhookBody(BODY, 'other-secret'), SECRET)).toBe(false);
  });

  it.each([
    ['missing header', undefined],
    ['null header', null],
    ['empty header', ''],
    ['legacy sha1 prefix', `sha1=${createHmac('sha1', SECRET).update(BODY).digest('hex')}`],
    ['no prefix', createHmac('sha256', SECRET).update(BODY).digest('hex')],
    ['truncated hex', signWebhookBody(BODY, SECRET).slice(0, -2)],
    ['extra hex', `${signWebhookBody(BODY, SECRET)}00`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
  ])('returns false without throwing for %s', (_name, header) => {
    expect(() => verifyWebhookSignature(BODY, header, SECRET)).not.toThrow();
    expect(verifyWebhookSignature(BODY, header, SECRET)).toBe(false);
  });

  it('accepts the first value when the header arrives as an array, and refuses an empty secret', () => {
    const header = signWebhookBody(BODY, SECRET);
    expect(verifyWebhookSignature(BODY, [header], SECRET)).toBe(true);
    expect(verifyWebhookSignature(BODY, signWebhookBody(BODY, ''), '')).toBe(false);
  });
});
