import { expect, it } from 'vitest';
import { locateJson } from './locate-json';

it('locates', () => {
  const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c": true\n}';
  const { value, locations } = locateJson(text);
  expect(value).toEqual(JSON.parse(text));
  expect(locations.get('a[1].b')).toEqual({ line_start: 2, line_end: 2, column_start: 18, column_end: 24 });
  expect(locations.get('c')).toMatchObject({ line_start: 3, column_start: 8 });
  expect(() => locateJson('{"a": }')).toThrow(SyntaxError);
});
