import { z } from 'zod';

/** Media object of an inbound image/video/audio/document/sticker (§4.4). */
const inboundMedia = {
  id: z.string().min(1),
  mime_type: z.string().min(1),
  /** base64 in webhooks (hex on GET /{media-id}). */
  sha256: z.string().optional(),
  /** lookaside URL, present in newer payloads; still needs the Bearer token to download. */
  url: z.string().optional(),
};

export const inboundImageSchema = z.looseObject({ ...inboundMedia, caption: z.string().optional() });
export const inboundVideoSchema = z.looseObject({ ...inboundMedia, caption: z.string().optional() });
export const inboundAudioSchema = z.looseObject({ ...inboundMedia, voice: z.boolean().optional() });
export const inboundDocumentSchema = z.looseObject({
  ...inboundMedia,
  caption: z.string().optional(),
  filename: z.string().optional(),
});
export const inboundStickerSchema = z.looseObject({ ...inboundMedia, animated: z.boolean().optional() });
export type InboundMedia = z.infer<typeof inboundImageSchema>;

/** Coordinates are numbers in Meta's fixtures, strings in some type definitions (§11): both accepted. */
const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

export const inboundLocationSchema = z.looseObject({
  latitude: coordinate,
  longitude: coordinate,
  name: z.string().optional(),
  address: z.string().optional(),
  url: z.string().optional(),
});

/** A shared contact card. Every part but the formatted name is optional. */
export const inboundContactSchema = z.looseObject({
  name: z.looseObject({ formatted_name: z.string() }).optional(),
  phones: z.array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
  emails: z.array(z.looseObject({ email: z.string().optional() })).optional(),
  addresses: z.array(z.looseObject({})).optional(),
  org: z.looseObject({}).optional(),
  urls: z.array(z.looseObject({ url: z.string().optional() })).optional(),
  birthday: z.string().optional(),
});

/** Reply-button tap, list-row pick or completed Flow (§4.4, §10.5). */
export const inboundInteractiveSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('button_reply'),
    button_reply: z.looseObject({ id: z.string(), title: z.string() }),
  }),
  z.looseObject({
    type: z.literal('list_reply'),
    list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }),
  }),
  z.looseObject({
    type: z.literal('nfm_reply'),
    nfm_reply: z.looseObject({
      /** "flow" for WhatsApp Flows, "address_message" for address forms. */
      name: z.string().optional(),
      body: z.string().optional(),
      /** A JSON **string**: the `complete` payload plus `flow_token`. */
      response_json: z.string(),
    }),
  }),
]);
export type InboundInteractive = z.infer<typeof inboundInteractiveSchema>;

/** Template quick-reply tap (§4.4). */
export const inboundButtonSchema = z.looseObject({ payload: z.string().optional(), text: z.string() });

/** A reaction; removal arrives as `emoji: ""` or with no `emoji` key. */
export const inboundReactionSchema = z.looseObject({ message_id: z.string(), emoji: z.string().optional() });

export const inboundOrderSchema = z.looseObject({
  catalog_id: z.string(),
  text: z.string().optional(),
  product_items: z.array(
    z.looseObject({
      product_retailer_id: z.string(),
      quantity: z.union([z.number(), z.string()]),
      item_price: z.union([z.number(), z.string()]),
      currency: z.string(),
    }),
  ),
});

/** System notice: number change, identity change … */
export const inboundSystemSchema = z.looseObject({
  body: z.string().optional(),
  type: z.string().optional(),
  wa_id: z.string().optional(),
  /** Older payloads name the new number `new_wa_id`. */
  new_wa_id: z.string().optional(),
});

/** Click-to-WhatsApp ad or post that started the conversation (§4.4). */
export const inboundReferralSchema = z.looseObject({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  image_url: z.string().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  ctwa_clid: z.string().optional(),
});
export type InboundReferral = z.infer<typeof inboundReferralSchema>;

/** `context` of an inbound message: a reply, a forward, or a product enquiry. */
export const inboundContextSchema = z.looseObject({
  from: z.string().optional(),
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.looseObject({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
});
export type InboundContext = z.infer<typeof inboundContextSchema>;
