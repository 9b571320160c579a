import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema } from './template-definition';

/** Reference §6.2 sample. */
const SAMPLE = {
  name: 'order_confirmation',
  language: 'en_US',
  category: 'UTILITY',
  parameter_format: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#12345'] } },
    {
      type: 'BODY',
      text: 'Hi {{1}}, your order {{2}} ships today.',
      example: { body_text: [['Pablo', '860198-230332']] },
    },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Stop updates' },
        {
          type: 'URL',
          text: 'Track',
          url: 'https://shop.example/track/{{1}}',
          example: ['https://shop.example/track/ABC123'],
        },
        { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '15550051310' },
        { type: 'COPY_CODE', example: '250FF' },
        { type: 'FLOW', text: 'Book', flow_id: '123', flow_action: 'navigate', navigate_screen: 'WELCOME' },
      ],
    },
  ],
};

type Component = (typeof SAMPLE.components)[number] | Record<string, unknown>;
const withComponents = (components: Component[], extra: Record<string, unknown> = {}) => ({
  ...SAMPLE,
  ...extra,
  components,
});
const messages = (t: unknown) =>
  templateDefinitionSchema.safeParse(t).error?.issues.map((i) => i.message) ?? [];
const body = (text: string, example?: unknown) => ({ type: 'BODY', text, ...(example ? { example } : {}) });

describe('template definition (reference §6.2, §6.4)', () => {
  it('accepts the reference sample, a NAMED template and an authentication template', () => {
    expect(messages(SAMPLE)).toEqual([]);
    expect(
      messages(
        withComponents(
          [
            body('Hi {{first_name}}, thanks!', {
              body_text_named_params: [{ param_name: 'first_name', example: 'Pablo' }],
            }),
          ],
          { parameter_format: 'NAMED' },
        ),
      ),
    ).toEqual([]);
    expect(
      messages({
        name: 'otp_login',
        language: 'en_US',
        category: 'AUTHENTICATION',
        message_send_ttl_seconds: 600,
        components: [
          { type: 'BODY', add_security_recommendation: true },
          { type: 'FOOTER', code_expiration_minutes: 10 },
          { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
        ],
      }),
    ).toEqual([]);
  });

  it('enforces name, length and component-count rules', () => {
    expect(messages({ ...SAMPLE, name: 'Order Confirmation' })).toEqual([
      'template names use lowercase letters, digits and underscores',
    ]);
    expect(messages(withComponents([body('b'.repeat(1025))]))).toHaveLength(1);
    expect(
      messages(withComponents([{ type: 'HEADER', format: 'TEXT', text: 'h'.repeat(61) }, body('x')])),
    ).toHaveLength(1);
    expect(messages(withComponents([body('x'), { type: 'FOOTER', text: 'f'.repeat(61) }]))).toHaveLength(1);
    expect(messages(withComponents([{ type: 'FOOTER', text: 'f' }]))).toEqual([
      'a BODY component is required',
    ]);
    expect(messages(withComponents([body('a'), body('b')]))).toEqual(['at most one BODY component']);
    expect(messages({ ...SAMPLE, category: 'PROMO' })).toHaveLength(1);
  });

  it('enforces the variable rules', () => {
    expect(messages(withComponents([body('Hi {{1}} and {{3}}.', { body_text: [['a', 'b']] })]))).toEqual([
      'body: variables must be numbered {{1}} to {{n}} with no gaps',
    ]);
    expect(messages(withComponents([body('{{1}} is here.', { body_text: [['a']] })]))).toEqual([
      'body: text cannot start or end with a variable',
    ]);
    expect(messages(withComponents([body('Hi {{1}}{{2}} there', { body_text: [['a', 'b']] })]))).toEqual([
      'body: variables cannot be next to each other',
    ]);
    expect(messages(withComponents([body('Hi {{1}}, welcome')]))).toEqual([
      'body variables need example.body_text',
    ]);
    expect(
      messages(withComponents([{ type: 'HEADER', format: 'TEXT', text: '{{1}} and {{2}}' }, body('x')])),
    ).toEqual(['a header may hold at most 1 variable']);
    expect(messages(withComponents([body('x'), { type: 'FOOTER', text: 'Bye {{1}}' }]))).toEqual([
      'a footer cannot contain variables',
    ]);
    expect(
      messages(
        withComponents([body('Hi {{First}} there', { body_text_named_params: [] })], {
          parameter_format: 'NAMED',
        }),
      ),
    ).toEqual(['body: NAMED variables are lowercase names like {{first_name}}']);
  });

  it('enforces the button rules', () => {
    const buttons = (list: unknown[]) => withComponents([body('x'), { type: 'BUTTONS', buttons: list }]);
    const url = { type: 'URL', text: 'Go', url: 'https://e.com' };
    const quick = { type: 'QUICK_REPLY', text: 'OK' };
    expect(messages(buttons([url, url, url]))).toEqual(['at most 2 URL buttons']);
    expect(messages(buttons([quick, url, quick]))).toEqual([
      'quick-reply buttons must be grouped together, not mixed between other buttons',
    ]);
    expect(messages(buttons(Array.from({ length: 11 }, () => quick)))).toHaveLength(1);
    expect(messages(buttons([{ type: 'QUICK_REPLY', text: 't'.repeat(26) }]))).toHaveLength(1);
    expect(
      messages(buttons([{ type: 'URL', text: 'Go', url: `https://e.com/${'a'.repeat(2000)}` }])),
    ).toHaveLength(1);
  });
});
