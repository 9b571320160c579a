import { randomBytes, randomInt } from 'node:crypto';

/** Realistic identifiers for everything the emulator hands out. */

let counter = randomInt(0, 0xffffff);

/** Numeric Graph object id (phone number, WABA, media, template, flow): 15–16 digits, no leading zero. */
export function numericId(digits: 15 | 16 = 15): string {
  let id = String(randomInt(1, 10));
  while (id.length < digits) id += String(randomInt(0, 10));
  return id;
}

/**
 * A wamid shaped like Meta's: `wamid.` + base64 of a small protobuf-ish record that embeds the
 * recipient's wa_id and a unique id. Cheap enough for the hot send path (one counter, no I/O).
 */
export function wamid(waId: string): string {
  counter = (counter + 1) & 0xffffffff;
  const unique = `${Date.now().toString(16).toUpperCase()}${counter.toString(16).toUpperCase().padStart(8, '0')}`;
  const raw = Buffer.concat([
    Buffer.from([0x1c, 0x18, waId.length & 0xff]),
    Buffer.from(waId, 'latin1'),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, unique.length & 0xff]),
    Buffer.from(unique, 'latin1'),
    Buffer.from([0x00]),
  ]);
  return `wamid.${raw.toString('base64')}`;
}

/** Opaque Graph trace id, e.g. `Az8or2yhqkZfEZ-_4Qn_Bam`. */
export function fbtraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}

/** Access-token-looking string (`EAA…`), long like Meta's. */
export function accessToken(): string {
  return `EAAG${randomBytes(90).toString('base64url').replace(/[-_]/g, 'Z')}`;
}

/** Random hex secret (app secret, verify token). */
export function secret(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** Prefixed ids for emulator-internal records (`whd_…` deliveries, `conv_…`). */
export function prefixedId(prefix: string): string {
  counter = (counter + 1) & 0xffffffff;
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}${randomBytes(3).toString('hex')}`;
}

/** Numeric string like Meta's `hub.challenge`. */
export function challenge(): string {
  return String(randomInt(100_000_000, 2_000_000_000));
}
