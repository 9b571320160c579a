import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';

/** `text` object of a text message (§2.2). */
export const textContentSchema = z.strictObject({
  body: z.string().min(1).max(CLOUD_API_LIMITS.textBody),
  /** A link preview is rendered only when the body contains an http(s) URL. */
  preview_url: z.boolean().optional(),
});
export type TextContent = z.infer<typeof textContentSchema>;
