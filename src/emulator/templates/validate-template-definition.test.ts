import { describe, expect, it } from 'vitest';
import { validateTemplateDefinition } from './validate-template-definition';

const body = (text: string, example?: unknown) => ({ type: 'BODY', text, ...(example ? { example } : {}) });
const base = (components: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components,
  ...extra,
});
const okBody = body('Hi {{1}}, your order {{2}} ships today.', { body_text: [['Pablo', '860198']] });
const imageHeader = { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1n'] } };
const card = (
  buttons: unknown[] = [{ type: 'QUICK_REPLY', text: 'More' }],
  header: unknown = imageHeader,
) => ({
  components: [header, { type: 'BODY', text: 'Card text' }, { type: 'BUTTONS', buttons }],
});
const otp = (extra: Record<string, unknown> = {}) => ({ type: 'OTP', otp_type: 'COPY_CODE', ...extra });
const auth = (components: unknown[]) => base(components, { category: 'AUTHENTICATION' });
const buttons = (...list: unknown[]) => base([okBody, { type: 'BUTTONS', buttons: list }]);

const valid: Array<[string, unknown]> = [
  ['body only', base([body('Your order has shipped.')])],
  [
    'reference example (header, body, footer, 5 buttons)',
    base([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#12345'] } },
      okBody,
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Stop updates' },
          {
            type: 'URL',
            text: 'Track',
            url: 'https://shop.example/track/{{1}}',
            example: ['https://shop.example/track/A1'],
          },
          { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '15550051310' },
          { type: 'COPY_CODE', example: '250FF' },
          { type: 'FLOW', text: 'Book', flow_id: '123', flow_action: 'navigate', navigate_screen: 'WELCOME' },
        ],
      },
    ]),
  ],
  [
    'named parameters',
    base(
      [
        {
          type: 'BODY',
          text: 'Hi {{first_name}}, order {{order_id}} is ready.',
          example: {
            body_text_named_params: [
              { param_name: 'first_name', example: 'Pablo' },
              { param_name: 'order_id', example: '42' },
            ],
          },
        },
      ],
      { parameter_format: 'NAMED' },
    ),
  ],
  ['media header', base([imageHeader, okBody])],
  ['location header', base([{ type: 'HEADER', format: 'LOCATION' }, okBody])],
  [
    'authentication copy code',
    auth([
      { type: 'BODY', add_security_recommendation: true },
      { type: 'FOOTER', code_expiration_minutes: 10 },
      { type: 'BUTTONS', buttons: [otp()] },
    ]),
  ],
  [
    'carousel with 2 cards',
    base([body('Pick one of these offers today.'), { type: 'CAROUSEL', cards: [card(), card()] }], {
      category: 'MARKETING',
    }),
  ],
];

