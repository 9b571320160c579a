import { z } from 'zod';
import { unixTimestampSchema } from '../shared';
import { webhookErrorSchema } from './webhook-error';

export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'played', 'failed'] as const;
export type MessageStatusValue = (typeof MESSAGE_STATUSES)[number];

/** Conversation-based pricing (CBP) conversation; still present in PMP samples (§4.5, §9). */
export const statusConversationSchema = z.looseObject({
  id: z.string(),
  /** Normally only on the first `sent` of a conversation. */
  expiration_timestamp: unixTimestampSchema.optional(),
  /** marketing | utility | authentication | service | referral_conversion | authentication_international | marketing_lite */
  origin: z.looseObject({ type: z.string() }).optional(),
});
export type StatusConversation = z.infer<typeof statusConversationSchema>;

/**
 * Pricing of a message (§9). CBP: `{billable, pricing_model:"CBP", category}`.
 * PMP (from July 2025): adds `type` regular | free_customer_service | free_entry_point; `billable` deprecated.
 */
export const statusPricingSchema = z.looseObject({
  billable: z.boolean().optional(),
  pricing_model: z.string(),
  category: z.string(),
  type: z.string().optional(),
});
export type StatusPricing = z.infer<typeof statusPricingSchema>;

/** One entry of `value.statuses[]` (§4.5). A failed status carries `errors` and no pricing. */
export const messageStatusSchema = z.looseObject({
  /** The wamid returned by the send call. */
  id: z.string().min(1),
  status: z.enum(MESSAGE_STATUSES),
  timestamp: unixTimestampSchema,
  recipient_id: z.string().min(1),
  recipient_user_id: z.string().optional(),
  recipient_type: z.string().optional(),
  recipient_participant_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: statusConversationSchema.optional(),
  pricing: statusPricingSchema.optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
export type MessageStatus = z.infer<typeof messageStatusSchema>;
