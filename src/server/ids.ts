import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

function encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

export type IdPrefix = 'usr' | 'wsp' | 'inv' | 'key' | 'lgf' | 'req' | (string & {});

/**
 * Prefixed, time-ordered ids (`usr_…`, `wsp_…`): 48 bits of milliseconds then 80 random bits,
 * so ids sort by creation time and index well.
 */
export function newId(prefix: IdPrefix): string {
  const bytes = new Uint8Array(16);
  const now = Date.now();
  for (let i = 5; i >= 0; i--) bytes[5 - i] = Math.floor(now / 2 ** (8 * i)) & 0xff;
  bytes.set(randomBytes(10), 6);
  return `${prefix}_${encode(bytes)}`;
}

/** A URL-safe random secret with the given number of random bytes. */
export function randomToken(byteLength = 32): string {
  return randomBytes(byteLength).toString('base64url');
}
