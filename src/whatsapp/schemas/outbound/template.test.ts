import { describe, expect, it } from 'vitest';
import { templateContentSchema } from './template';

const issues = (template: unknown) =>
  templateContentSchema.safeParse(template).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ??
  [];
const withComponents = (components: unknown[]) => ({
  name: 'order_update',
  language: { code: 'en_US' },
  components,
});

describe('template message (reference §2.9)', () => {
  it('accepts the reference sample: media header, currency/date_time body, quick_reply/url/copy_code buttons', () => {
    const sample = {
      name: 'order_update',
      language: { code: 'en_US', policy: 'deterministic' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/h.jpg' } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Pablo' },
            { type: 'currency', currency: { fallback_value: '$19.99', code: 'USD', amount_1000: 19990 } },
            { type: 'date_time', date_time: { fallback_value: 'August 5, 2025' } },
          ],
        },
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '0',
          parameters: [{ type: 'payload', payload: 'STOP_PROMOS' }],
        },
        { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'order/8812' }] },
        {
          type: 'button',
          sub_type: 'copy_code',
          index: '2',
          parameters: [{ type: 'coupon_code', coupon_code: '25OFF' }],
        },
      ],
    };
    expect(issues(sample)).toEqual([]);
  });

  it('accepts named parameters, document/location headers, flow buttons, uppercase sub_types and integer indexes', () => {
    expect(
      issues(
        withComponents([
          { type: 'header', parameters: [{ type: 'document', document: { id: '123', filename: 'x.pdf' } }] },
          { type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Pablo' }] },
          {
            type: 'button',
            sub_type: 'FLOW',
            index: 0,
            parameters: [{ type: 'action', action: { flow_token: 't', flow_action_data: { a: 1 } } }],
          },
          {
            type: 'button',
            sub_type: 'QUICK_REPLY',
            index: 1,
            parameters: [{ type: 'payload', payload: 'p' }],
          },
        ]),
      ),
    ).toEqual([]);
    expect(
      issues(
        withComponents([
          {
            type: 'header',
            parameters: [{ type: 'location', location: { latitude: 1, longitude: 2, name: 'Shop' } }],
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('accepts an OTP template (code in body and url button) and a carousel', () => {
    expect(
      issues(
        withComponents([
          { type: 'body', parameters: [{ type: 'text', text: '123456' }] },
          { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: '123456' }] },
        ]),
      ),
    ).toEqual([]);
    const card = (card_index: number) => ({
      card_index,
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { id: `img${card_index}` } }] },
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '0',
          parameters: [{ type: 'payload', payload: 'buy' }],
        },
      ],
    });
    expect(
      issues(withComponents([{ type: 'body' }, { type: 'carousel', cards: [card(0), card(1)] }])),
    ).toEqual([]);
    const eleven = Array.from({ length: 11 }, (_, i) => card(i));
    expect(issues(withComponents([{ type: 'carousel', cards: eleven }])).length).toBeGreaterThan(0);
  });

  it('rejects what Meta rejects at send time', () => {
    expect(
      issues(withComponents([{ type: 'body', parameters: [{ type: 'text', text: 'line\nbreak' }] }])),
    ).toEqual([
      'components.0.parameters.0.text: parameter text cannot contain new-line/tab characters or more than 4 consecutive spaces',
    ]);
    expect(
      issues(withComponents([{ type: 'body', parameters: [{ type: 'text', text: 'a     b' }] }])),
    ).toHaveLength(1);
    expect(
      issues(withComponents([{ type: 'body', parameters: [{ type: 'text', text: 'a    b' }] }])),
    ).toEqual([]);
    expect(
      issues(
        withComponents([
          {
            type: 'button',
            sub_type: 'copy_code',
            index: 0,
            parameters: [{ type: 'coupon_code', coupon_code: 'C'.repeat(16) }],
          },
        ]),
      ),
    ).toHaveLength(1);
    expect(
      issues(
        withComponents([
          { type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'text', text: 'x' }] },
        ]),
      ),
    ).toEqual([
      'components.0.parameters.0.type: a quick_reply button takes a "payload" parameter, not "text"',
    ]);
    expect(issues(withComponents([{ type: 'button', sub_type: 'teleport', index: 0 }]))[0]).toContain(
      'sub_type',
    );
    expect(
      issues(
        withComponents([
          {
            type: 'body',
            parameters: [
              { type: 'text', parameter_name: 'first_name', text: 'Pablo' },
              { type: 'text', text: 'unnamed' },
            ],
          },
        ]),
      ),
    ).toEqual([
      'components.0.parameters: either every parameter has a parameter_name (NAMED template) or none does',
    ]);
    expect(
      issues(
        withComponents([
          { type: 'header', parameters: [{ type: 'image', image: { id: '1', link: 'https://e.com/x' } }] },
        ]),
      ),
    ).toHaveLength(1);
    expect(issues({ name: 'x', language: 'en_US' })).toHaveLength(1);
  });
});
