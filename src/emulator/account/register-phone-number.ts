import { GraphError, missingParam } from '../graph/graph-error';
import type { PhoneRegistration } from './account-store';

export const REGISTER_LIMIT = { calls: 10, wrongPins: 10, minRetryMs: 5_000 } as const;

const registrationError = (code: number, title: string, details: string, http = 400) =>
  new GraphError(code, { message: `(#${code}) ${title}`, details, http });

/**
 * `POST /{phone-number-id}/register {messaging_product, pin}` (reference §7.2): 6-digit PIN that
 * sets or must match two-step verification; 10 register/deregister calls per 72 h (133016);
 * wrong PIN → 133005, guessing again within 5 s → 133009, 10 wrong PINs in 24 h → 133008.
 */
export function registerPhoneNumber(
  entry: PhoneRegistration,
  body: Record<string, unknown>,
  now: number,
): void {
  if (body.messaging_product === undefined) throw missingParam('messaging_product');
  if (body.messaging_product !== 'whatsapp')
    throw new GraphError(100, { details: 'Param messaging_product must be whatsapp.' });
  if (body.pin === undefined || body.pin === '') throw missingParam('pin');
  const pin = String(body.pin);
  if (!/^\d{6}$/.test(pin)) throw new GraphError(100, { details: 'Param pin must be a 6-digit number.' });
  if (entry.calls.length >= REGISTER_LIMIT.calls)
    throw registrationError(
      133016,
      'Account register deregister rate limit exceeded',
      'Too many register/deregister calls for this number in 72 hours.',
      429,
    );
  if (entry.failedPins.length >= REGISTER_LIMIT.wrongPins)
    throw registrationError(
      133008,
      'Too many two step verification PIN guesses',
      'Too many wrong PINs for this phone number. Try again later.',
    );
  const lastFailure = entry.failedPins[entry.failedPins.length - 1];
  if (lastFailure !== undefined && now - lastFailure < REGISTER_LIMIT.minRetryMs)
    throw registrationError(
      133009,
      'Two step verification PIN guessed too fast',
      'Wait before trying another PIN.',
    );
  entry.calls.push(now);
  if (entry.pin !== undefined && entry.pin !== pin) {
    entry.failedPins.push(now);
    throw registrationError(
      133005,
      'Two step verification PIN Mismatch',
      'The PIN does not match the two-step verification PIN of this number.',
    );
  }
  entry.pin = pin;
  entry.registered = true;
  entry.failedPins = [];
  entry.lastOnboardedAt = now;
}

export function deregisterPhoneNumber(entry: PhoneRegistration, now: number): void {
  if (entry.calls.length >= REGISTER_LIMIT.calls)
    throw registrationError(
      133016,
      'Account register deregister rate limit exceeded',
      'Too many register/deregister calls for this number in 72 hours.',
      429,
    );
  entry.calls.push(now);
  entry.registered = false;
}
