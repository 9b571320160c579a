import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { graphIdSchema, httpUrlSchema } from '../shared';

/** Text header, the only header a list message accepts (§2.8). */
export const interactiveTextHeaderSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1).max(CLOUD_API_LIMITS.interactiveHeaderText),
});

const headerMedia = z
  .strictObject({ id: graphIdSchema.optional(), link: httpUrlSchema.optional() })
  .refine((m) => (m.id === undefined) !== (m.link === undefined), 'give exactly one of "id" or "link"');
const headerDocument = z
  .strictObject({
    id: graphIdSchema.optional(),
    link: httpUrlSchema.optional(),
    filename: z.string().optional(),
  })
  .refine((m) => (m.id === undefined) !== (m.link === undefined), 'give exactly one of "id" or "link"');

/** Header of button and cta_url messages: text, image, video or document (§2.8). */
export const interactiveHeaderSchema = z.discriminatedUnion('type', [
  interactiveTextHeaderSchema,
  z.strictObject({ type: z.literal('image'), image: headerMedia }),
  z.strictObject({ type: z.literal('video'), video: headerMedia }),
  z.strictObject({ type: z.literal('document'), document: headerDocument }),
]);
export type InteractiveHeader = z.infer<typeof interactiveHeaderSchema>;

export const interactiveBodySchema = z.strictObject({
  text: z.string().min(1).max(CLOUD_API_LIMITS.interactiveBody),
});

export const interactiveFooterSchema = z.strictObject({
  text: z.string().min(1).max(CLOUD_API_LIMITS.interactiveFooter),
});
