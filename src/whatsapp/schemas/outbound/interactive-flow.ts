import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { EMOJI_PATTERN } from '../shared';
import { interactiveBodySchema, interactiveFooterSchema, interactiveHeaderSchema } from './interactive-parts';

export const flowActionParametersSchema = z
  .strictObject({
    flow_message_version: z.literal('3'),
    /** Business-generated; Meta fills a default when omitted. */
    flow_token: z.string().min(1).optional(),
    flow_id: z.string().min(1).optional(),
    flow_name: z.string().min(1).optional(),
    flow_cta: z
      .string()
      .min(1)
      .max(CLOUD_API_LIMITS.flowCta)
      .refine((cta) => !EMOJI_PATTERN.test(cta), 'flow_cta must not contain emoji'),
    /** "draft" is required to send a flow that is not published yet. */
    mode: z.enum(['published', 'draft']).optional(),
    /** Defaults to "navigate". */
    flow_action: z.enum(['navigate', 'data_exchange']).optional(),
    flow_action_payload: z
      .strictObject({
        screen: z.string().min(1),
        data: z
          .record(z.string(), z.unknown())
          .refine((data) => Object.keys(data).length > 0, 'data, if present, must not be empty')
          .optional(),
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.flow_id === undefined) === (p.flow_name === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'give exactly one of flow_id or flow_name',
        path: ['flow_id'],
      });
    }
    const action = p.flow_action ?? 'navigate';
    if (action === 'navigate' && p.flow_action_payload === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'flow_action_payload is required when flow_action is navigate',
        path: ['flow_action_payload'],
      });
    }
    if (action === 'data_exchange' && p.flow_action_payload !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'flow_action_payload must be omitted when flow_action is data_exchange',
        path: ['flow_action_payload'],
      });
    }
  });

/** Interactive message that opens a WhatsApp Flow (§2.8). */
export const interactiveFlowSchema = z.strictObject({
  type: z.literal('flow'),
  header: interactiveHeaderSchema.optional(),
  body: interactiveBodySchema,
  footer: interactiveFooterSchema.optional(),
  action: z.strictObject({ name: z.literal('flow'), parameters: flowActionParametersSchema }),
});
export type InteractiveFlow = z.infer<typeof interactiveFlowSchema>;
