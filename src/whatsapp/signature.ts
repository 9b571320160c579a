import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/** Name of the header Meta signs webhook POSTs with (§4.2). */
export const WEBHOOK_SIGNATURE_HEADER = 'x-hub-signature-256';

function hmacHex(rawBody: string | Uint8Array, appSecret: string): string {
  return createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`, the value of X-Hub-Signature-256. */
export function signWebhookBody(rawBody: string | Uint8Array, appSecret: string): string {
  return PREFIX + hmacHex(rawBody, appSecret);
}

/**
 * True when `header` is the valid X-Hub-Signature-256 of the raw request bytes. Compute it over the
 * bytes as received, before JSON parsing. Never throws: a missing header, another prefix, bad hex or a
 * wrong length all return false. The comparison is constant-time.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  header: string | readonly string[] | null | undefined,
  appSecret: string,
): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || appSecret === '') return false;
  const trimmed = value.trim();
  if (trimmed.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return false;
  const givenHex = trimmed.slice(PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(givenHex)) return false;
  const expected = Buffer.from(hmacHex(rawBody, appSecret), 'hex');
  const given = Buffer.from(givenHex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
