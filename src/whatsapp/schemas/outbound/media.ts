import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { graphIdSchema, httpUrlSchema } from '../shared';

const mediaSource = {
  /** A media id from `POST /{phone-number-id}/media`. */
  id: graphIdSchema.optional(),
  /** A public http(s) URL that Meta fetches (a failed fetch arrives later as a 131053 failed status). */
  link: httpUrlSchema.optional(),
};

function exactlyOneSource(media: { id?: string | undefined; link?: string | undefined }): boolean {
  return (media.id === undefined) !== (media.link === undefined);
}
const sourceRule = { message: 'give exactly one of "id" or "link"', path: ['id'] };
const caption = z.string().min(1).max(CLOUD_API_LIMITS.mediaCaption).optional();

/** `image` object (§2.3). */
export const imageMediaSchema = z
  .strictObject({ ...mediaSource, caption })
  .refine(exactlyOneSource, sourceRule);
/** `video` object (§2.3). */
export const videoMediaSchema = z
  .strictObject({ ...mediaSource, caption })
  .refine(exactlyOneSource, sourceRule);
/** `audio` object (§2.3): no caption. */
export const audioMediaSchema = z.strictObject({ ...mediaSource }).refine(exactlyOneSource, sourceRule);
/** `sticker` object (§2.3): no caption. */
export const stickerMediaSchema = z.strictObject({ ...mediaSource }).refine(exactlyOneSource, sourceRule);
/** `document` object (§2.3): `filename` is shown to the user and sets the extension. */
export const documentMediaSchema = z
  .strictObject({ ...mediaSource, caption, filename: z.string().min(1).max(240).optional() })
  .refine(exactlyOneSource, sourceRule);

export type ImageMedia = z.infer<typeof imageMediaSchema>;
export type VideoMedia = z.infer<typeof videoMediaSchema>;
export type AudioMedia = z.infer<typeof audioMediaSchema>;
export type StickerMedia = z.infer<typeof stickerMediaSchema>;
export type DocumentMedia = z.infer<typeof documentMediaSchema>;
