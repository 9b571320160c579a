import { randomBytes } from 'node:crypto';
import { numericId } from '../core/ids';
import type { PersistentStore } from '../state/extensions';

const HOUR = 60 * 60 * 1000;

export interface PhoneRegistration {
  registered: boolean;
  /** Two-step verification PIN (set by the first register or POST /{phone-number-id} {pin}). */
  pin?: string;
  /** register/deregister calls (epoch ms), for the 10 per 72 h limit (133016). */
  calls: number[];
  /** Wrong PIN attempts (epoch ms), for 133008/133009. */
  failedPins: number[];
  lastOnboardedAt?: number;
}

export interface OAuthCode {
  code: string;
  tokenKind: 'business_integration' | 'user';
  expiresAt: number;
  used: boolean;
  phoneNumberId: string;
}

export interface Subscription {
  overrideCallbackUri?: string;
  verifyToken?: string;
}

interface SerializedAccount {
  appId: string;
  registrations: Record<string, PhoneRegistration>;
  codes: OAuthCode[];
  subscription: Subscription | null;
}

/** Account-side state: app id, number registration and PINs, OAuth codes, the WABA subscription. */
export class AccountStore implements PersistentStore {
  appId = numericId(15);
  readonly registrations = new Map<string, PhoneRegistration>();
  readonly codes = new Map<string, OAuthCode>();
  subscription: Subscription | null = null;

  constructor(private readonly deps: { now(): number; markChanged(): void }) {}

  registration(phoneNumberId: string): PhoneRegistration {
    let entry = this.registrations.get(phoneNumberId);
    if (!entry) {
      // Numbers the emulator starts with are already registered (like a working sandbox number).
      entry = { registered: true, calls: [], failedPins: [] };
      this.registrations.set(phoneNumberId, entry);
    }
    const since = this.deps.now() - 72 * HOUR;
    entry.calls = entry.calls.filter((at) => at > since);
    entry.failedPins = entry.failedPins.filter((at) => at > this.deps.now() - 24 * HOUR);
    return entry;
  }

  issueCode(phoneNumberId: string, tokenKind: OAuthCode['tokenKind'], ttlMs: number): OAuthCode {
    const code: OAuthCode = {
      code: `AQ${randomBytes(48).toString('base64url')}`,
      tokenKind,
      expiresAt: this.deps.now() + ttlMs,
      used: false,
      phoneNumberId,
    };
    this.codes.set(code.code, code);
    this.deps.markChanged();
    return code;
  }

  changed(): void {
    this.deps.markChanged();
  }

  toJSON(): SerializedAccount {
    return {
      appId: this.appId,
      registrations: Object.fromEntries(this.registrations),
      codes: [...this.codes.values()],
      subscription: this.subscription,
    };
  }

  load(data: unknown): void {
    const saved = data as Partial<SerializedAccount> | undefined;
    if (saved?.appId) this.appId = saved.appId;
    this.registrations.clear();
    for (const [id, entry] of Object.entries(saved?.registrations ?? {})) this.registrations.set(id, entry);
    this.codes.clear();
    for (const code of saved?.codes ?? []) this.codes.set(code.code, code);
    this.subscription = saved?.subscription ?? null;
  }
}
