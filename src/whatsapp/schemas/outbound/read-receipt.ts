import { z } from 'zod';

/** Mark an inbound message (and the earlier ones in the thread) as read (§2.10). */
export const markAsReadPayloadSchema = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
});
export type MarkAsReadPayload = z.infer<typeof markAsReadPayloadSchema>;

/** Show "typing…" to the user for up to 25 s; it also marks the message read (§2.10). */
export const typingIndicatorPayloadSchema = markAsReadPayloadSchema.extend({
  typing_indicator: z.strictObject({ type: z.literal('text') }),
});
export type TypingIndicatorPayload = z.infer<typeof typingIndicatorPayloadSchema>;
