import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { httpUrlSchema } from '../shared';
import { interactiveBodySchema, interactiveFooterSchema, interactiveHeaderSchema } from './interactive-parts';

/** Interactive call-to-action URL button (§2.8). */
export const interactiveCtaUrlSchema = z.strictObject({
  type: z.literal('cta_url'),
  header: interactiveHeaderSchema.optional(),
  body: interactiveBodySchema,
  footer: interactiveFooterSchema.optional(),
  action: z.strictObject({
    name: z.literal('cta_url'),
    parameters: z.strictObject({
      display_text: z.string().min(1).max(CLOUD_API_LIMITS.ctaUrlDisplayText),
      url: httpUrlSchema,
    }),
  }),
});
export type InteractiveCtaUrl = z.infer<typeof interactiveCtaUrlSchema>;
