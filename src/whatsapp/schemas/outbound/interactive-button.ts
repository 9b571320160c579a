import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { addDuplicateIssues } from '../shared';
import { interactiveBodySchema, interactiveFooterSchema, interactiveHeaderSchema } from './interactive-parts';

export const replyButtonSchema = z.strictObject({
  type: z.literal('reply'),
  reply: z.strictObject({
    id: z
      .string()
      .min(1)
      .max(CLOUD_API_LIMITS.replyButtonId)
      .refine((id) => id === id.trim(), 'button id must not start or end with spaces'),
    title: z.string().min(1).max(CLOUD_API_LIMITS.replyButtonTitle),
  }),
});

/** Interactive reply-button message: 1–3 buttons with unique ids and titles (§2.8). */
export const interactiveButtonSchema = z.strictObject({
  type: z.literal('button'),
  header: interactiveHeaderSchema.optional(),
  body: interactiveBodySchema,
  footer: interactiveFooterSchema.optional(),
  action: z
    .strictObject({
      buttons: z
        .array(replyButtonSchema)
        .min(CLOUD_API_LIMITS.replyButtonsMin)
        .max(CLOUD_API_LIMITS.replyButtonsMax),
    })
    .superRefine((action, ctx) => {
      const at = (field: string) => (index: number) => ['buttons', index, 'reply', field];
      addDuplicateIssues(
        ctx,
        action.buttons.map((b) => b.reply.id),
        at('id'),
        'button id',
      );
      addDuplicateIssues(
        ctx,
        action.buttons.map((b) => b.reply.title),
        at('title'),
        'button title',
      );
    }),
});
export type InteractiveButton = z.infer<typeof interactiveButtonSchema>;
