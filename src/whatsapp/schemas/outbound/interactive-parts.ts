import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { documentMediaSchema, imageMediaSchema, videoMediaSchema } from './media';

/** Text header, the only header a list message accepts (§2.8). */
export const interactiveTextHeaderSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1).max(CLOUD_API_LIMITS.interactiveHeaderText),
});

/** Header of button and cta_url messages: text, image, video or document (§2.8). */
export const interactiveHeaderSchema = z.discriminatedUnion('type', [
  interactiveTextHeaderSchema,
  z.strictObject({ type: z.literal('image'), image: imageMediaSchema }),
  z.strictObject({ type: z.literal('video'), video: videoMediaSchema }),
  z.strictObject({ type: z.literal('document'), document: documentMediaSchema }),
]);
export type InteractiveHeader = z.infer<typeof interactiveHeaderSchema>;

export const interactiveBodySchema = z.strictObject({
  text: z.string().min(1).max(CLOUD_API_LIMITS.interactiveBody),
});

export const interactiveFooterSchema = z.strictObject({
  text: z.string().min(1).max(CLOUD_API_LIMITS.interactiveFooter),
});
