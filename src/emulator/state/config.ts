import { z } from 'zod';

/** Messaging-limit tiers (reference §8.3) and the unique-recipient cap each one means (-1 = unlimited). */
export const MESSAGING_TIERS = {
  TIER_250: 250,
  TIER_2K: 2000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: -1,
} as const;
export type MessagingTier = keyof typeof MESSAGING_TIERS;

const tierSchema = z.enum(['TIER_250', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED']);
const probability = z.number().min(0).max(1);
const waIdSchema = z.string().regex(/^\d{6,15}$/, 'a wa_id is 6–15 digits');

/**
 * Runtime configuration of the emulator, read and changed through `GET`/`PATCH /_sandbox/config`.
 * Snake case because it is part of the public control API.
 */
export const emulatorConfigSchema = z.object({
  throughput_mps: z.number().int().min(1).max(1000),
  pair_rate: z.object({
    enabled: z.boolean(),
    /** One message every `interval_seconds` to the same user… */
    interval_seconds: z.number().positive(),
    /** …with a bursty allowance of this many messages. */
    burst: z.number().int().min(1),
  }),
  messaging_limit_tier: tierSchema,
  /** Code of the async failure when the messaging limit is hit (§8.3: no dedicated code). */
  messaging_limit_error_code: z.union([z.literal(131048), z.literal(131049), z.literal(131064)]),
  quality_rating: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']),
  /** Template review policy, consumed by the templates module. */
  template_review: z.object({
    mode: z.enum(['approve', 'reject', 'pending']),
    delay_seconds: z.number().min(0),
    rejection_reason: z.enum([
      'ABUSIVE_CONTENT',
      'INCORRECT_CATEGORY',
      'INVALID_FORMAT',
      'PROMOTIONAL',
      'SCAM',
      'TAG_CONTENT_MISMATCH',
      'NONE',
    ]),
  }),
  test_number: z.object({
    enabled: z.boolean(),
    allowed_recipients: z.array(waIdSchema).max(5, 'a test number can message at most 5 recipients'),
  }),
  webhook: z.object({
    url: z.url().nullable(),
    app_secret: z.string().min(1),
    verify_token: z.string().min(1),
    /** Put up to `batch_max_items` status updates of one phone number in one POST. */
    batch: z.boolean(),
    batch_max_items: z.number().int().min(1).max(1000),
  }),
  auto_read: z.object({ enabled: z.boolean(), delay_ms: z.number().int().min(0) }),
  status_delays_ms: z.object({ sent: z.number().int().min(0), delivered: z.number().int().min(0) }),
  /** Recipients never seen before: deliver (create the customer) or treat as not on WhatsApp. */
  unknown_recipients: z.enum(['deliver', 'undeliverable']),
  /** Include the `conversation` object in sent/delivered/read statuses (§4.5, [?] under PMP). */
  include_conversation: z.boolean(),
  faults: z.object({
    webhook_duplicate_rate: probability,
    webhook_reorder_rate: probability,
    webhook_reorder_delay_ms: z.number().int().min(0),
    graph_error_rate: probability,
    graph_latency_rate: probability,
    graph_latency_ms: z.number().int().min(0),
  }),
});
export type EmulatorConfig = z.infer<typeof emulatorConfigSchema>;

/** PATCH body: every section optional, every field of a section optional. */
export const emulatorConfigPatchSchema = z.strictObject({
  throughput_mps: emulatorConfigSchema.shape.throughput_mps.optional(),
  pair_rate: emulatorConfigSchema.shape.pair_rate.partial().strict().optional(),
  messaging_limit_tier: tierSchema.optional(),
  messaging_limit_error_code: emulatorConfigSchema.shape.messaging_limit_error_code.optional(),
  quality_rating: emulatorConfigSchema.shape.quality_rating.optional(),
  template_review: emulatorConfigSchema.shape.template_review.partial().strict().optional(),
  test_number: emulatorConfigSchema.shape.test_number.partial().strict().optional(),
  webhook: emulatorConfigSchema.shape.webhook.partial().strict().optional(),
  auto_read: emulatorConfigSchema.shape.auto_read.partial().strict().optional(),
  status_delays_ms: emulatorConfigSchema.shape.status_delays_ms.partial().strict().optional(),
  unknown_recipients: emulatorConfigSchema.shape.unknown_recipients.optional(),
  include_conversation: z.boolean().optional(),
  faults: emulatorConfigSchema.shape.faults.partial().strict().optional(),
});
export type EmulatorConfigPatch = z.infer<typeof emulatorConfigPatchSchema>;

export function defaultConfig(webhook: {
  url: string | null;
  app_secret: string;
  verify_token: string;
}): EmulatorConfig {
  return {
    throughput_mps: 80,
    pair_rate: { enabled: true, interval_seconds: 6, burst: 45 },
    messaging_limit_tier: 'TIER_250',
    messaging_limit_error_code: 131048,
    quality_rating: 'GREEN',
    template_review: { mode: 'approve', delay_seconds: 0, rejection_reason: 'INVALID_FORMAT' },
    test_number: { enabled: false, allowed_recipients: [] },
    webhook: { ...webhook, batch: false, batch_max_items: 100 },
    auto_read: { enabled: false, delay_ms: 1000 },
    status_delays_ms: { sent: 5, delivered: 20 },
    unknown_recipients: 'deliver',
    include_conversation: true,
    faults: {
      webhook_duplicate_rate: 0,
      webhook_reorder_rate: 0,
      webhook_reorder_delay_ms: 50,
      graph_error_rate: 0,
      graph_latency_rate: 0,
      graph_latency_ms: 0,
    },
  };
}

/** Apply a validated patch, section by section. Returns the new config (validated again). */
export function applyConfigPatch(config: EmulatorConfig, patch: EmulatorConfigPatch): EmulatorConfig {
  const next: Record<string, unknown> = { ...config };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = (config as Record<string, unknown>)[key];
    next[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && typeof current === 'object'
        ? { ...(current as object), ...(value as object) }
        : value;
  }
  return emulatorConfigSchema.parse(next);
}
