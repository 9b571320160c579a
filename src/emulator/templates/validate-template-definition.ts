import { charLength, isNonEmptyString, isRecord, violation } from './template-rule-helpers';
import {
  type ParameterFormat,
  type RejectedReason,
  TEMPLATE_SUBCODES as S,
  TEMPLATE_CATEGORIES,
  type TemplateCategory,
  type TemplateComponentDefinition,
  type TemplateDefinition,
  type TemplateRuleViolation,
} from './template-types';
import { findTemplateVariables } from './template-variables';
import { validateAuthenticationTemplate } from './validate-authentication-template';
import { validateCarousel } from './validate-carousel';
import { type ButtonContext, validateButtons } from './validate-template-buttons';
import { validateBody, validateFooter, validateHeader } from './validate-text-components';

export const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
/** `en`, `en_US`, `pt_BR`, `zh_HK`, `es_LA`… */
export const TEMPLATE_LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2,3})?$/;
const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER'];
const LTO_TEXT_MAX = 16;

export type TemplateValidation =
  | { ok: true; definition: TemplateDefinition; reviewRejection?: RejectedReason }
  | { ok: false; violation: TemplateRuleViolation };

function fail(v: TemplateRuleViolation): TemplateValidation {
  return { ok: false, violation: v };
}

function missing(field: string): TemplateValidation {
  return fail(
    violation(
      undefined,
      `Message template "${field}" param is missing`,
      `The "${field}" parameter is required to create a message template.`,
    ),
  );
}

function invalid(title: string, message: string): TemplateValidation {
  return fail(violation(undefined, title, message));
}

function normaliseComponents(raw: unknown[]): TemplateComponentDefinition[] | TemplateRuleViolation {
  const components: TemplateComponentDefinition[] = [];
  for (const component of raw) {
    if (!isRecord(component) || typeof component.type !== 'string')
      return violation(
        undefined,
        'Message template "components" param is missing expected field(s)',
        'Each component needs a type.',
      );
    const type = component.type.toUpperCase();
    if (!COMPONENT_TYPES.includes(type))
      return violation(undefined, 'Invalid component type', `Unknown component type ${component.type}.`);
    if (components.some((c) => c.type === type))
      return violation(
        undefined,
        'Duplicate component',
        `A template can have at most one ${type} component.`,
      );
    components.push({
      ...component,
      type,
      ...(typeof component.format === 'string' ? { format: component.format.toUpperCase() } : {}),
    });
  }
  return components;
}

function validateComponents(
  byType: Map<string, TemplateComponentDefinition>,
  category: TemplateCategory,
  format: ParameterFormat,
  ctx: ButtonContext,
): TemplateRuleViolation | null {
  if (!byType.has('BODY'))
    return violation(
      undefined,
      'Message template "components" param is missing expected field(s)',
      'A BODY component is required.',
    );
  if (category === 'AUTHENTICATION') return validateAuthenticationTemplate(byType);
  const carousel = byType.get('CAROUSEL');
  if (carousel && (byType.has('HEADER') || byType.has('FOOTER') || byType.has('BUTTONS')))
    return violation(
      undefined,
      'Invalid carousel',
      'A carousel template has only a BODY and a CAROUSEL component.',
    );
  const header = byType.get('HEADER');
  const body = byType.get('BODY');
  const footer = byType.get('FOOTER');
  const buttons = byType.get('BUTTONS');
  const lto = byType.get('LIMITED_TIME_OFFER');
  return (
    (header && validateHeader(header, format)) ||
    (body && validateBody(body, format)) ||
    (footer && validateFooter(footer)) ||
    (buttons && validateButtons(buttons.buttons, false, ctx)) ||
    (carousel && validateCarousel(carousel, format)) ||
    (lto && validateLimitedTimeOffer(lto)) ||
    null
  );
}

function validateLimitedTimeOffer(lto: TemplateComponentDefinition): TemplateRuleViolation | null {
  const offer = lto.limited_time_offer;
  if (!isRecord(offer) || !isNonEmptyString(offer.text) || charLength(offer.text) > LTO_TEXT_MAX)
    return violation(
      S.characterLimit,
      'Invalid limited-time offer',
      `limited_time_offer.text is required, ≤${LTO_TEXT_MAX} characters.`,
    );
  return null;
}

/**
 * Meta's creation rules (reference §6.4) applied to a `POST /{waba-id}/message_templates` body.
 * Returns the first broken rule, or the normalised definition plus a rejection reason when the
 * template is accepted for review but will be rejected (adjacent variables → INVALID_FORMAT).
 */
export function validateTemplateDefinition(input: unknown, ctx: ButtonContext = {}): TemplateValidation {
  if (!isRecord(input)) return missing('name');
  const { name, language, category, components } = input;
  if (name === undefined || name === '') return missing('name');
  if (typeof name !== 'string' || !/^[a-z0-9_]*$/.test(name))
    return invalid(
      'Invalid template name',
      'Template names can only contain lowercase letters, digits and underscores.',
    );
  if (!TEMPLATE_NAME.test(name))
    return fail(
      violation(S.characterLimit, 'Template name too long', 'Template names are limited to 512 characters.'),
    );
  if (language === undefined || language === '') return missing('language');
  if (typeof language !== 'string' || !TEMPLATE_LANGUAGE.test(language))
    return invalid(
      'Invalid language',
      `Language ${String(language)} is not a supported language code (e.g. en_US).`,
    );
  if (category === undefined || category === '') return missing('category');
  const upperCategory = typeof category === 'string' ? category.toUpperCase() : '';
  if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(upperCategory))
    return invalid('Invalid category', `category must be one of ${TEMPLATE_CATEGORIES.join(', ')}.`);
  const rawFormat = input.parameter_format ?? 'POSITIONAL';
  const parameterFormat = typeof rawFormat === 'string' ? rawFormat.toUpperCase() : '';
  if (parameterFormat !== 'POSITIONAL' && parameterFormat !== 'NAMED')
    return invalid('Invalid parameter_format', 'parameter_format must be POSITIONAL or NAMED.');
  if (!Array.isArray(components) || components.length === 0) return missing('components');
  const normalised = normaliseComponents(components);
  if (!Array.isArray(normalised)) return fail(normalised);
  const byType = new Map(normalised.map((c) => [c.type, c]));
  const problem = validateComponents(byType, upperCategory as TemplateCategory, parameterFormat, ctx);
  if (problem) return fail(problem);
  const ttl = input.message_send_ttl_seconds;
  if (ttl !== undefined && (!Number.isInteger(ttl) || ((ttl as number) < 30 && ttl !== -1)))
    return invalid('Invalid message_send_ttl_seconds', 'message_send_ttl_seconds must be -1 or at least 30.');
  const definition: TemplateDefinition = {
    name,
    language,
    category: upperCategory as TemplateCategory,
    parameterFormat,
    components: normalised,
    ...(typeof ttl === 'number' ? { messageSendTtlSeconds: ttl } : {}),
  };
  const bodyText = byType.get('BODY')?.text;
  const adjacent = typeof bodyText === 'string' && findTemplateVariables(bodyText).adjacent;
  return adjacent ? { ok: true, definition, reviewRejection: 'INVALID_FORMAT' } : { ok: true, definition };
}
