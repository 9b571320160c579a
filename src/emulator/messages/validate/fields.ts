import { invalidParam, invalidParameter100, missingParam } from '../../graph/graph-error';

/** Small readers for request bodies that throw Meta's codes: 131008 missing, 131009 invalid, 100 wrong type. */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Character count as WhatsApp counts it (code points, so an emoji is one character). */
export function charLength(text: string): number {
  if (text.length < 2) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** `path` + key in Meta's notation: `interactive['body']['text']`. */
export function sub(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}['${key}']` : key;
}

export function requireObject(parent: Json, key: string, path: string): Json {
  const value = parent[key];
  if (value === undefined || value === null) throw missingParam(sub(path, key));
  if (!isObject(value)) throw invalidParameter100(`Param ${sub(path, key)} must be a JSON object.`);
  return value;
}

export function optionalObject(parent: Json, key: string, path: string): Json | undefined {
  if (parent[key] === undefined || parent[key] === null) return undefined;
  return requireObject(parent, key, path);
}

export function requireArray(parent: Json, key: string, path: string): unknown[] {
  const value = parent[key];
  if (value === undefined || value === null) throw missingParam(sub(path, key));
  if (!Array.isArray(value)) throw invalidParameter100(`Param ${sub(path, key)} must be an array.`);
  return value;
}

interface TextRule {
  max?: number;
  min?: number;
  /** Label used in length errors (e.g. "Button title"). */
  label?: string;
}

function checkLength(text: string, fullPath: string, rule: TextRule): string {
  const length = charLength(text);
  const min = rule.min ?? 1;
  if (length < min || (rule.max !== undefined && length > rule.max)) {
    if (rule.label) {
      throw invalidParam(`${rule.label} length invalid. Min length: ${min}, Max length: ${rule.max ?? '∞'}`);
    }
    throw invalidParam(
      length < min
        ? `Param ${fullPath} must be at least ${min} characters long.`
        : `Param ${fullPath} must be at most ${rule.max} characters long.`,
    );
  }
  return text;
}

export function requireString(parent: Json, key: string, path: string, rule: TextRule = {}): string {
  const value = parent[key];
  if (value === undefined || value === null || value === '') throw missingParam(sub(path, key));
  if (typeof value !== 'string') throw invalidParameter100(`Param ${sub(path, key)} must be a string.`);
  return checkLength(value, sub(path, key), rule);
}

export function optionalString(
  parent: Json,
  key: string,
  path: string,
  rule: TextRule = {},
): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter100(`Param ${sub(path, key)} must be a string.`);
  return checkLength(value, sub(path, key), { ...rule, min: rule.min ?? 0 });
}

export function requireNumber(parent: Json, key: string, path: string, range?: [number, number]): number {
  const raw = parent[key];
  if (raw === undefined || raw === null || raw === '') throw missingParam(sub(path, key));
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidParameter100(`Param ${sub(path, key)} must be a number.`);
  }
  if (range && (value < range[0] || value > range[1])) {
    throw invalidParam(`Param ${sub(path, key)} must be between ${range[0]} and ${range[1]}.`);
  }
  return value;
}

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value);
}

const emojiPattern = /\p{Extended_Pictographic}/u;
export function containsEmoji(text: string): boolean {
  return emojiPattern.test(text);
}

/** Meta answers 100 "Invalid parameter" for a key it does not know (a typo must not pass silently). */
export function rejectUnknownKeys(object: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw invalidParameter100(`Param ${path ? `${path}['${key}']` : key} is not a valid parameter.`);
    }
  }
}
