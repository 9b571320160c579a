import { z } from 'zod';
import { graphListSchema } from './paging';

/** A template as returned by `GET /{waba-id}/message_templates` or `GET /{template-id}` (§6.1). */
export const messageTemplateSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  language: z.string().optional(),
  status: z.string().optional(),
  category: z.string().optional(),
  sub_category: z.string().optional(),
  parameter_format: z.string().optional(),
  components: z.array(z.looseObject({ type: z.string() })).optional(),
  rejected_reason: z.string().optional(),
  quality_score: z.looseObject({ score: z.string().optional() }).optional(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const templateListResponseSchema = graphListSchema(messageTemplateSchema).extend({
  summary: z
    .looseObject({
      total_count: z.number().optional(),
      message_template_count: z.number().optional(),
      message_template_limit: z.number().optional(),
    })
    .optional(),
});
export type TemplateListResponse = z.infer<typeof templateListResponseSchema>;

/** Answer to `POST /{waba-id}/message_templates`. */
export const createTemplateResponseSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  category: z.string().optional(),
});
export type CreateTemplateResponse = z.infer<typeof createTemplateResponseSchema>;
