import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { FORBIDDEN_TEMPLATE_PARAM_TEXT, graphIdSchema, httpUrlSchema } from '../shared';

/** Name of a parameter in a template created with `parameter_format: "NAMED"`. */
const parameterName = z
  .string()
  .regex(/^[a-z0-9_]{1,60}$/, 'parameter_name uses lowercase letters, digits and underscores')
  .optional();

/** Text parameter; `parameter_name` is set for NAMED templates (§2.9). */
export const templateTextParameterSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1),
  parameter_name: parameterName,
});

/** Body/header text parameter: Meta rejects newlines, tabs and 5+ consecutive spaces (132018). */
export const templateInlineTextParameterSchema = templateTextParameterSchema.extend({
  text: z
    .string()
    .min(1)
    .refine(
      (text) => !FORBIDDEN_TEMPLATE_PARAM_TEXT.test(text),
      'parameter text cannot contain new-line/tab characters or more than 4 consecutive spaces',
    ),
});

export const templateCurrencyParameterSchema = z.strictObject({
  type: z.literal('currency'),
  currency: z.strictObject({
    fallback_value: z.string().min(1),
    code: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
    amount_1000: z.number().int(),
  }),
  parameter_name: parameterName,
});

export const templateDateTimeParameterSchema = z.strictObject({
  type: z.literal('date_time'),
  date_time: z.looseObject({ fallback_value: z.string().min(1) }),
  parameter_name: parameterName,
});

const templateMediaSource = z
  .strictObject({ id: graphIdSchema.optional(), link: httpUrlSchema.optional() })
  .refine((m) => (m.id === undefined) !== (m.link === undefined), 'give exactly one of "id" or "link"');

export const templateImageParameterSchema = z.strictObject({
  type: z.literal('image'),
  image: templateMediaSource,
});
export const templateVideoParameterSchema = z.strictObject({
  type: z.literal('video'),
  video: templateMediaSource,
});
export const templateGifParameterSchema = z.strictObject({
  type: z.literal('gif'),
  gif: templateMediaSource,
});
export const templateDocumentParameterSchema = z.strictObject({
  type: z.literal('document'),
  document: z
    .strictObject({
      id: graphIdSchema.optional(),
      link: httpUrlSchema.optional(),
      filename: z.string().optional(),
    })
    .refine((m) => (m.id === undefined) !== (m.link === undefined), 'give exactly one of "id" or "link"'),
});
export const templateLocationParameterSchema = z.strictObject({
  type: z.literal('location'),
  location: z.strictObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
});

/** Quick-reply button payload; it comes back in the inbound `button` message. */
export const templatePayloadParameterSchema = z.strictObject({
  type: z.literal('payload'),
  payload: z.string(),
});

export const templateCouponCodeParameterSchema = z.strictObject({
  type: z.literal('coupon_code'),
  coupon_code: z.string().min(1).max(CLOUD_API_LIMITS.couponCode),
});

/** Flow, catalog and mpm buttons carry an `action` object (shapes vary by sub_type). */
export const templateActionParameterSchema = z.strictObject({
  type: z.literal('action'),
  action: z.looseObject({}),
});

export const templateProductParameterSchema = z.strictObject({
  type: z.literal('product'),
  product: z.looseObject({}),
});

export const templateLimitedTimeOfferParameterSchema = z.strictObject({
  type: z.literal('limited_time_offer'),
  limited_time_offer: z.looseObject({ expiration_time_ms: z.number().int().optional() }),
});

export const templateTapTargetParameterSchema = z.strictObject({
  type: z.literal('tap_target_configuration'),
  tap_target_configuration: z.looseObject({}),
});

/** Every parameter kind a header component accepts. */
export const templateHeaderParameterSchema = z.discriminatedUnion('type', [
  templateInlineTextParameterSchema,
  templateImageParameterSchema,
  templateVideoParameterSchema,
  templateDocumentParameterSchema,
  templateLocationParameterSchema,
  templateGifParameterSchema,
  templateProductParameterSchema,
]);

/** Every parameter kind a body component accepts. */
export const templateBodyParameterSchema = z.discriminatedUnion('type', [
  templateInlineTextParameterSchema,
  templateCurrencyParameterSchema,
  templateDateTimeParameterSchema,
]);

/** Every parameter kind a button component accepts; the sub_type decides which one is right. */
export const templateButtonParameterSchema = z.discriminatedUnion('type', [
  templatePayloadParameterSchema,
  templateTextParameterSchema,
  templateCouponCodeParameterSchema,
  templateActionParameterSchema,
]);

export type TemplateHeaderParameter = z.infer<typeof templateHeaderParameterSchema>;
export type TemplateBodyParameter = z.infer<typeof templateBodyParameterSchema>;
export type TemplateButtonParameter = z.infer<typeof templateButtonParameterSchema>;
