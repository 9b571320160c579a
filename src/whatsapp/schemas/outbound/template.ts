import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import {
  templateBodyParameterSchema,
  templateButtonParameterSchema,
  templateHeaderParameterSchema,
  templateLimitedTimeOfferParameterSchema,
} from './template-parameters';

/** Button sub_types; Meta documents lowercase, pywa sends uppercase and both work (§2.9). */
export const TEMPLATE_BUTTON_SUB_TYPES = [
  'quick_reply',
  'url',
  'copy_code',
  'flow',
  'catalog',
  'mpm',
  'voice_call',
  'otp',
] as const;
export type TemplateButtonSubType = (typeof TEMPLATE_BUTTON_SUB_TYPES)[number];

/** Which parameter `type` each button sub_type takes (§2.9 table). */
const PARAMETER_TYPE_BY_SUB_TYPE: Record<TemplateButtonSubType, string> = {
  quick_reply: 'payload',
  url: 'text',
  copy_code: 'coupon_code',
  flow: 'action',
  catalog: 'action',
  mpm: 'action',
  voice_call: 'action',
  otp: 'text',
};

function hasMixedNaming(parameters: readonly { parameter_name?: string | undefined }[]): boolean {
  const named = parameters.filter((p) => 'parameter_name' in p && p.parameter_name !== undefined).length;
  return named > 0 && named < parameters.length;
}
const mixedNamingRule = {
  message: 'either every parameter has a parameter_name (NAMED template) or none does',
};

export const templateHeaderComponentSchema = z.strictObject({
  type: z.literal('header'),
  parameters: z.array(templateHeaderParameterSchema).length(1),
});

export const templateBodyComponentSchema = z.strictObject({
  type: z.literal('body'),
  parameters: z
    .array(templateBodyParameterSchema)
    .refine((params) => !hasMixedNaming(params), mixedNamingRule)
    .optional(),
});

export const templateButtonComponentSchema = z
  .strictObject({
    type: z.literal('button'),
    sub_type: z
      .string()
      .refine(
        (s) => (TEMPLATE_BUTTON_SUB_TYPES as readonly string[]).includes(s.toLowerCase()),
        `sub_type must be one of ${TEMPLATE_BUTTON_SUB_TYPES.join(', ')} (either case)`,
      ),
    /** 0-based position of the button in the template, as a string or an integer. */
    index: z.union([z.string().regex(/^\d$/, 'index is a digit 0–9'), z.number().int().min(0).max(9)]),
    parameters: z.array(templateButtonParameterSchema).optional(),
  })
  .superRefine((button, ctx) => {
    const expected = PARAMETER_TYPE_BY_SUB_TYPE[button.sub_type.toLowerCase() as TemplateButtonSubType];
    button.parameters?.forEach((parameter, i) => {
      if (expected !== undefined && parameter.type !== expected) {
        ctx.addIssue({
          code: 'custom',
          message: `a ${button.sub_type} button takes a "${expected}" parameter, not "${parameter.type}"`,
          path: ['parameters', i, 'type'],
        });
      }
    });
  });

export const templateLimitedTimeOfferComponentSchema = z.strictObject({
  type: z.literal('limited_time_offer'),
  parameters: z.array(templateLimitedTimeOfferParameterSchema).length(1),
});

/** One card of a carousel template: header, optional body, buttons (§2.9). */
export const templateCarouselCardSchema = z.strictObject({
  card_index: z
    .number()
    .int()
    .min(0)
    .max(CLOUD_API_LIMITS.carouselCardsMax - 1),
  components: z.array(
    z.discriminatedUnion('type', [
      templateHeaderComponentSchema,
      templateBodyComponentSchema,
      templateButtonComponentSchema,
    ]),
  ),
});

export const templateCarouselComponentSchema = z.strictObject({
  type: z.literal('carousel'),
  cards: z.array(templateCarouselCardSchema).min(1).max(CLOUD_API_LIMITS.carouselCardsMax),
});

export const templateComponentSchema = z.discriminatedUnion('type', [
  templateHeaderComponentSchema,
  templateBodyComponentSchema,
  templateButtonComponentSchema,
  templateCarouselComponentSchema,
  templateLimitedTimeOfferComponentSchema,
]);
export type TemplateComponent = z.infer<typeof templateComponentSchema>;

/** `template` object of a template message (§2.9). */
export const templateContentSchema = z.strictObject({
  name: z.string().min(1).max(CLOUD_API_LIMITS.templateName),
  language: z.strictObject({
    code: z.string().min(2),
    policy: z.literal('deterministic').optional(),
  }),
  components: z.array(templateComponentSchema).optional(),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;
