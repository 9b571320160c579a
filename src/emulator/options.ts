import type { FastifyBaseLogger } from 'fastify';
import type { EmulatorClock } from './core/clock';
import type { EmulatorModule } from './core/context';
import { accessToken, numericId, secret } from './core/ids';
import type { EmulatorConfigPatch } from './state/config';
import type { WebhookDeliveryOptions } from './webhooks/webhook-dispatcher';

export interface EmulatorPhoneNumberOption {
  id: string;
  /** Digits only; generated from the id when left out. */
  displayPhoneNumber?: string;
  verifiedName?: string;
}

export interface EmulatorOptions {
  /** Token(s) accepted on Graph routes (never expire). Generated when left out. */
  accessToken?: string;
  accessTokens?: string[];
  /** Business phone number id(s). Generated when left out. */
  phoneNumberId?: string;
  phoneNumbers?: EmulatorPhoneNumberOption[];
  wabaId?: string;
  appSecret?: string;
  verifyToken?: string;
  /** Callback URL for webhooks (null/undefined: deliveries are recorded but not sent). */
  webhookUrl?: string | null;
  /** Persist the state as JSON here (debounced writes; reloaded on start). */
  stateFile?: string;
  stateFileDebounceMs?: number;
  clock?: EmulatorClock;
  logger?: FastifyBaseLogger;
  /** Initial runtime config (same shape as `PATCH /_sandbox/config`). Not applied over a loaded state file. */
  config?: EmulatorConfigPatch;
  /** Webhook delivery: retry schedule, concurrency, timeout, log size. */
  delivery?: Partial<Omit<WebhookDeliveryOptions, 'retry'>> & {
    retry?: Partial<WebhookDeliveryOptions['retry']>;
  };
  /** Extra modules (besides the built-in ones listed in modules.ts). */
  modules?: EmulatorModule[];
  /** Random source for fault injection (tests). */
  random?: () => number;
}

export interface ResolvedIdentity {
  accessTokens: string[];
  phoneNumbers: Required<EmulatorPhoneNumberOption>[];
  wabaId: string;
  appSecret: string;
  verifyToken: string;
  webhookUrl: string | null;
}

/** Fill in generated ids and secrets for everything left out. */
export function resolveIdentity(options: EmulatorOptions): ResolvedIdentity {
  const tokens = [...(options.accessToken ? [options.accessToken] : []), ...(options.accessTokens ?? [])];
  const numbers: EmulatorPhoneNumberOption[] = [
    ...(options.phoneNumberId ? [{ id: options.phoneNumberId }] : []),
    ...(options.phoneNumbers ?? []),
  ];
  if (numbers.length === 0) numbers.push({ id: numericId(15) });
  return {
    accessTokens: tokens.length > 0 ? tokens : [accessToken()],
    phoneNumbers: numbers.map((phone, index) => ({
      id: phone.id,
      displayPhoneNumber:
        phone.displayPhoneNumber ??
        `1555${String(100_0000 + index * 7919 + (Number(phone.id.slice(-4)) || 0)).slice(-7)}`,
      verifiedName:
        phone.verifiedName ?? (index === 0 ? 'ChatSyncs Sandbox' : `ChatSyncs Sandbox ${index + 1}`),
    })),
    wabaId: options.wabaId ?? numericId(15),
    appSecret: options.appSecret ?? secret(16),
    verifyToken: options.verifyToken ?? secret(12),
    webhookUrl: options.webhookUrl ?? null,
  };
}
