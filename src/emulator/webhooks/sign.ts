import { createHmac } from 'node:crypto';

/**
 * `X-Hub-Signature-256` value for a raw body: `sha256=<hex HMAC-SHA256(appSecret, body)>`.
 * (Kept local so the emulator has no start-up dependency; same algorithm as src/whatsapp.)
 */
export function signatureHeader(appSecret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
