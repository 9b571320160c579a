/** Client-side checks that mirror the server's rules, so mistakes show next to the field. */

export const minPasswordLength = 10;

export function required(value: string, what: string): string | null {
  return value.trim() ? null : `Enter ${what}.`;
}

export function email(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter an email address.';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)
    ? null
    : 'Enter a valid email address, like name@company.com.';
}

export function password(value: string): string | null {
  if (!value) return 'Choose a password.';
  return value.length >= minPasswordLength
    ? null
    : `Use at least ${minPasswordLength} characters (${value.length} so far).`;
}

/** Keeps only the fields that have an error; empty means the form is valid. */
export function collectErrors<K extends string>(
  checks: Record<K, string | null>,
): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const key of Object.keys(checks) as K[]) {
    const message = checks[key];
    if (message) errors[key] = message;
  }
  return errors;
}

/** A `next=` redirect target, accepted only when it stays inside the dashboard. */
export function safeNext(value: string | null): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
