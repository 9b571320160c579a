import { z } from 'zod';
import { unixTimestampSchema } from '../shared';
import {
  inboundAudioSchema,
  inboundButtonSchema,
  inboundContactSchema,
  inboundContextSchema,
  inboundDocumentSchema,
  inboundImageSchema,
  inboundInteractiveSchema,
  inboundLocationSchema,
  inboundOrderSchema,
  inboundReactionSchema,
  inboundReferralSchema,
  inboundStickerSchema,
  inboundSystemSchema,
  inboundVideoSchema,
} from './inbound-content';
import { webhookErrorSchema } from './webhook-error';

/** Fields every inbound message carries (§4.4). */
const base = {
  /** The user's wa_id. */
  from: z.string().min(1),
  /** Business-scoped user id (2026 rollout). */
  from_user_id: z.string().optional(),
  id: z.string().min(1),
  timestamp: unixTimestampSchema,
  context: inboundContextSchema.optional(),
  referral: inboundReferralSchema.optional(),
  errors: z.array(webhookErrorSchema).optional(),
};

const inbound = <T extends string, S extends z.ZodType>(type: T, content: S) =>
  z.looseObject({ ...base, type: z.literal(type) }).extend({ [type]: content } as { [K in T]: S });

/**
 * Inbound message of a type the product understands, strict on the fields it relies on.
 * Use it where a malformed message should be an error (emulator self-checks, tests).
 */
export const knownInboundMessageSchema = z.discriminatedUnion('type', [
  inbound('text', z.looseObject({ body: z.string() })),
  inbound('image', inboundImageSchema),
  inbound('video', inboundVideoSchema),
  inbound('audio', inboundAudioSchema),
  inbound('document', inboundDocumentSchema),
  inbound('sticker', inboundStickerSchema),
  inbound('location', inboundLocationSchema),
  inbound('contacts', z.array(inboundContactSchema)),
  inbound('interactive', inboundInteractiveSchema),
  inbound('button', inboundButtonSchema),
  inbound('reaction', inboundReactionSchema),
  inbound('order', inboundOrderSchema),
  inbound('system', inboundSystemSchema),
  /** The user sent something the Cloud API cannot deliver (poll, view-once …); `errors` holds 131051. */
  inbound('unsupported', z.looseObject({ type: z.string().optional() }).optional()),
  /** The user opened the chat for the first time; no content object. */
  z.looseObject({ ...base, type: z.literal('request_welcome') }),
  inbound('edit', z.looseObject({ original_message_id: z.string() })),
  inbound('revoke', z.looseObject({ original_message_id: z.string() })),
]);
export type KnownInboundMessage = z.infer<typeof knownInboundMessageSchema>;
export const KNOWN_INBOUND_MESSAGE_TYPES = knownInboundMessageSchema.options.map(
  (option) => option.shape.type.value,
);

/**
 * Anything else: a new type Meta added, or a known type missing the fields the product needs
 * (Meta sends a bare `{type:"interactive"}` next to a 131000 "Unsupported webhook payload").
 * Kept, never thrown away, so the envelope still parses; `raw` is the message as received.
 */
export const unrecognizedInboundMessageSchema = z.record(z.string(), z.unknown()).transform((raw) => {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const errors = z.array(webhookErrorSchema).safeParse(raw.errors);
  const timestamp = unixTimestampSchema.safeParse(raw.timestamp);
  return {
    type: 'unrecognized' as const,
    original_type: text('type'),
    from: text('from'),
    id: text('id'),
    timestamp: timestamp.success ? timestamp.data : undefined,
    errors: errors.success ? errors.data : undefined,
    raw,
  };
});
export type UnrecognizedInboundMessage = z.output<typeof unrecognizedInboundMessageSchema>;

/** One entry of `value.messages[]`: a known message, or an `unrecognized` one. Never fails on an object. */
export const inboundMessageSchema = z.union([knownInboundMessageSchema, unrecognizedInboundMessageSchema]);
export type InboundMessage = z.output<typeof inboundMessageSchema>;
export type InboundMessageType = InboundMessage['type'];
