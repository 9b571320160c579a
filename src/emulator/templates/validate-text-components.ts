import {
  charLength,
  EMOJI,
  isNonEmptyString,
  isRecord,
  namedExamples,
  sameKeys,
  stringArray,
  violation,
} from './template-rule-helpers';
import {
  type ParameterFormat,
  TEMPLATE_SUBCODES as S,
  type TemplateComponentDefinition,
  type TemplateRuleViolation,
} from './template-types';
import { countFixedWords, findTemplateVariables, type TemplateVariables } from './template-variables';

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'GIF', 'LOCATION', 'PRODUCT'] as const;
const MEDIA_HEADER_FORMATS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF']);

export const LIMITS = { headerText: 60, bodyText: 1024, footerText: 60, cardBodyText: 160 } as const;

function styleProblem(vars: TemplateVariables, format: ParameterFormat, where: string): string | null {
  if (vars.style === 'NONE') return null;
  if (vars.style === 'INVALID')
    return `${where} has invalid variable(s) ${vars.invalidKeys.map((k) => `{{${k}}}`).join(', ')}: use {{1}} or {{lower_case_name}}.`;
  if (vars.style === 'MIXED') return `${where} mixes positional and named variables; use one style.`;
  if (vars.style !== format)
    return `${where} uses ${vars.style.toLowerCase()} variables but parameter_format is ${format}.`;
  if (format === 'POSITIONAL' && !vars.sequential)
    return `${where} variables must be sequential, starting at {{1}} with no gaps.`;
  return null;
}

/** HEADER: format, TEXT ≤60 chars with ≤1 variable and its example, media headers need `header_handle`. */
export function validateHeader(
  header: TemplateComponentDefinition,
  format: ParameterFormat,
): TemplateRuleViolation | null {
  const headerFormat = typeof header.format === 'string' ? header.format.toUpperCase() : '';
  if (!(HEADER_FORMATS as readonly string[]).includes(headerFormat))
    return violation(
      S.headerFormat,
      'Invalid header format',
      `HEADER format must be one of ${HEADER_FORMATS.join(', ')}.`,
    );
  const example = isRecord(header.example) ? header.example : undefined;
  if (MEDIA_HEADER_FORMATS.has(headerFormat)) {
    const handles = stringArray(example?.header_handle);
    if (!handles || handles.length === 0 || !handles.every(isNonEmptyString))
      return violation(
        S.headerFormat,
        'Missing media sample',
        `The ${headerFormat} header needs example.header_handle with an uploaded sample.`,
      );
    return null;
  }
  if (headerFormat !== 'TEXT') return null;
  const text = header.text;
  if (!isNonEmptyString(text))
    return violation(S.headerFormat, 'Header text missing', 'A TEXT header needs text.');
  if (charLength(text) > LIMITS.headerText)
    return violation(
      S.characterLimit,
      'Header text too long',
      `Header text is limited to ${LIMITS.headerText} characters.`,
    );
  if (/[\n\r]/.test(text) || EMOJI.test(text) || /[*~]/.test(text))
    return violation(
      S.headerFormat,
      'Invalid header text',
      'Header text cannot contain new lines, emojis or formatting.',
    );
  const vars = findTemplateVariables(text);
  const problem = styleProblem(vars, format, 'Header');
  if (problem) return violation(S.headerFormat, 'Invalid header variables', problem);
  if (vars.distinct.length > 1)
    return violation(S.headerFormat, 'Too many header variables', 'A header can contain at most 1 variable.');
  if (vars.distinct.length === 1) {
    const ok =
      format === 'NAMED'
        ? sameKeys(namedExamples(example?.header_text_named_params)?.keys() ?? [], vars.distinct)
        : stringArray(example?.header_text)?.length === 1;
    if (!ok)
      return violation(
        S.headerFormat,
        'Missing header example',
        format === 'NAMED'
          ? 'A header variable needs example.header_text_named_params for that name.'
          : 'A header variable needs example.header_text with one sample value.',
      );
  }
  return null;
}

/** Body variables and their examples, shared by the template BODY and carousel card bodies. */
export function validateBodyVariables(
  text: string,
  example: unknown,
  format: ParameterFormat,
  where: string,
): TemplateRuleViolation | null {
  const vars = findTemplateVariables(text);
  const problem = styleProblem(vars, format, where);
  if (problem) return violation(S.bodyFormat, 'Invalid variable parameters', problem);
  if (vars.distinct.length === 0) return null;
  if (vars.startsWithVariable || vars.endsWithVariable)
    return violation(
      S.variablesAtEdges,
      "Variables can't be at the start or end of the template",
      `${where} text cannot start or end with a variable.`,
    );
  if (countFixedWords(vars) < vars.keys.length)
    return violation(
      S.tooManyVariables,
      'Too many variables for the message length',
      `${where} has too many variable parameters relative to the message length.`,
    );
  const examples = isRecord(example) ? example : undefined;
  if (format === 'NAMED') {
    const named = namedExamples(examples?.body_text_named_params);
    if (!named || !sameKeys(named.keys(), vars.distinct))
      return violation(
        S.bodyFormat,
        'Missing or mismatched examples',
        `${where} needs example.body_text_named_params with one example per named variable (${vars.distinct.join(', ')}).`,
      );
    return null;
  }
  const rows = Array.isArray(examples?.body_text) ? examples.body_text : null;
  const first = rows ? stringArray(rows[0]) : null;
  if (!first || first.length !== vars.distinct.length)
    return violation(
      S.bodyFormat,
      'Missing or mismatched examples',
      `${where} has ${vars.distinct.length} variable(s); example.body_text must be [[${vars.distinct.length} sample value(s)]].`,
    );
  return null;
}

/** BODY: text ≤1024, variables in one style, sequential, not at start/end, examples matching. */
export function validateBody(
  body: TemplateComponentDefinition,
  format: ParameterFormat,
): TemplateRuleViolation | null {
  if (!isNonEmptyString(body.text))
    return violation(undefined, 'Body text missing', 'The BODY component needs text.');
  if (charLength(body.text) > LIMITS.bodyText)
    return violation(
      S.characterLimit,
      'Body text too long',
      `Body text is limited to ${LIMITS.bodyText} characters.`,
    );
  return validateBodyVariables(body.text, body.example, format, 'Body');
}

/** FOOTER: text ≤60 characters, no variables. */
export function validateFooter(footer: TemplateComponentDefinition): TemplateRuleViolation | null {
  if (!isNonEmptyString(footer.text))
    return violation(S.footerFormat, 'Footer text missing', 'A FOOTER needs text.');
  if (charLength(footer.text) > LIMITS.footerText)
    return violation(
      S.characterLimit,
      'Footer text too long',
      `Footer text is limited to ${LIMITS.footerText} characters.`,
    );
  if (findTemplateVariables(footer.text).keys.length > 0)
    return violation(S.footerFormat, 'Footer cannot have variables', 'Footer text cannot contain variables.');
  return null;
}
