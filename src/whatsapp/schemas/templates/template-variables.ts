/** `{{1}}` or `{{first_name}}` placeholders in template text. */
const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The placeholder names in order of appearance ("1", "2", or "first_name" …). */
export function templateVariables(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!);
}

/**
 * Meta's creation rules for variables in header/body text (§6.4); returns the problems found.
 * Positional variables must run 1…n with no gaps; named ones must be lowercase; no variable may
 * start or end a body (2388299; Meta's own header sample "Order {{1}}" ends with one) or touch another.
 */
export function templateVariableProblems(
  text: string,
  format: 'POSITIONAL' | 'NAMED',
  where: 'header' | 'body',
): string[] {
  const problems: string[] = [];
  const names = templateVariables(text);
  if (names.length === 0) return problems;
  if (format === 'POSITIONAL') {
    const numbers = [...new Set(names)].map(Number);
    if (numbers.some(Number.isNaN)) problems.push('POSITIONAL templates use {{1}}, {{2}} … variables');
    else if ([...numbers].sort((a, b) => a - b).some((n, i) => n !== i + 1)) {
      problems.push('variables must be numbered {{1}} to {{n}} with no gaps');
    }
  } else if (names.some((n) => !/^[a-z_][a-z0-9_]*$/.test(n))) {
    problems.push('NAMED variables are lowercase names like {{first_name}}');
  }
  const trimmed = text.trim();
  if (where === 'body' && (/^\{\{[^}]*\}\}/.test(trimmed) || /\{\{[^}]*\}\}$/.test(trimmed))) {
    problems.push('text cannot start or end with a variable');
  }
  if (/\}\}\s*\{\{/.test(text)) problems.push('variables cannot be next to each other');
  return problems;
}
