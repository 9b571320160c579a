import type { TEMPLATE_SUBCODES, TemplateRuleViolation } from './template-types';

export type Subcode = (typeof TEMPLATE_SUBCODES)[keyof typeof TEMPLATE_SUBCODES];

export function violation(
  subcode: Subcode | undefined,
  title: string,
  message: string,
): TemplateRuleViolation {
  return subcode === undefined ? { title, message } : { subcode, title, message };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Length in characters as users see them (code points), like Meta counts. */
export function charLength(text: string): number {
  return [...text].length;
}

export const EMOJI = /\p{Extended_Pictographic}/u;

/** Reads `example.<key>` as an array of strings, or null when absent or malformed. */
export function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}

/** Reads `[{param_name, example}]` named examples as a name → example map, or null when malformed. */
export function namedExamples(value: unknown): Map<string, string> | null {
  if (!Array.isArray(value)) return null;
  const map = new Map<string, string>();
  for (const item of value) {
    if (!isRecord(item) || typeof item.param_name !== 'string' || typeof item.example !== 'string')
      return null;
    map.set(item.param_name, item.example);
  }
  return map;
}

export function sameKeys(a: Iterable<string>, b: Iterable<string>): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((key, i) => key === right[i]);
}
