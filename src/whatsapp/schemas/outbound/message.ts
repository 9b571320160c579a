import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { contactsContentSchema } from './contacts';
import { interactiveContentSchema } from './interactive';
import { locationContentSchema } from './location';
import {
  audioMediaSchema,
  documentMediaSchema,
  imageMediaSchema,
  stickerMediaSchema,
  videoMediaSchema,
} from './media';
import { reactionContentSchema } from './reaction';
import { templateContentSchema } from './template';
import { textContentSchema } from './text';

/** A phone number with country code; a leading "+", spaces, dashes and brackets are tolerated (§2.1). */
const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,30}$/;

/** Fields every outbound message shares (§2.1). */
const envelope = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  /** The recipient's phone number (or a group id when recipient_type is "group"). */
  to: z.string().min(1).max(64).optional(),
  /** Business-scoped user id, used instead of `to` (2026 rollout). */
  recipient: z.string().min(1).optional(),
  recipient_identity_key_hash: z.string().min(1).optional(),
  /** Quote/reply to an earlier message (§2.7). */
  context: z.strictObject({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(CLOUD_API_LIMITS.bizOpaqueCallbackData).optional(),
};

const message = <T extends string, S extends z.ZodType>(type: T, content: S) =>
  z.strictObject({ ...envelope, type: z.literal(type) }).extend({ [type]: content } as { [K in T]: S });

/** Body of `POST /{phone-number-id}/messages` for every message type the product sends. */
export const sendMessagePayloadSchema = z
  .discriminatedUnion('type', [
    message('text', textContentSchema),
    message('image', imageMediaSchema),
    message('video', videoMediaSchema),
    message('audio', audioMediaSchema),
    message('document', documentMediaSchema),
    message('sticker', stickerMediaSchema),
    message('location', locationContentSchema),
    message('contacts', contactsContentSchema),
    message('reaction', reactionContentSchema),
    message('interactive', interactiveContentSchema),
    message('template', templateContentSchema),
  ])
  .superRefine((payload, ctx) => {
    if (payload.to === undefined && payload.recipient === undefined) {
      ctx.addIssue({ code: 'custom', message: 'give "to" (phone number) or "recipient"', path: ['to'] });
    }
    if (payload.to !== undefined && payload.recipient_type !== 'group' && !PHONE_PATTERN.test(payload.to)) {
      ctx.addIssue({
        code: 'custom',
        message: '"to" must be a phone number with country code, e.g. 15551234567',
        path: ['to'],
      });
    }
  });
export type SendMessagePayload = z.infer<typeof sendMessagePayloadSchema>;
export type SendMessagePayloadInput = z.input<typeof sendMessagePayloadSchema>;
export type OutboundMessageType = SendMessagePayload['type'];
