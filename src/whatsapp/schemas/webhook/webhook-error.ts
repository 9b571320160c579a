import { z } from 'zod';

/**
 * Error object inside webhooks (`value.errors[]`, `statuses[].errors[]`, `messages[].errors[]`, §1.3).
 * Not the Graph error envelope: `{code, title, message, error_data:{details}, href}`.
 */
export const webhookErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type WebhookError = z.infer<typeof webhookErrorSchema>;
