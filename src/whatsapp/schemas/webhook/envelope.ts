import { z } from 'zod';
import {
  accountUpdateSchema,
  businessCapabilityUpdateSchema,
  flowsUpdateSchema,
  phoneNumberQualityUpdateSchema,
} from './account-updates';
import { inboundMessageSchema } from './inbound-message';
import { messageStatusSchema } from './status';
import {
  templateCategoryUpdateSchema,
  templateQualityUpdateSchema,
  templateStatusUpdateSchema,
} from './template-updates';
import { webhookErrorSchema } from './webhook-error';

/** A contact next to inbound messages: the user's profile name and wa_id (§4.3). */
export const webhookContactSchema = z.looseObject({
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
});
export type WebhookContact = z.infer<typeof webhookContactSchema>;

/** `value` of a `messages` change: inbound messages, statuses, or app-level errors (§4.3). */
export const messagesChangeValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string().min(1) }),
  contacts: z.array(webhookContactSchema).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  statuses: z.array(messageStatusSchema).optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
export type MessagesChangeValue = z.infer<typeof messagesChangeValueSchema>;

const change = <F extends string, V extends z.ZodType>(field: F, value: V) =>
  z.looseObject({ field: z.literal(field), value });

const knownChangeSchema = z.discriminatedUnion('field', [
  change('messages', messagesChangeValueSchema),
  change('message_template_status_update', templateStatusUpdateSchema),
  change('message_template_quality_update', templateQualityUpdateSchema),
  change('template_category_update', templateCategoryUpdateSchema),
  change('phone_number_quality_update', phoneNumberQualityUpdateSchema),
  change('account_update', accountUpdateSchema),
  change('business_capability_update', businessCapabilityUpdateSchema),
  change('flows', flowsUpdateSchema),
]);
export const KNOWN_WEBHOOK_FIELDS: readonly string[] = knownChangeSchema.options.map(
  (o) => o.shape.field.value,
);

/** A field the product does not handle (user_preferences, security, calls …): kept as received. */
const otherChangeSchema = z
  .looseObject({
    field: z
      .string()
      .refine((field) => !KNOWN_WEBHOOK_FIELDS.includes(field), 'malformed known webhook field'),
    value: z.unknown(),
  })
  .transform((c) => ({ field: 'other' as const, original_field: c.field, value: c.value }));

/** One entry of `entry[].changes[]`, discriminated by `field`. */
export const webhookChangeSchema = z.union([knownChangeSchema, otherChangeSchema]);
export type WebhookChange = z.output<typeof webhookChangeSchema>;

/** The body Meta POSTs to the webhook URL (§4.3). */
export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      /** The WABA id. */
      id: z.string(),
      /** Present on non-"messages" fields. */
      time: z.number().optional(),
      changes: z.array(webhookChangeSchema),
    }),
  ),
});
export type WebhookEnvelope = z.output<typeof webhookEnvelopeSchema>;
export type WebhookEnvelopeInput = z.input<typeof webhookEnvelopeSchema>;