/** [rule, request, code, subcode (undefined = none)] */
const violations: Array<[string, unknown, number | undefined]> = [
  ['name missing', { language: 'en_US', category: 'UTILITY', components: [okBody] }, undefined],
  ['name with capitals', base([okBody], { name: 'Order_Update' }), undefined],
  ['name with dash', base([okBody], { name: 'order-update' }), undefined],
  ['name longer than 512', base([okBody], { name: 'a'.repeat(513) }), 2388040],
  ['language missing', base([okBody], { language: undefined }), undefined],
  ['category unknown', base([okBody], { category: 'PROMO' }), undefined],
  ['components missing', base([], {}), undefined],
  ['no BODY', base([{ type: 'FOOTER', text: 'x' }]), undefined],
  ['two BODY components', base([okBody, okBody]), undefined],
  ['unknown header format', base([{ type: 'HEADER', format: 'AUDIO' }, okBody]), 2388047],
  ['header text over 60', base([{ type: 'HEADER', format: 'TEXT', text: 'x'.repeat(61) }, okBody]), 2388040],
  [
    'header two variables',
    base([
      { type: 'HEADER', format: 'TEXT', text: 'A {{1}} B {{2}}', example: { header_text: ['a', 'b'] } },
      okBody,
    ]),
    2388047,
  ],
  [
    'header variable without example',
    base([{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' }, okBody]),
    2388047,
  ],
  ['header with new line', base([{ type: 'HEADER', format: 'TEXT', text: 'Hello\nthere' }, okBody]), 2388047],
  ['image header without sample', base([{ type: 'HEADER', format: 'IMAGE' }, okBody]), 2388047],
  ['body over 1024', base([body('x'.repeat(1025))]), 2388040],
  ['body variables with gap', base([body('Hi {{1}} and {{3}} too', { body_text: [['a', 'b']] })]), 2388072],
  ['body mixes styles', base([body('Hi {{1}} and {{name}} too', { body_text: [['a', 'b']] })]), 2388072],
  ['named variable in positional template', base([body('Hi {{name}} there')]), 2388072],
  ['body starts with variable', base([body('{{1}} is your order now', { body_text: [['a']] })]), 2388299],
  ['body ends with variable', base([body('Your order is {{1}}', { body_text: [['a']] })]), 2388299],
  [
    'too many variables for length',
    base([body('Hi {{1}} {{2}} {{3}} {{4}} ok', { body_text: [['a', 'b', 'c', 'd']] })]),
    2388293,
  ],
  ['body variables without example', base([body('Hi {{1}}, welcome back.')]), 2388072],
  [
    'body example count mismatch',
    base([body('Hi {{1}}, order {{2}} ships.', { body_text: [['a']] })]),
    2388072,
  ],
  ['footer over 60', base([okBody, { type: 'FOOTER', text: 'x'.repeat(61) }]), 2388040],
  ['footer with variable', base([okBody, { type: 'FOOTER', text: 'Bye {{1}} ok' }]), 2388073],
  [
    '11 quick replies',
    buttons(...Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Q${i}` }))),
    undefined,
  ],
  [
    '3 URL buttons',
    buttons(...[1, 2, 3].map((i) => ({ type: 'URL', text: `U${i}`, url: 'https://a.example' }))),
    undefined,
  ],
  [
    '2 phone buttons',
    buttons(
      { type: 'PHONE_NUMBER', text: 'A', phone_number: '1555' },
      { type: 'PHONE_NUMBER', text: 'B', phone_number: '1556' },
    ),
    undefined,
  ],
  [
    '2 copy-code buttons',
    buttons({ type: 'COPY_CODE', example: 'A' }, { type: 'COPY_CODE', example: 'B' }),
    undefined,
  ],
  ['button text over 25', buttons({ type: 'QUICK_REPLY', text: 'x'.repeat(26) }), undefined],
  [
    'URL with two variables',
    buttons({ type: 'URL', text: 'Go', url: 'https://a.example/{{1}}/{{2}}', example: ['x'] }),
    undefined,
  ],
  [
    'URL variable not at end',
    buttons({ type: 'URL', text: 'Go', url: 'https://a.example/{{1}}/x', example: ['x'] }),
    undefined,
  ],
  [
    'URL variable without example',
    buttons({ type: 'URL', text: 'Go', url: 'https://a.example/{{1}}' }),
    undefined,
  ],
  ['copy code over 15', buttons({ type: 'COPY_CODE', example: 'x'.repeat(16) }), undefined],
  [
    'quick replies interleaved',
    buttons(
      { type: 'QUICK_REPLY', text: 'A' },
      { type: 'URL', text: 'U', url: 'https://a.example' },
      { type: 'QUICK_REPLY', text: 'B' },
    ),
    undefined,
  ],
  ['OTP outside authentication', buttons(otp()), undefined],
  ['FLOW without reference', buttons({ type: 'FLOW', text: 'Book' }), undefined],
  [
    'authentication with body text',
    auth([
      { type: 'BODY', text: 'Code {{1}} here' },
      { type: 'BUTTONS', buttons: [otp()] },
    ]),
    undefined,
  ],
  [
    'authentication without OTP',
    auth([{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'x' }] }]),
    undefined,
  ],
  [
    'authentication expiry 91 minutes',
    auth([
      { type: 'BODY' },
      { type: 'FOOTER', code_expiration_minutes: 91 },
      { type: 'BUTTONS', buttons: [otp()] },
    ]),
    undefined,
  ],
  [
    'one-tap without apps',
    auth([{ type: 'BODY' }, { type: 'BUTTONS', buttons: [otp({ otp_type: 'ONE_TAP' })] }]),
    undefined,
  ],
  [
    'zero-tap without terms',
    auth([
      { type: 'BODY' },
      {
        type: 'BUTTONS',
        buttons: [
          otp({
            otp_type: 'ZERO_TAP',
            supported_apps: [{ package_name: 'com.x', signature_hash: 'abcdefghijk' }],
          }),
        ],
      },
    ]),
    undefined,
  ],
  ['carousel with 1 card', base([okBody, { type: 'CAROUSEL', cards: [card()] }]), undefined],
  [
    'carousel with 11 cards',
    base([okBody, { type: 'CAROUSEL', cards: Array.from({ length: 11 }, () => card()) }]),
    undefined,
  ],
  [
    'carousel cards differ',
    base([
      okBody,
      { type: 'CAROUSEL', cards: [card(), card([{ type: 'URL', text: 'Go', url: 'https://a.example' }])] },
    ]),
    undefined,
  ],
  [
    'carousel card body over 160',
    base([
      okBody,
      {
        type: 'CAROUSEL',
        cards: [
          card(),
          {
            components: [
              imageHeader,
              { type: 'BODY', text: 'x'.repeat(161) },
              { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'More' }] },
            ],
          },
        ],
      },
    ]),
    2388040,
  ],
  [
    'carousel plus header',
    base([imageHeader, okBody, { type: 'CAROUSEL', cards: [card(), card()] }]),
    undefined,
  ],
];

describe('validateTemplateDefinition', () => {
  it.each(valid)('accepts: %s', (_rule, request) => {
    const result = validateTemplateDefinition(request);
    expect(result.ok ? null : result.violation).toBeNull();
  });

  it.each(violations)('rejects: %s', (_rule, request, subcode) => {
    const result = validateTemplateDefinition(request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violation.subcode).toBe(subcode);
      expect(result.violation.title.length).toBeGreaterThan(0);
    }
  });

  it('accepts adjacent variables but marks them for rejection as INVALID_FORMAT', () => {
    const result = validateTemplateDefinition(
      base([body('Dear customer {{1}}{{2}} thanks a lot', { body_text: [['a', 'b']] })]),
    );
    expect(result).toMatchObject({ ok: true, reviewRejection: 'INVALID_FORMAT' });
  });

  it('normalises component types and defaults parameter_format', () => {
    const result = validateTemplateDefinition(base([{ type: 'body', text: 'Plain text.' }]));
    expect(result).toMatchObject({
      ok: true,
      definition: { parameterFormat: 'POSITIONAL', components: [{ type: 'BODY' }] },
    });
  });

  it('checks FLOW button flow ids when a lookup is given', () => {
    const request = buttons({ type: 'FLOW', text: 'Book', flow_id: '999' });
    expect(validateTemplateDefinition(request, { flowExists: () => false }).ok).toBe(false);
    expect(validateTemplateDefinition(request, { flowExists: () => true }).ok).toBe(true);
  });
});
