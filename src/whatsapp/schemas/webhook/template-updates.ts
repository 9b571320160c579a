import { z } from 'zod';
import { numericOrStringIdSchema } from '../shared';

export const TEMPLATE_STATUS_EVENTS = [
  'APPROVED',
  'REJECTED',
  'PENDING',
  'PAUSED',
  'DISABLED',
  'FLAGGED',
  'REINSTATED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'LIMIT_EXCEEDED',
  'ARCHIVED',
  'UNARCHIVED',
  'LOCKED',
] as const;
export type TemplateStatusEvent = (typeof TEMPLATE_STATUS_EVENTS)[number];

const templateRef = {
  /** A number on the wire; normalised to a string like every other Graph id. */
  message_template_id: numericOrStringIdSchema,
  message_template_name: z.string(),
  message_template_language: z.string(),
};

/** `message_template_status_update` value (§4.6). */
export const templateStatusUpdateSchema = z.looseObject({
  ...templateRef,
  event: z.enum(TEMPLATE_STATUS_EVENTS),
  /** NONE, ABUSIVE_CONTENT, INCORRECT_CATEGORY, INVALID_FORMAT, PROMOTIONAL, SCAM, TAG_CONTENT_MISMATCH … */
  reason: z.string().nullable().optional(),
  message_template_category: z.string().optional(),
  rejection_info: z
    .looseObject({ reason: z.string().optional(), recommendation: z.string().optional() })
    .optional(),
  other_info: z.looseObject({ title: z.string().optional(), description: z.string().optional() }).optional(),
  disable_info: z.looseObject({ disable_date: z.union([z.string(), z.number()]).optional() }).optional(),
});
export type TemplateStatusUpdate = z.infer<typeof templateStatusUpdateSchema>;

export const TEMPLATE_QUALITY_SCORES = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

/** `message_template_quality_update` value (§4.6). */
export const templateQualityUpdateSchema = z.looseObject({
  ...templateRef,
  previous_quality_score: z.string().optional(),
  new_quality_score: z.enum(TEMPLATE_QUALITY_SCORES),
});
export type TemplateQualityUpdate = z.infer<typeof templateQualityUpdateSchema>;

/** `template_category_update` value (§4.6): Meta re-categorised a template. */
export const templateCategoryUpdateSchema = z.looseObject({
  ...templateRef,
  previous_category: z.string().optional(),
  new_category: z.string(),
  correct_category: z.string().optional(),
});
export type TemplateCategoryUpdate = z.infer<typeof templateCategoryUpdateSchema>;
