/** Position of a JSON value in the source text (1-based lines and columns, end inclusive-ish like Meta). */
export interface JsonRange {
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
}

export type JsonLocations = Map<string, JsonRange>;

/**
 * Parse JSON text and record where every value sits, keyed by Meta's path notation
 * (`screens[0].layout.children[1].label`). Throws SyntaxError (with `line`/`column`) when invalid.
 */
export function locateJson(text: string): { value: unknown; locations: JsonLocations } {
  const locations: JsonLocations = new Map();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = () => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    const error = new SyntaxError(
      `${message} at line ${line}, column ${i - lineStart + 1}`,
    ) as SyntaxError & { line: number; column: number };
    error.line = line;
    error.column = i - lineStart + 1;
    throw error;
  };
  const skip = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const parseString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail('Unterminated string');
      i++;
    }
    if (i >= text.length) fail('Unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const parseValue = (path: string): unknown => {
    skip();
    const start = pos();
    let value: unknown;
    const c = text[i];
    if (c === '{') {
      i++;
      const object: Record<string, unknown> = {};
      skip();
      if (text[i] === '}') i++;
      else
        for (;;) {
          skip();
          if (text[i] !== '"') fail('Expected a property name');
          const key = parseString();
          skip();
          if (text[i] !== ':') fail('Expected ":"');
          i++;
          object[key] = parseValue(path ? `${path}.${key}` : key);
          skip();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail('Expected "," or "}"');
        }
      value = object;
    } else if (c === '[') {
      i++;
      const array: unknown[] = [];
      skip();
      if (text[i] === ']') i++;
      else
        for (;;) {
          array.push(parseValue(`${path}[${array.length}]`));
          skip();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail('Expected "," or "]"');
        }
      value = array;
    } else if (c === '"') {
      value = parseString();
    } else {
      const match = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!match) fail('Unexpected token');
      value = JSON.parse(match![0]);
      i += match![0].length;
    }
    const end = pos();
    locations.set(path, {
      line_start: start.line,
      line_end: end.line,
      column_start: start.column,
      column_end: end.column,
    });
    return value;
  };
  const value = parseValue('');
  skip();
  if (i < text.length) fail('Unexpected data after JSON');
  return { value, locations };
}
