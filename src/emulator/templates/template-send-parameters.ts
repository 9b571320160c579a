import { GraphError } from '../graph/graph-error';
import type { TemplateComponentDefinition, TemplateForSend } from '../state/extensions';
import { charLength, EMOJI, isRecord } from './template-rule-helpers';
import { fillTemplateVariables, findTemplateVariables } from './template-variables';

const BODY_MAX = 1024;
const HEADER_MAX = 60;
const CODE_MAX = 15;
const BAD_WHITESPACE = /[\n\t]| {5,}/;
const MEDIA_PARAM: Record<string, string> = {
  IMAGE: 'image',
  VIDEO: 'video',
  DOCUMENT: 'document',
  GIF: 'gif',
  LOCATION: 'location',
};

const mismatch = (details: string) => new GraphError(132000, { details });
const formatMismatch = (details: string) => new GraphError(132012, { details });

interface RequestComponent {
  type: string;
  sub_type?: string;
  index?: number;
  parameters: unknown[];
  cards?: unknown[];
}

function readComponents(components: unknown, where = 'template'): RequestComponent[] {
  if (components === undefined) return [];
  if (!Array.isArray(components))
    throw new GraphError(131009, { details: `${where}.components must be an array` });
  return components.map((component, i) => {
    if (!isRecord(component) || typeof component.type !== 'string')
      throw new GraphError(131008, { details: `${where}.components[${i}].type is required` });
    const index = component.index === undefined ? undefined : Number(component.index);
    return {
      type: component.type.toLowerCase(),
      ...(typeof component.sub_type === 'string' ? { sub_type: component.sub_type.toLowerCase() } : {}),
      ...(index !== undefined ? { index } : {}),
      parameters: Array.isArray(component.parameters) ? component.parameters : [],
      ...(Array.isArray(component.cards) ? { cards: component.cards } : {}),
    };
  });
}

/** Text of a text/currency/date_time parameter (what the customer sees). */
function parameterText(param: unknown, where: string): string {
  if (!isRecord(param) || typeof param.type !== 'string')
    throw new GraphError(131008, { details: `${where}: type is required` });
  const type = param.type.toLowerCase();
  const nested = param[type];
  if (type === 'text') {
    if (typeof param.text !== 'string' || param.text === '')
      throw new GraphError(131008, { details: `${where}: text is required` });
    return param.text;
  }
  if (type === 'currency' || type === 'date_time') {
    if (!isRecord(nested) || typeof nested.fallback_value !== 'string')
      throw new GraphError(131008, { details: `${where}: ${type}.fallback_value is required` });
    if (type === 'currency' && (typeof nested.code !== 'string' || !Number.isInteger(nested.amount_1000)))
      throw new GraphError(131008, { details: `${where}: currency needs code and amount_1000` });
    return nested.fallback_value;
  }
  throw formatMismatch(`${where}: parameter type ${param.type} is not allowed here`);
}

/** Values for the placeholders of `text`, from positional or named parameters. */
function fillText(
  text: string,
  params: unknown[],
  template: TemplateForSend,
  section: string,
): { rendered: string; values: string[] } {
  const vars = findTemplateVariables(text);
  const expected = vars.distinct.length;
  if (params.length !== expected)
    throw mismatch(
      `${section}: number of localizable_params (${params.length}) does not match the expected number of params (${expected})`,
    );
  const values = new Map<string, string>();
  params.forEach((param, i) => {
    const where = `${section}.parameters[${i}]`;
    const value = parameterText(param, where);
    if (BAD_WHITESPACE.test(value))
      throw new GraphError(132018, {
        details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
      });
    const key =
      template.parameterFormat === 'NAMED'
        ? (param as { parameter_name?: unknown }).parameter_name
        : String(i + 1);
    if (typeof key !== 'string' || !vars.distinct.includes(key))
      throw mismatch(`${where}: parameter_name ${String(key)} does not exist in the template ${section}`);
    values.set(key, value);
  });
  return { rendered: fillTemplateVariables(text, values), values: [...values.values()] };
}

