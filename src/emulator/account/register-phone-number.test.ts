import { describe, expect, it } from 'vitest';
import type { PhoneRegistration } from './account-store';
import { registerPhoneNumber } from './register-phone-number';

const fresh = (): PhoneRegistration => ({ registered: false, calls: [], failedPins: [] });
const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: number }).code;
  }
  return 'ok';
};

describe('registerPhoneNumber', () => {
  it.each([
    ['missing messaging_product', { pin: '123456' }, 131008],
    ['wrong messaging_product', { messaging_product: 'sms', pin: '123456' }, 100],
    ['missing pin', { messaging_product: 'whatsapp' }, 131008],
    ['5-digit pin', { messaging_product: 'whatsapp', pin: '12345' }, 100],
    ['letters in pin', { messaging_product: 'whatsapp', pin: '12a456' }, 100],
    ['valid pin', { messaging_product: 'whatsapp', pin: '123456' }, 'ok'],
  ])('%s → %s', (_name, body, code) => {
    expect(codeOf(() => registerPhoneNumber(fresh(), body, 0))).toBe(code);
  });

  it('sets the PIN, then requires it (133005), slows guesses (133009), stops them (133008)', () => {
    const entry = fresh();
    const body = (pin: string) => ({ messaging_product: 'whatsapp', pin });
    registerPhoneNumber(entry, body('123456'), 0);
    expect(entry).toMatchObject({ registered: true, pin: '123456' });
    expect(codeOf(() => registerPhoneNumber(entry, body('000000'), 1000))).toBe(133005);
    expect(codeOf(() => registerPhoneNumber(entry, body('000001'), 2000))).toBe(133009);
    expect(codeOf(() => registerPhoneNumber(entry, body('123456'), 7000))).toBe('ok');
    const guesser = { ...fresh(), pin: '123456' };
    guesser.failedPins = Array.from({ length: 10 }, (_, i) => i * 10_000);
    expect(codeOf(() => registerPhoneNumber(guesser, body('123456'), 200_000))).toBe(133008);
  });

  it('allows 10 register calls per 72 hours (133016)', () => {
    const entry = fresh();
    for (let i = 0; i < 10; i++)
      registerPhoneNumber(entry, { messaging_product: 'whatsapp', pin: '123456' }, i);
    expect(
      codeOf(() => registerPhoneNumber(entry, { messaging_product: 'whatsapp', pin: '123456' }, 11)),
    ).toBe(133016);
  });
});
