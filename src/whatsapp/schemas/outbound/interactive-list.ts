import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { addDuplicateIssues } from '../shared';
import {
  interactiveBodySchema,
  interactiveFooterSchema,
  interactiveTextHeaderSchema,
} from './interactive-parts';

export const listRowSchema = z.strictObject({
  id: z.string().min(1).max(CLOUD_API_LIMITS.listRowId),
  title: z.string().min(1).max(CLOUD_API_LIMITS.listRowTitle),
  description: z.string().min(1).max(CLOUD_API_LIMITS.listRowDescription).optional(),
});

export const listSectionSchema = z.strictObject({
  title: z.string().min(1).max(CLOUD_API_LIMITS.listSectionTitle).optional(),
  rows: z.array(listRowSchema).min(1).max(CLOUD_API_LIMITS.listRowsTotalMax),
});

/**
 * Interactive list message (§2.8): ≤10 sections, ≤10 rows in total, unique row ids,
 * a section title on every section when there is more than one, text header only.
 */
export const interactiveListSchema = z.strictObject({
  type: z.literal('list'),
  header: interactiveTextHeaderSchema.optional(),
  body: interactiveBodySchema,
  footer: interactiveFooterSchema.optional(),
  action: z
    .strictObject({
      button: z.string().min(1).max(CLOUD_API_LIMITS.listButtonText),
      sections: z.array(listSectionSchema).min(1).max(CLOUD_API_LIMITS.listSectionsMax),
    })
    .superRefine((action, ctx) => {
      const rows = action.sections.flatMap((section, s) => section.rows.map((row, r) => ({ row, s, r })));
      if (rows.length > CLOUD_API_LIMITS.listRowsTotalMax) {
        ctx.addIssue({
          code: 'custom',
          message: `a list may hold at most ${CLOUD_API_LIMITS.listRowsTotalMax} rows in total (has ${rows.length})`,
          path: ['sections'],
        });
      }
      addDuplicateIssues(
        ctx,
        rows.map((x) => x.row.id),
        (i) => ['sections', rows[i]!.s, 'rows', rows[i]!.r, 'id'],
        'row id',
      );
      if (action.sections.length > 1) {
        action.sections.forEach((section, s) => {
          if (section.title === undefined) {
            ctx.addIssue({
              code: 'custom',
              message: 'every section needs a title when there is more than one section',
              path: ['sections', s, 'title'],
            });
          }
        });
      }
    }),
});
export type InteractiveList = z.infer<typeof interactiveListSchema>;
