import { describe, expect, it } from 'vitest';
import { email, password, safeNext } from './validate';

describe('form checks', () => {
  it('accepts ordinary email addresses and explains bad ones', () => {
    expect(email(' ada@example.com ')).toBeNull();
    expect(email('')).toBe('Enter an email address.');
    expect(email('ada@')).toMatch(/valid email/);
  });

  it('asks for at least 10 password characters and says how many were typed', () => {
    expect(password('0123456789')).toBeNull();
    expect(password('short')).toBe('Use at least 10 characters (5 so far).');
  });

  it('only follows next= links that stay inside the dashboard', () => {
    expect(safeNext('/invite/abc')).toBe('/invite/abc');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
