import { z } from 'zod';

/** An emoji anywhere in a string (flow CTAs must not contain one, §2.8). */
export const EMOJI_PATTERN = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/**
 * "Param text cannot have new-line/tab characters or more than 4 consecutive spaces" (§2.9):
 * Meta rejects such template text parameters at send time.
 */
export const FORBIDDEN_TEMPLATE_PARAM_TEXT = /[\n\t]| {5,}/;

/** A public http(s) URL (media `link`, CTA URL). */
export const httpUrlSchema = z.httpUrl();

/** A Graph node id (phone-number id, WABA id, media id …): digits in practice; any non-empty string accepted. */
export const graphIdSchema = z.string().min(1);

/** Unix seconds. Meta sends strings; numbers are accepted and normalised to strings. */
export const unixTimestampSchema = z
  .union([z.string().regex(/^\d+$/, 'expected Unix seconds'), z.number().int().nonnegative()])
  .transform((value) => String(value));

/** An id Meta sends as a number in some payloads and a string in others; normalised to a string. */
export const numericOrStringIdSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((value) => String(value));

/** Number of user-perceived characters (grapheme clusters). */
export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) count += 1;
  return count;
}

/** Reports every value that occurs more than once, at `path` under the given index. */
export function addDuplicateIssues(
  ctx: z.RefinementCtx,
  values: readonly string[],
  pathOf: (index: number) => PropertyKey[],
  what: string,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${what} must be unique ("${value}" repeats)`,
        path: pathOf(index),
      });
    }
    seen.add(value);
  });
}
