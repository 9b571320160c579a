import { z } from 'zod';

const media = (defaultMime: string) =>
  z
    .strictObject({
      id: z.string().min(1).optional(),
      mime_type: z.string().default(defaultMime),
      caption: z.string().max(1024).optional(),
      filename: z.string().optional(),
      sha256: z.string().optional(),
      voice: z.boolean().optional(),
      animated: z.boolean().optional(),
    })
    .default({ mime_type: defaultMime });

const base = {
  /** Profile name shown in `contacts[].profile.name` (also updates the customer). */
  profile_name: z.string().min(1).max(256).optional(),
  /** Reply to a message: `{ "message_id": "wamid.…" }`; for interactive replies it defaults to the last interactive/template sent. */
  context: z.strictObject({ message_id: z.string().min(1) }).optional(),
  /** Business number receiving it (defaults to the first one). */
  phone_number_id: z.string().optional(),
  /** Click-to-WhatsApp referral, passed through to the webhook. */
  referral: z.record(z.string(), z.unknown()).optional(),
};

/**
 * Body of `POST /_sandbox/customers/{wa_id}/messages`: an inbound message object as in a webhook,
 * without `from`, `id` and `timestamp` (reference §4.4).
 */
export const inboundMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('text'),
    text: z.strictObject({ body: z.string().min(1).max(4096) }),
  }),
  z.strictObject({ ...base, type: z.literal('image'), image: media('image/jpeg') }),
  z.strictObject({ ...base, type: z.literal('video'), video: media('video/mp4') }),
  z.strictObject({ ...base, type: z.literal('audio'), audio: media('audio/ogg; codecs=opus') }),
  z.strictObject({ ...base, type: z.literal('document'), document: media('application/pdf') }),
  z.strictObject({ ...base, type: z.literal('sticker'), sticker: media('image/webp') }),
  z.strictObject({
    ...base,
    type: z.literal('location'),
    location: z.strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    }),
  }),
  z.strictObject({
    ...base,
    type: z.literal('contacts'),
    contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().min(1) }) })).min(1),
  }),
  z.strictObject({
    ...base,
    type: z.literal('interactive'),
    interactive: z.discriminatedUnion('type', [
      z.strictObject({
        type: z.literal('button_reply'),
        button_reply: z.strictObject({ id: z.string().min(1), title: z.string().min(1) }),
      }),
      z.strictObject({
        type: z.literal('list_reply'),
        list_reply: z.strictObject({
          id: z.string().min(1),
          title: z.string().min(1),
          description: z.string().optional(),
        }),
      }),
      z.strictObject({
        type: z.literal('nfm_reply'),
        nfm_reply: z.strictObject({
          name: z.string().default('flow'),
          body: z.string().default('Sent'),
          response_json: z.union([z.string(), z.record(z.string(), z.unknown())]),
        }),
      }),
    ]),
  }),
  z.strictObject({
    ...base,
    type: z.literal('button'),
    button: z.strictObject({ payload: z.string(), text: z.string() }),
  }),
  z.strictObject({
    ...base,
    type: z.literal('reaction'),
    reaction: z.strictObject({ message_id: z.string().min(1), emoji: z.string() }),
  }),
  z.strictObject({ ...base, type: z.literal('request_welcome') }),
]);
export type InboundMessageInput = z.infer<typeof inboundMessageSchema>;
