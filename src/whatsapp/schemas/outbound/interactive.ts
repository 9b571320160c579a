import { z } from 'zod';
import { interactiveButtonSchema } from './interactive-button';
import { interactiveCtaUrlSchema } from './interactive-cta-url';
import { interactiveFlowSchema } from './interactive-flow';
import { interactiveListSchema } from './interactive-list';
import { interactiveBodySchema } from './interactive-parts';

/** Location request: body only, no header or footer; the reply is an inbound `location` (§2.8). */
export const interactiveLocationRequestSchema = z.strictObject({
  type: z.literal('location_request_message'),
  body: interactiveBodySchema,
  action: z.strictObject({ name: z.literal('send_location') }),
});

/** The `interactive` object of an outbound message, by `interactive.type`. */
export const interactiveContentSchema = z.discriminatedUnion('type', [
  interactiveButtonSchema,
  interactiveListSchema,
  interactiveCtaUrlSchema,
  interactiveFlowSchema,
  interactiveLocationRequestSchema,
]);
export type InteractiveContent = z.infer<typeof interactiveContentSchema>;
