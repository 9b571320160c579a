import { z } from 'zod';

/** Answer to `POST /{phone-number-id}/media` (§5.1). */
export const mediaUploadResponseSchema = z.looseObject({ id: z.string().min(1) });
export type MediaUploadResponse = z.infer<typeof mediaUploadResponseSchema>;

/** Answer to `GET /{media-id}` (§5.2). The URL is valid for 5 minutes and needs the Bearer token. */
export const mediaInfoSchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  id: z.string().min(1),
  url: z.string().min(1),
  mime_type: z.string().min(1),
  /** Hex here (base64 in webhooks). */
  sha256: z.string().optional(),
  /** An integer in pywa's samples, a string in others: normalised to a number. */
  file_size: z
    .union([z.number(), z.string().regex(/^\d+$/)])
    .transform(Number)
    .optional(),
});
export type MediaInfo = z.infer<typeof mediaInfoSchema>;
