import { z } from 'zod';

/** Answer to `POST /{phone-number-id}/messages` (§2.1). */
export const sendMessageResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z
    .array(
      z.looseObject({
        input: z.string().optional(),
        wa_id: z.string().optional(),
        user_id: z.string().optional(),
      }),
    )
    .optional(),
  messages: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        /** On template sends: accepted | held_for_quality_assessment | paused (unconfirmed). */
        message_status: z.string().optional(),
      }),
    )
    .min(1),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;
