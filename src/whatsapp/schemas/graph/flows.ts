import { z } from 'zod';
import { graphListSchema } from './paging';

export const FLOW_CATEGORIES = [
  'SIGN_UP',
  'SIGN_IN',
  'APPOINTMENT_BOOKING',
  'LEAD_GENERATION',
  'CONTACT_US',
  'CUSTOMER_SUPPORT',
  'SURVEY',
  'OTHER',
] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

/** One Flow JSON validation error (§10.3). */
export const flowValidationErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_type: z.string().optional(),
  message: z.string(),
  line_start: z.number().optional(),
  line_end: z.number().optional(),
  column_start: z.number().optional(),
  column_end: z.number().optional(),
  pointers: z.array(z.looseObject({ path: z.string().optional() })).optional(),
});
export type FlowValidationError = z.infer<typeof flowValidationErrorSchema>;

/** Answer to `POST /{waba-id}/flows`. */
export const createFlowResponseSchema = z.looseObject({
  id: z.string().min(1),
  success: z.boolean().optional(),
  validation_errors: z.array(flowValidationErrorSchema).optional(),
});
export type CreateFlowResponse = z.infer<typeof createFlowResponseSchema>;

/** Answer to `POST /{flow-id}/assets`. */
export const flowAssetUploadResponseSchema = z.looseObject({
  success: z.boolean(),
  validation_errors: z.array(flowValidationErrorSchema).default([]),
});
export type FlowAssetUploadResponse = z.infer<typeof flowAssetUploadResponseSchema>;

/** `GET /{flow-id}` (§10.3). */
export const flowSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  /** DRAFT | PUBLISHED | DEPRECATED | BLOCKED | THROTTLED */
  status: z.string().optional(),
  categories: z.array(z.string()).optional(),
  validation_errors: z.array(flowValidationErrorSchema).optional(),
  json_version: z.string().optional(),
  data_api_version: z.string().optional(),
  endpoint_uri: z.string().optional(),
  preview: z
    .looseObject({ preview_url: z.string().optional(), expires_at: z.string().optional() })
    .optional(),
});
export type Flow = z.infer<typeof flowSchema>;

export const flowListResponseSchema = graphListSchema(flowSchema);
