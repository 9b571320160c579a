import { TEMPLATE_BUTTON_TYPES } from '../../whatsapp/schemas/templates/template-definition';
import { charLength, isNonEmptyString, isRecord, stringArray, violation } from './template-rule-helpers';
import type { TemplateRuleViolation } from './template-types';
import { findTemplateVariables } from './template-variables';

/** Button types accepted at creation (reference §6.2), the client's list. OTP only in AUTHENTICATION templates. */
const BUTTON_TYPES: readonly string[] = TEMPLATE_BUTTON_TYPES;

/** Per-type and total maxima (reference §6.4). */
export const BUTTON_LIMITS = {
  total: 10,
  QUICK_REPLY: 10,
  URL: 2,
  PHONE_NUMBER: 1,
  COPY_CODE: 1,
  FLOW: 1,
} as const;
const TEXT_MAX = 25;
const URL_MAX = 2000;
const PHONE_MAX = 20;
const COPY_CODE_MAX = 15;
/** Button types whose label Meta fixes, so `text` is not required. */
const FIXED_LABEL = new Set(['COPY_CODE', 'OTP', 'CATALOG', 'MPM', 'SPM']);

function invalid(message: string): TemplateRuleViolation {
  return violation(undefined, 'Invalid buttons', message);
}

export interface ButtonContext {
  /** True when a flow with this id belongs to the WABA (FLOW buttons); omitted = not checked. */
  flowExists?: (flowId: string) => boolean;
}

function validateUrlButton(button: Record<string, unknown>, where: string): TemplateRuleViolation | null {
  const url = button.url;
  if (!isNonEmptyString(url) || !/^https?:\/\/\S+$/i.test(url))
    return invalid(`${where}: a URL button needs an http(s) url.`);
  if (charLength(url) > URL_MAX) return invalid(`${where}: url is limited to ${URL_MAX} characters.`);
  const vars = findTemplateVariables(url);
  if (vars.keys.length === 0) return null;
  if (vars.keys.length > 1 || vars.keys[0] !== '1')
    return invalid(`${where}: a URL can contain one variable, {{1}}.`);
  if (!url.endsWith('{{1}}')) return invalid(`${where}: the URL variable must be at the end of the url.`);
  const example = stringArray(button.example);
  if (!example || example.length !== 1 || !isNonEmptyString(example[0]))
    return invalid(`${where}: a URL with a variable needs example: ["<full url or suffix>"].`);
  return null;
}

function validateFlowButton(button: Record<string, unknown>, where: string, ctx: ButtonContext) {
  const refs = ['flow_id', 'flow_name', 'flow_json'].filter((key) => button[key] !== undefined);
  if (refs.length !== 1)
    return invalid(`${where}: a FLOW button needs exactly one of flow_id, flow_name or flow_json.`);
  if (
    button.flow_action !== undefined &&
    button.flow_action !== 'navigate' &&
    button.flow_action !== 'data_exchange'
  )
    return invalid(`${where}: flow_action must be navigate or data_exchange.`);
  if (button.flow_action === 'navigate' && !isNonEmptyString(button.navigate_screen))
    return invalid(`${where}: flow_action navigate needs navigate_screen.`);
  const flowId = button.flow_id;
  if (flowId !== undefined && (typeof flowId !== 'string' || (ctx.flowExists && !ctx.flowExists(flowId))))
    return invalid(`${where}: flow ${String(flowId)} does not exist in this WhatsApp Business Account.`);
  return null;
}

function validateOneButton(
  button: unknown,
  index: number,
  isAuthentication: boolean,
  ctx: ButtonContext,
): TemplateRuleViolation | null {
  const where = `buttons[${index}]`;
  if (!isRecord(button) || typeof button.type !== 'string')
    return invalid(`${where}: each button needs a type.`);
  const type = button.type.toUpperCase();
  if (!BUTTON_TYPES.includes(type)) return invalid(`${where}: unknown button type ${button.type}.`);
  if (type === 'OTP' && !isAuthentication)
    return invalid(`${where}: OTP buttons are only for AUTHENTICATION templates.`);
  if (!FIXED_LABEL.has(type) && !isNonEmptyString(button.text))
    return invalid(`${where}: button text is required.`);
  if (typeof button.text === 'string' && charLength(button.text) > TEXT_MAX)
    return invalid(`${where}: button text is limited to ${TEXT_MAX} characters.`);
  switch (type) {
    case 'URL':
      return validateUrlButton(button, where);
    case 'PHONE_NUMBER': {
      const phone = button.phone_number;
      if (!isNonEmptyString(phone) || !/^\+?\d{4,}$/.test(phone) || phone.length > PHONE_MAX)
        return invalid(
          `${where}: phone_number must be digits (optional +), at most ${PHONE_MAX} characters.`,
        );
      return null;
    }
    case 'COPY_CODE': {
      const example = button.example;
      if (!isNonEmptyString(example) || charLength(example) > COPY_CODE_MAX)
        return invalid(`${where}: COPY_CODE needs an example of at most ${COPY_CODE_MAX} characters.`);
      return null;
    }
    case 'FLOW':
      return validateFlowButton(button, where, ctx);
    default:
      return null;
  }
}

/**
 * BUTTONS component: types, per-type counts, total ≤10, quick replies grouped together (not
 * interleaved with other types). Authentication templates are checked separately (single OTP).
 */
export function validateButtons(
  buttons: unknown,
  isAuthentication: boolean,
  ctx: ButtonContext = {},
): TemplateRuleViolation | null {
  if (!Array.isArray(buttons) || buttons.length === 0)
    return invalid('The BUTTONS component needs a buttons array.');
  if (buttons.length > BUTTON_LIMITS.total)
    return invalid(`A template can have at most ${BUTTON_LIMITS.total} buttons.`);
  for (const [index, button] of buttons.entries()) {
    const problem = validateOneButton(button, index, isAuthentication, ctx);
    if (problem) return problem;
  }
  const types = buttons.map((button) => String((button as { type: string }).type).toUpperCase());
  for (const [type, max] of Object.entries(BUTTON_LIMITS)) {
    if (type === 'total') continue;
    const count = types.filter((t) => t === type).length;
    if (count > max) return invalid(`A template can have at most ${max} ${type} button(s).`);
  }
  const quickReplies = types.flatMap((type, i) => (type === 'QUICK_REPLY' ? [i] : []));
  const first = quickReplies[0];
  const last = quickReplies[quickReplies.length - 1];
  if (first !== undefined && last !== undefined && last - first + 1 !== quickReplies.length)
    return violation(
      undefined,
      'Invalid buttons combination',
      'Quick reply buttons must be grouped together, not interleaved with other button types.',
    );
  return null;
}
