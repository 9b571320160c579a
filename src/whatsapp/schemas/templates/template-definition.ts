import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../limits';
import { templateVariableProblems, templateVariables } from './template-variables';

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export const TEMPLATE_BUTTON_TYPES = [
  'QUICK_REPLY',
  'URL',
  'PHONE_NUMBER',
  'COPY_CODE',
  'OTP',
  'FLOW',
  'CATALOG',
  'MPM',
  'SPM',
  'VOICE_CALL',
  'APP',
  'CALL_PERMISSION_REQUEST',
  'REQUEST_CONTACT_INFO',
] as const;

const example = z.looseObject({}).optional();

export const templateDefinitionButtonSchema = z.looseObject({
  type: z.enum(TEMPLATE_BUTTON_TYPES),
  text: z.string().min(1).max(CLOUD_API_LIMITS.templateButtonText).optional(),
  url: z.string().min(1).max(CLOUD_API_LIMITS.templateUrl).optional(),
  phone_number: z.string().min(1).max(CLOUD_API_LIMITS.templatePhoneNumber).optional(),
  example: z.union([z.string().max(CLOUD_API_LIMITS.templateUrl), z.array(z.string())]).optional(),
});

const headerComponent = z.looseObject({
  type: z.literal('HEADER'),
  format: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'GIF', 'LOCATION', 'PRODUCT']),
  text: z.string().min(1).max(CLOUD_API_LIMITS.templateHeaderText).optional(),
  example,
});
const bodyComponent = z.looseObject({
  type: z.literal('BODY'),
  text: z.string().min(1).max(CLOUD_API_LIMITS.templateBody).optional(),
  add_security_recommendation: z.boolean().optional(),
  example,
});
const footerComponent = z.looseObject({
  type: z.literal('FOOTER'),
  text: z
    .string()
    .min(1)
    .max(CLOUD_API_LIMITS.templateFooter)
    .refine((t) => templateVariables(t).length === 0, 'a footer cannot contain variables')
    .optional(),
  code_expiration_minutes: z.number().int().min(1).max(90).optional(),
});
const buttonsComponent = z.looseObject({
  type: z.literal('BUTTONS'),
  buttons: z.array(templateDefinitionButtonSchema).min(1).max(CLOUD_API_LIMITS.templateButtonsMax),
});
const carouselComponent = z.looseObject({
  type: z.literal('CAROUSEL'),
  cards: z
    .array(z.looseObject({ components: z.array(z.looseObject({ type: z.string() })) }))
    .min(1)
    .max(CLOUD_API_LIMITS.carouselCardsMax),
});
const limitedTimeOfferComponent = z.looseObject({
  type: z.literal('LIMITED_TIME_OFFER'),
  limited_time_offer: z.looseObject({ text: z.string().max(16), has_expiration: z.boolean().optional() }),
});

export const templateDefinitionComponentSchema = z.discriminatedUnion('type', [
  headerComponent,
  bodyComponent,
  footerComponent,
  buttonsComponent,
  carouselComponent,
  limitedTimeOfferComponent,
]);

type Button = z.infer<typeof templateDefinitionButtonSchema>;
function buttonProblems(buttons: Button[]): string[] {
  const count = (type: Button['type']) => buttons.filter((b) => b.type === type).length;
  const problems: string[] = [];
  if (count('URL') > CLOUD_API_LIMITS.templateUrlButtonsMax) problems.push('at most 2 URL buttons');
  if (count('PHONE_NUMBER') > CLOUD_API_LIMITS.templatePhoneButtonsMax)
    problems.push('at most 1 phone button');
  if (count('COPY_CODE') > CLOUD_API_LIMITS.templateCopyCodeButtonsMax)
    problems.push('at most 1 copy-code button');
  const quick = buttons.map((b, i) => (b.type === 'QUICK_REPLY' ? i : -1)).filter((i) => i >= 0);
  if (quick.length > 0 && quick[quick.length - 1]! - quick[0]! + 1 !== quick.length) {
    problems.push('quick-reply buttons must be grouped together, not mixed between other buttons');
  }
  return problems;
}

/** Body of `POST /{waba-id}/message_templates` (§6.2), with the creation rules of §6.4. */
export const templateDefinitionSchema = z
  .looseObject({
    name: z
      .string()
      .min(1)
      .max(CLOUD_API_LIMITS.templateName)
      .regex(/^[a-z0-9_]+$/, 'template names use lowercase letters, digits and underscores'),
    language: z.string().min(2),
    category: z.enum(TEMPLATE_CATEGORIES),
    parameter_format: z.enum(['POSITIONAL', 'NAMED']).optional(),
    message_send_ttl_seconds: z.number().int().optional(),
    components: z.array(templateDefinitionComponentSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const format = t.parameter_format ?? 'POSITIONAL';
    const issue = (message: string, index?: number) =>
      ctx.addIssue({
        code: 'custom',
        message,
        path: index === undefined ? ['components'] : ['components', index],
      });
    for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const) {
      if (t.components.filter((c) => c.type === type).length > 1) issue(`at most one ${type} component`);
    }
    if (!t.components.some((c) => c.type === 'BODY')) issue('a BODY component is required');
    t.components.forEach((c, i) => {
      if (c.type === 'HEADER' && c.format === 'TEXT') {
        if (c.text === undefined) issue('a TEXT header needs text', i);
        else if (templateVariables(c.text).length > 1) issue('a header may hold at most 1 variable', i);
        else for (const p of templateVariableProblems(c.text, format, 'header')) issue(`header: ${p}`, i);
      }
      if (c.type === 'BODY' && c.text !== undefined) {
        for (const p of templateVariableProblems(c.text, format, 'body')) issue(`body: ${p}`, i);
        const key = format === 'NAMED' ? 'body_text_named_params' : 'body_text';
        if (templateVariables(c.text).length > 0 && c.example?.[key] === undefined) {
          issue(`body variables need example.${key}`, i);
        }
      }
      if (c.type === 'BUTTONS') for (const p of buttonProblems(c.buttons)) issue(p, i);
    });
  });
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
