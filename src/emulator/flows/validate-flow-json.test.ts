import { describe, expect, it } from 'vitest';
import { validateFlowJson } from './validate-flow-json';

type Obj = Record<string, unknown>;
const footer = (action: Obj = { name: 'complete', payload: {} }) => ({
  type: 'Footer',
  label: 'Submit',
  'on-click-action': action,
});
const screen = (id: string, children: unknown[], extra: Obj = {}) => ({
  id,
  title: id,
  layout: { type: 'SingleColumnLayout', children },
  ...extra,
});
const form = (...children: unknown[]) => ({ type: 'Form', name: 'form', children });
const input = (extra: Obj = {}) => ({ type: 'TextInput', name: 'email', label: 'Email', ...extra });
const validFlow = {
  version: '7.1',
  screens: [
    screen('FIRST', [
      form(input(), footer({ name: 'navigate', next: { type: 'screen', name: 'LAST' }, payload: {} })),
    ]),
    screen('LAST', [{ type: 'TextBody', text: 'Thanks' }, footer()], { terminal: true, success: true }),
  ],
};
const withScreens = (...screens: unknown[]) => ({ version: '7.1', screens });
const terminal = (children: unknown[], id = 'ONE') => screen(id, children, { terminal: true });

const cases: Array<[string, unknown, string]> = [
  ['missing version', { screens: validFlow.screens }, 'MISSING_REQUIRED_PROPERTY'],
  ['unknown version', { ...validFlow, version: '9.9' }, 'INVALID_PROPERTY_VALUE'],
  ['no screens', { version: '7.1', screens: [] }, 'MISSING_REQUIRED_PROPERTY'],
  ['reserved SUCCESS id', withScreens(terminal([footer()], 'SUCCESS')), 'INVALID_PROPERTY_VALUE'],
  ['screen id with digits', withScreens(terminal([footer()], 'STEP1')), 'INVALID_PROPERTY_VALUE'],
  ['duplicate screen ids', withScreens(terminal([footer()]), terminal([footer()])), 'DUPLICATE_SCREEN_ID'],
  [
    'no terminal screen',
    withScreens(screen('ONE', [footer({ name: 'data_exchange', payload: {} })])),
    'MISSING_TERMINAL_SCREEN',
  ],
  [
    'terminal screen without Footer',
    withScreens(terminal([{ type: 'TextBody', text: 'x' }])),
    'MISSING_FOOTER',
  ],
  ['two Footers', withScreens(terminal([footer(), footer()])), 'TOO_MANY_COMPONENTS'],
  ['unknown component', withScreens(terminal([{ type: 'Marquee' }, footer()])), 'INVALID_PROPERTY_VALUE'],
  [
    'TextInput without label',
    withScreens(terminal([form({ type: 'TextInput', name: 'a' }, footer())])),
    'MISSING_REQUIRED_PROPERTY',
  ],
  [
    'TextInput label over 20',
    withScreens(terminal([form(input({ label: 'x'.repeat(21) }), footer())])),
    'MAX_LENGTH_EXCEEDED',
  ],
  [
    'TextHeading over 80',
    withScreens(terminal([{ type: 'TextHeading', text: 'x'.repeat(81) }, footer()])),
    'MAX_LENGTH_EXCEEDED',
  ],
  [
    'Footer label over 35',
    withScreens(terminal([{ ...footer(), label: 'x'.repeat(36) }])),
    'MAX_LENGTH_EXCEEDED',
  ],
  [
    '51 components',
    withScreens(terminal([...Array.from({ length: 50 }, () => ({ type: 'TextBody', text: 'x' })), footer()])),
    'TOO_MANY_COMPONENTS',
  ],
  [
    '3 EmbeddedLinks',
    withScreens(
      terminal([
        ...Array.from({ length: 3 }, () => ({
          type: 'EmbeddedLink',
          text: 'x',
          'on-click-action': { name: 'data_exchange' },
        })),
        footer(),
      ]),
    ),
    'TOO_MANY_COMPONENTS',
  ],
  [
    'input outside Form before 4.0',
    { version: '3.1', screens: [terminal([input(), footer()])] },
    'INVALID_PROPERTY_VALUE',
  ],
  [
    'Dropdown with 201 items',
    withScreens(
      terminal([
        form(
          {
            type: 'Dropdown',
            name: 'd',
            label: 'L',
            'data-source': Array.from({ length: 201 }, (_, i) => ({ id: `${i}`, title: 't' })),
          },
          footer(),
        ),
      ]),
    ),
    'INVALID_PROPERTY_VALUE',
  ],
  [
    'data-source title over 30',
    withScreens(
      terminal([
        form(
          { type: 'RadioButtonsGroup', name: 'r', 'data-source': [{ id: 'a', title: 'x'.repeat(31) }] },
          footer(),
        ),
      ]),
    ),
    'MAX_LENGTH_EXCEEDED',
  ],
  [
    'navigate to unknown screen',
    withScreens(
      screen('ONE', [footer({ name: 'navigate', next: { type: 'screen', name: 'NOPE' } })]),
      terminal([footer()], 'TWO'),
    ),
    'INVALID_PROPERTY_VALUE',
  ],
  [
    'complete on a non-terminal screen',
    withScreens(screen('ONE', [footer()]), terminal([footer()], 'TWO')),
    'INVALID_PROPERTY_VALUE',
  ],
  ['unknown action', withScreens(terminal([footer({ name: 'teleport' })])), 'INVALID_PROPERTY_VALUE'],
  [
    'routing to unknown screen',
    { ...validFlow, routing_model: { FIRST: ['NOPE'], LAST: [] } },
    'INVALID_ROUTING_MODEL',
  ],
  [
    'data_api_version without routing_model',
    { ...validFlow, data_api_version: '3.0' },
    'MISSING_REQUIRED_PROPERTY',
  ],
];

describe('validateFlowJson', () => {
  it('accepts a valid two-screen flow (also with a routing model)', () => {
    expect(validateFlowJson(JSON.stringify(validFlow, null, 2))).toEqual([]);
    expect(
      validateFlowJson(
        JSON.stringify({
          ...validFlow,
          data_api_version: '3.0',
          routing_model: { FIRST: ['LAST'], LAST: [] },
        }),
      ),
    ).toEqual([]);
  });

  it.each(cases)('%s → %s', (_name, flow, code) => {
    const errors = validateFlowJson(JSON.stringify(flow, null, 2));
    expect(errors.map((e) => e.error)).toContain(code);
    expect(errors.every((e) => e.error_type === 'FLOW_JSON_ERROR' && e.message.length > 0)).toBe(true);
  });

  it('reports invalid JSON with its position', () => {
    expect(validateFlowJson('{\n  "version": "7.1",\n  "screens": [\n}')).toEqual([
      expect.objectContaining({ error: 'INVALID_JSON', error_type: 'JSON_SCHEMA_ERROR', line_start: 4 }),
    ]);
  });

  it('points at the offending property with line and column', () => {
    const text = JSON.stringify(withScreens(terminal([{ ...footer(), label: 'x'.repeat(36) }])), null, 2);
    const [error] = validateFlowJson(text);
    const line = text.split('\n').findIndex((l) => l.includes('"label"')) + 1;
    expect(error).toMatchObject({
      line_start: line,
      pointers: [{ path: 'screens[0].layout.children[0].label', line_start: line }],
    });
  });
});