function checkHeader(
  header: TemplateComponentDefinition | undefined,
  given: RequestComponent | undefined,
  template: TemplateForSend,
) {
  const format = String(header?.format ?? '').toUpperCase();
  if (!header || format === 'TEXT') {
    const text = typeof header?.text === 'string' ? header.text : '';
    const { rendered, values } = fillText(text, given?.parameters ?? [], template, 'header');
    if (values.some((v) => EMOJI.test(v) || /[*~`]/.test(v)))
      throw new GraphError(132007, {
        details: 'Header parameters cannot contain emojis or formatting characters',
      });
    if (charLength(rendered) > HEADER_MAX)
      throw new GraphError(132005, { details: `header: text longer than ${HEADER_MAX}` });
    return;
  }
  const kind = MEDIA_PARAM[format];
  if (!kind) return;
  const param = given?.parameters[0];
  if (!param || (given?.parameters.length ?? 0) !== 1)
    throw mismatch(
      `header: number of localizable_params (${given?.parameters.length ?? 0}) does not match the expected number of params (1)`,
    );
  if (!isRecord(param) || String(param.type).toLowerCase() !== kind)
    throw formatMismatch(`header: expected a ${kind} parameter for a ${format} header`);
  const media = param[kind];
  if (
    !isRecord(media) ||
    (kind === 'location' ? typeof media.latitude !== 'number' : !media.id && !media.link)
  )
    throw new GraphError(131008, {
      details: `header: ${kind} ${kind === 'location' ? 'latitude/longitude' : 'id or link'} is required`,
    });
}

function checkButtons(buttons: unknown[], given: RequestComponent[]) {
  for (const component of given) {
    const button = component.index === undefined ? undefined : buttons[component.index];
    if (!isRecord(button))
      throw new GraphError(131009, { details: `Components button index ${component.index} is invalid` });
    const type = String(button.type).toUpperCase();
    const expectedSub = type === 'OTP' ? 'url' : type.toLowerCase();
    if (component.sub_type !== expectedSub)
      throw new GraphError(131009, {
        details: `Components sub_type invalid at index: ${component.index} and type: ${component.sub_type}`,
      });
  }
  buttons.forEach((raw, index) => {
    const button = raw as Record<string, unknown>;
    const type = String(button.type).toUpperCase();
    const params = given.find((c) => c.index === index)?.parameters ?? [];
    const dynamicUrl = type === 'URL' && typeof button.url === 'string' && button.url.includes('{{1}}');
    if (dynamicUrl || type === 'OTP' || type === 'COPY_CODE') {
      if (params.length !== 1)
        throw mismatch(
          `button ${index}: number of localizable_params (${params.length}) does not match the expected number of params (1)`,
        );
      const param = params[0] as Record<string, unknown>;
      const value = type === 'COPY_CODE' ? param?.coupon_code : param?.text;
      if (typeof value !== 'string' || value === '')
        throw formatMismatch(
          `button ${index}: expected a ${type === 'COPY_CODE' ? 'coupon_code' : 'text'} parameter`,
        );
      if (dynamicUrl && (/\s/.test(value) || /^https?:\/\//i.test(value)))
        throw formatMismatch(`button ${index}: the URL parameter is the suffix appended to the template URL`);
      if (type !== 'URL' && charLength(value) > CODE_MAX)
        throw new GraphError(131009, {
          details: `button ${index}: the code is limited to ${CODE_MAX} characters`,
        });
    } else if (params.length > 0 && type === 'URL') {
      throw mismatch(
        `button ${index}: number of localizable_params (${params.length}) does not match the expected number of params (0)`,
      );
    }
  });
}

export interface TemplateSendResult {
  /** Body with parameters filled in (what the customer reads). */
  body: string;
}

/**
 * Send-time checks of `template.components` against an approved template (reference §2.9):
 * 132000 count, 132005 too long, 132007 header policy, 132012 format, 132018 whitespace,
 * 131008/131009 for malformed parameters. Status (132001/132015/132016) is the caller's job.
 */
export function checkTemplateSendParameters(
  template: TemplateForSend,
  components: unknown,
): TemplateSendResult {
  const given = readComponents(components);
  const find = (type: string) => template.components.find((c) => c.type === type);
  const headerGiven = given.filter((c) => c.type === 'header');
  const bodyGiven = given.filter((c) => c.type === 'body');
  if (headerGiven.length > 1 || bodyGiven.length > 1)
    throw new GraphError(131009, { details: 'Duplicate header or body component' });
  checkHeader(find('HEADER'), headerGiven[0], template);
  const bodyText = typeof find('BODY')?.text === 'string' ? (find('BODY')!.text as string) : '';
  const { rendered } = fillText(bodyText, bodyGiven[0]?.parameters ?? [], template, 'body');
  if (charLength(rendered) > BODY_MAX)
    throw new GraphError(132005, {
      details: `body: text longer than ${BODY_MAX} characters after filling parameters`,
    });
  const buttons = find('BUTTONS')?.buttons ?? [];
  checkButtons(
    buttons,
    given.filter((c) => c.type === 'button'),
  );
  const carousel = find('CAROUSEL');
  if (carousel)
    checkCarousel(
      template,
      carousel,
      given.find((c) => c.type === 'carousel'),
    );
  return { body: rendered };
}

function checkCarousel(
  template: TemplateForSend,
  carousel: TemplateComponentDefinition,
  given: RequestComponent | undefined,
) {
  const cards = Array.isArray(carousel.cards)
    ? (carousel.cards as Array<{ components: TemplateComponentDefinition[] }>)
    : [];
  const givenCards = given?.cards ?? [];
  if (givenCards.length !== cards.length)
    throw mismatch(
      `carousel: number of cards (${givenCards.length}) does not match the template (${cards.length})`,
    );
  cards.forEach((card, i) => {
    const givenCard = givenCards.find((c) => isRecord(c) && Number(c.card_index) === i) as
      | Record<string, unknown>
      | undefined;
    if (!givenCard) throw mismatch(`carousel: card_index ${i} is missing`);
    const sub = readComponents(givenCard.components, `cards[${i}]`);
    const cardTemplate = {
      ...template,
      components: card.components.map((c) => ({ ...c, type: String(c.type).toUpperCase() })),
    };
    checkHeader(
      cardTemplate.components.find((c) => c.type === 'HEADER'),
      sub.find((c) => c.type === 'header'),
      cardTemplate,
    );
    const text = cardTemplate.components.find((c) => c.type === 'BODY')?.text;
    fillText(
      typeof text === 'string' ? text : '',
      sub.find((c) => c.type === 'body')?.parameters ?? [],
      cardTemplate,
      `cards[${i}].body`,
    );
    checkButtons(
      cardTemplate.components.find((c) => c.type === 'BUTTONS')?.buttons ?? [],
      sub.filter((c) => c.type === 'button'),
    );
  });
}
