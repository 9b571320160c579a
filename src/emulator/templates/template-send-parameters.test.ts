import { describe, expect, it } from 'vitest';
import { GraphError } from '../graph/graph-error';
import type { TemplateForSend } from '../state/extensions';
import { checkTemplateSendParameters } from './template-send-parameters';

const template: TemplateForSend = {
  id: '1',
  name: 'order_update',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  parameterFormat: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships today.' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Stop' },
        { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
        { type: 'COPY_CODE', example: 'SAVE10' },
      ],
    },
  ],
};
const imageTemplate: TemplateForSend = {
  ...template,
  components: [
    { type: 'HEADER', format: 'IMAGE' },
    { type: 'BODY', text: 'Your receipt is attached.' },
  ],
};
const namedTemplate: TemplateForSend = {
  ...template,
  parameterFormat: 'NAMED',
  components: [{ type: 'BODY', text: 'Hi {{first_name}}, welcome back.' }],
};

const text = (value: string) => ({ type: 'text', text: value });
const header = (...parameters: unknown[]) => ({ type: 'header', parameters });
const body = (...parameters: unknown[]) => ({ type: 'body', parameters });
const url = (suffix: string, index: number | string = 1) => ({
  type: 'button',
  sub_type: 'url',
  index,
  parameters: [text(suffix)],
});
const coupon = (code: string) => ({
  type: 'button',
  sub_type: 'COPY_CODE',
  index: '2',
  parameters: [{ type: 'coupon_code', coupon_code: code }],
});
const valid = [header(text('#12')), body(text('Pablo'), text('A-1')), url('A1'), coupon('SAVE10')];

const cases: Array<[string, TemplateForSend, unknown[], number]> = [
  [
    'body parameter missing',
    template,
    [header(text('#12')), body(text('Pablo')), url('A1'), coupon('X')],
    132000,
  ],
  [
    'body parameter extra',
    template,
    [header(text('#12')), body(text('a'), text('b'), text('c')), url('A1'), coupon('X')],
    132000,
  ],
  ['header parameter missing', template, [body(text('Pablo'), text('A-1')), url('A1'), coupon('X')], 132000],
  ['URL suffix missing', template, [header(text('#12')), body(text('a'), text('b')), coupon('X')], 132000],
  [
    'new line in a parameter',
    template,
    [header(text('#12')), body(text('Pa\nblo'), text('A')), url('A1'), coupon('X')],
    132018,
  ],
  [
    'tab in a parameter',
    template,
    [header(text('#12')), body(text('Pa\tblo'), text('A')), url('A1'), coupon('X')],
    132018,
  ],
  [
    '5 spaces in a parameter',
    template,
    [header(text('#12')), body(text('Pa     blo'), text('A')), url('A1'), coupon('X')],
    132018,
  ],
  [
    'body too long once filled',
    template,
    [header(text('#12')), body(text('x'.repeat(1000)), text('A')), url('A1'), coupon('X')],
    132005,
  ],
  [
    'header too long once filled',
    template,
    [header(text('x'.repeat(60))), body(text('a'), text('b')), url('A1'), coupon('X')],
    132005,
  ],
  [
    'emoji in header parameter',
    template,
    [header(text('🎉')), body(text('a'), text('b')), url('A1'), coupon('X')],
    132007,
  ],
  [
    'full URL as URL suffix',
    template,
    [header(text('#12')), body(text('a'), text('b')), url('https://evil.example'), coupon('X')],
    132012,
  ],
  [
    'image parameter for text header',
    template,
    [
      header({ type: 'image', image: { link: 'https://x' } }),
      body(text('a'), text('b')),
      url('A1'),
      coupon('X'),
    ],
    132012,
  ],
  [
    'video parameter for image header',
    imageTemplate,
    [header({ type: 'video', video: { id: '1' } })],
    132012,
  ],
  ['image header without parameter', imageTemplate, [], 132000],
  ['wrong sub_type for button index', template, [...valid.slice(0, 2), url('A1', 0), coupon('X')], 131009],
  ['coupon code over 15', template, [...valid.slice(0, 3), coupon('x'.repeat(16))], 131009],
  [
    'unknown parameter_name',
    namedTemplate,
    [body({ type: 'text', parameter_name: 'last_name', text: 'x' })],
    132000,
  ],
  [
    'currency without amount',
    namedTemplate,
    [
      body({
        type: 'currency',
        parameter_name: 'first_name',
        currency: { fallback_value: '$1', code: 'USD' },
      }),
    ],
    131008,
  ],
];

describe('checkTemplateSendParameters', () => {
  it('accepts matching parameters and returns the filled body', () => {
    expect(checkTemplateSendParameters(template, valid).body).toBe('Hi Pablo, your order A-1 ships today.');
    expect(
      checkTemplateSendParameters(imageTemplate, [header({ type: 'image', image: { id: '123' } })]).body,
    ).toBe('Your receipt is attached.');
    expect(
      checkTemplateSendParameters(namedTemplate, [
        body({ type: 'text', parameter_name: 'first_name', text: 'Ana' }),
      ]).body,
    ).toBe('Hi Ana, welcome back.');
  });

  it.each(cases)('%s → %i', (_name, tpl, components, code) => {
    let error: unknown;
    try {
      checkTemplateSendParameters(tpl, components);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).code).toBe(code);
  });

  it('gives Meta-like details for a count mismatch', () => {
    expect(() => checkTemplateSendParameters(namedTemplate, [])).toThrow(
      expect.objectContaining({
        details: 'body: number of localizable_params (0) does not match the expected number of params (1)',
      }),
    );
  });
});
