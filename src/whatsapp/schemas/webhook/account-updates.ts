import { z } from 'zod';

/**
 * `phone_number_quality_update` value (§4.6). `event` (FLAGGED, UNFLAGGED, UPGRADE, DOWNGRADE,
 * THROUGHPUT_UPGRADE, ONBOARDING …) and the tier values are not fully confirmed, so they stay strings.
 */
export const phoneNumberQualityUpdateSchema = z.looseObject({
  display_phone_number: z.string(),
  event: z.string(),
  /** TIER_50 … TIER_UNLIMITED; Meta removes it in Feb 2026 in favour of the next field. */
  current_limit: z.string().optional(),
  old_limit: z.string().optional(),
  /** 250 | 2000 | 10000 | 100000 | -1 (unlimited). */
  max_daily_conversations_per_business: z.union([z.number(), z.string()]).optional(),
});
export type PhoneNumberQualityUpdate = z.infer<typeof phoneNumberQualityUpdateSchema>;

/**
 * `account_update` value (§4.6). The event list grows (ACCOUNT_VIOLATION, ACCOUNT_RESTRICTION,
 * DISABLED_UPDATE, PARTNER_ADDED, VOLUME_BASED_PRICING_TIER_UPDATE …), so `event` is a string and
 * the event-specific objects are kept as received.
 */
export const accountUpdateSchema = z.looseObject({
  event: z.string(),
  phone_number: z.string().optional(),
  violation_info: z.looseObject({ violation_type: z.string().optional() }).optional(),
  restriction_info: z
    .array(z.looseObject({ restriction_type: z.string().optional(), expiration: z.unknown().optional() }))
    .optional(),
  ban_info: z
    .looseObject({ waba_ban_state: z.unknown().optional(), waba_ban_date: z.unknown().optional() })
    .optional(),
  waba_info: z
    .looseObject({ waba_id: z.string().optional(), owner_business_id: z.string().optional() })
    .optional(),
});
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

/** `business_capability_update` value (§4.6). */
export const businessCapabilityUpdateSchema = z.looseObject({
  max_daily_conversations_per_business: z.number().optional(),
  max_daily_conversation_per_phone: z.number().optional(),
  max_phone_numbers_per_business: z.number().optional(),
  max_phone_numbers_per_waba: z.number().optional(),
});
export type BusinessCapabilityUpdate = z.infer<typeof businessCapabilityUpdateSchema>;

/** `flows` value (§4.6): FLOW_STATUS_CHANGE and endpoint health alerts. */
export const flowsUpdateSchema = z.looseObject({
  event: z.string(),
  message: z.string().optional(),
  flow_id: z.string().optional(),
  old_status: z.string().optional(),
  new_status: z.string().optional(),
  alert_state: z.string().optional(),
});
export type FlowsUpdate = z.infer<typeof flowsUpdateSchema>;
