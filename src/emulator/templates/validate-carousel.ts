import { charLength, isNonEmptyString, isRecord, stringArray, violation } from './template-rule-helpers';
import { type ParameterFormat, TEMPLATE_SUBCODES as S, type TemplateRuleViolation } from './template-types';
import { validateButtons } from './validate-template-buttons';
import { validateBodyVariables } from './validate-text-components';

export const CAROUSEL_LIMITS = {
  minCards: 2,
  maxCards: 10,
  cardBody: 160,
  cardLineBreaks: 2,
  cardButtons: 2,
} as const;
const CARD_HEADER_FORMATS = ['IMAGE', 'VIDEO'];
const CARD_BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER'];

function invalid(message: string): TemplateRuleViolation {
  return violation(undefined, 'Invalid carousel', message);
}

interface CardShape {
  headerFormat: string;
  buttonTypes: string;
}

function validateCard(
  card: unknown,
  index: number,
  format: ParameterFormat,
): TemplateRuleViolation | CardShape {
  const where = `cards[${index}]`;
  if (!isRecord(card) || !Array.isArray(card.components)) return invalid(`${where} needs components.`);
  const byType = new Map<string, Record<string, unknown>>();
  for (const component of card.components) {
    if (!isRecord(component) || typeof component.type !== 'string')
      return invalid(`${where} has a component without type.`);
    const type = component.type.toUpperCase();
    if (!['HEADER', 'BODY', 'BUTTONS'].includes(type) || byType.has(type))
      return invalid(`${where} may hold one HEADER, one BODY and one BUTTONS component.`);
    byType.set(type, component);
  }
  const header = byType.get('HEADER');
  const headerFormat = typeof header?.format === 'string' ? header.format.toUpperCase() : '';
  if (!CARD_HEADER_FORMATS.includes(headerFormat)) return invalid(`${where} needs an IMAGE or VIDEO header.`);
  const handles = stringArray(isRecord(header?.example) ? header.example.header_handle : undefined);
  if (!handles || handles.length === 0)
    return violation(S.headerFormat, 'Missing media sample', `${where} header needs example.header_handle.`);
  const body = byType.get('BODY');
  if (body) {
    if (!isNonEmptyString(body.text)) return invalid(`${where} BODY needs text.`);
    if (charLength(body.text) > CAROUSEL_LIMITS.cardBody)
      return violation(
        S.characterLimit,
        'Card body too long',
        `${where} body is limited to ${CAROUSEL_LIMITS.cardBody} characters.`,
      );
    if ((body.text.match(/\n/g)?.length ?? 0) > CAROUSEL_LIMITS.cardLineBreaks)
      return invalid(`${where} body can have at most ${CAROUSEL_LIMITS.cardLineBreaks} line breaks.`);
    const problem = validateBodyVariables(body.text, body.example, format, `${where} body`);
    if (problem) return problem;
  }
  const buttons = byType.get('BUTTONS')?.buttons;
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > CAROUSEL_LIMITS.cardButtons)
    return invalid(`${where} needs 1–${CAROUSEL_LIMITS.cardButtons} buttons.`);
  const problem = validateButtons(buttons, false);
  if (problem) return problem;
  const types = buttons.map((button) => String((button as { type: string }).type).toUpperCase());
  if (!types.every((type) => CARD_BUTTON_TYPES.includes(type)))
    return invalid(`${where} buttons can be QUICK_REPLY, URL or PHONE_NUMBER.`);
  return { headerFormat, buttonTypes: types.join(',') };
}

/** CAROUSEL component: 2–10 cards, each with a media header, short body and 1–2 buttons, all alike. */
export function validateCarousel(
  carousel: Record<string, unknown>,
  format: ParameterFormat,
): TemplateRuleViolation | null {
  const cards = carousel.cards;
  if (
    !Array.isArray(cards) ||
    cards.length < CAROUSEL_LIMITS.minCards ||
    cards.length > CAROUSEL_LIMITS.maxCards
  )
    return invalid(`A carousel needs ${CAROUSEL_LIMITS.minCards}–${CAROUSEL_LIMITS.maxCards} cards.`);
  let firstShape: CardShape | undefined;
  for (const [index, card] of cards.entries()) {
    const result = validateCard(card, index, format);
    if ('title' in result) return result;
    firstShape ??= result;
    if (result.headerFormat !== firstShape.headerFormat || result.buttonTypes !== firstShape.buttonTypes)
      return invalid('All carousel cards must have the same header format and the same buttons.');
  }
  return null;
}
