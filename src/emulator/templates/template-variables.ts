/**
 * Finds `{{…}}` placeholders in template text (header, body, card body, URL button).
 * Positional placeholders are `{{1}}`, `{{2}}`…; named ones are `{{first_name}}` (reference §6.2).
 */

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const POSITIONAL_KEY = /^[1-9]\d*$/;
/** Lower-case letters, digits and underscores, not starting with a digit (digits allowed: reference §11.10 [?]). */
export const NAMED_KEY = /^[a-z_][a-z0-9_]{0,59}$/;

export type VariableStyle = 'NONE' | 'POSITIONAL' | 'NAMED' | 'MIXED' | 'INVALID';

export interface TemplateVariables {
  style: VariableStyle;
  /** Every placeholder key in order of appearance (repeats kept). */
  keys: string[];
  /** Distinct keys in order of first appearance. */
  distinct: string[];
  /** Keys that are neither a positive number nor a valid lower-case name. */
  invalidKeys: string[];
  /** Positional keys are exactly 1..n. */
  sequential: boolean;
  startsWithVariable: boolean;
  endsWithVariable: boolean;
  /** Two placeholders with nothing but whitespace between them, e.g. `{{1}}{{2}}`. */
  adjacent: boolean;
  /** The text with the placeholders removed. */
  fixedText: string;
}

export function findTemplateVariables(text: string): TemplateVariables {
  const keys: string[] = [];
  const invalidKeys: string[] = [];
  let positional = 0;
  let named = 0;
  let adjacent = false;
  let previousEnd = -1;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1] ?? '';
    keys.push(key);
    if (POSITIONAL_KEY.test(key)) positional++;
    else if (NAMED_KEY.test(key)) named++;
    else invalidKeys.push(key);
    if (previousEnd >= 0 && text.slice(previousEnd, match.index).trim() === '') adjacent = true;
    previousEnd = match.index + match[0].length;
  }
  const distinct = [...new Set(keys)];
  const style: VariableStyle =
    invalidKeys.length > 0
      ? 'INVALID'
      : positional > 0 && named > 0
        ? 'MIXED'
        : positional > 0
          ? 'POSITIONAL'
          : named > 0
            ? 'NAMED'
            : 'NONE';
  const numbers = style === 'POSITIONAL' ? distinct.map(Number).sort((a, b) => a - b) : [];
  const sequential = numbers.every((n, i) => n === i + 1);
  const trimmed = text.trim();
  return {
    style,
    keys,
    distinct,
    invalidKeys,
    sequential,
    startsWithVariable: keys.length > 0 && /^\{\{[^{}]*\}\}/.test(trimmed),
    endsWithVariable: keys.length > 0 && /\{\{[^{}]*\}\}$/.test(trimmed),
    adjacent,
    fixedText: text.replace(PLACEHOLDER, ' '),
  };
}

/** Replace placeholders with values (missing keys are left as they are). */
export function fillTemplateVariables(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => values.get(key) ?? whole);
}

/** Words of fixed text (used for the "too many variables for the length" rule). */
export function countFixedWords(variables: TemplateVariables): number {
  return variables.fixedText.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
