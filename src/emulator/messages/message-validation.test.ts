import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test-support/emulator-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { throughput_mps: 1000, pair_rate: { enabled: false } } });
  // Structural validation only: flow status checks are the flows module's (tested there).
  h.emulator.state.flows = undefined;
});
afterAll(async () => {
  await h.close();
});

const to = '15551234567';
const s = (n: number, ch = 'a') => ch.repeat(n);
const buttons = (n: number, title = (i: number) => `Option ${i}`, id = (i: number) => `opt_${i}`) => ({
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Pick one' },
    action: {
      buttons: Array.from({ length: n }, (_, i) => ({
        type: 'reply',
        reply: { id: id(i), title: title(i) },
      })),
    },
  },
});
const list = (rows: number[], extra: Record<string, unknown> = {}) => ({
  type: 'interactive',
  interactive: {
    type: 'list',
    body: { text: 'Choose' },
    action: {
      button: 'Menu',
      sections: rows.map((count, section) => ({
        title: `Section ${section}`,
        rows: Array.from({ length: count }, (_, i) => ({
          id: `r${section}_${i}`,
          title: `Row ${i}`,
          ...extra,
        })),
      })),
    },
  },
});
const withInteractive = (patch: Record<string, unknown>) => {
  const base = buttons(2);
  return { ...base, interactive: { ...base.interactive, ...patch } };
};
const flow = (parameters: Record<string, unknown>) => ({
  type: 'interactive',
  interactive: {
    type: 'flow',
    body: { text: 'Book now' },
    action: {
      name: 'flow',
      parameters: {
        flow_message_version: '3',
        flow_id: '1234567890',
        flow_cta: 'Book!',
        flow_action: 'navigate',
        flow_action_payload: { screen: 'WELCOME' },
        ...parameters,
      },
    },
  },
});

// [name, body (without messaging_product), expected HTTP, expected code, details substring]
const cases: Array<[string, Record<string, unknown>, number, number | null, string?]> = [
  ['text ok', { to, type: 'text', text: { body: 'hi' } }, 200, null],
  ['type defaults to text', { to, text: { body: 'hi' } }, 200, null],
  ['"+" and separators in to', { to: '+1 (555) 123-4567', text: { body: 'hi' } }, 200, null],
  ['text body at 4096', { to, text: { body: s(4096) } }, 200, null],
  ['text body over 4096', { to, text: { body: s(4097) } }, 400, 131009, 'at most 4096'],
  ['text body missing', { to, text: {} }, 400, 131008, "text['body']"],
  ['text object missing', { to, type: 'text' }, 400, 131008, 'text'],
  ['to missing', { text: { body: 'x' } }, 400, 131008, 'to'],
  ['to not a number', { to: 'hello', text: { body: 'x' } }, 400, 131009, 'valid phone number'],
  [
    'messaging_product missing',
    { messaging_product: undefined, to, text: { body: 'x' } },
    400,
    131008,
    'messaging_product',
  ],
  ['messaging_product wrong', { messaging_product: 'sms', to, text: { body: 'x' } }, 400, 100],
  ['unknown type', { to, type: 'poll', poll: {} }, 400, 131051],
  [
    'biz_opaque_callback_data over 512',
    { to, text: { body: 'x' }, biz_opaque_callback_data: s(513) },
    400,
    131009,
  ],
  ['reply context ok', { to, text: { body: 'x' }, context: { message_id: 'wamid.X' } }, 200, null],
  ['context without message_id', { to, text: { body: 'x' }, context: {} }, 400, 131008, 'message_id'],
  [
    'image by link',
    { to, type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'c' } },
    200,
    null,
  ],
  ['image by id', { to, type: 'image', image: { id: '1037543291543636' } }, 200, null],
  [
    'image without id or link',
    { to, type: 'image', image: { caption: 'x' } },
    400,
    131009,
    "either 'id' or 'link'",
  ],
  [
    'image with id and link',
    { to, type: 'image', image: { id: '1', link: 'https://e.com/a.jpg' } },
    400,
    131009,
  ],
  ['image link not http', { to, type: 'image', image: { link: 'ftp://e.com/a.jpg' } }, 400, 131009],
  [
    'image caption over 1024',
    { to, type: 'image', image: { link: 'https://e.com/a', caption: s(1025) } },
    400,
    131009,
  ],
  ['video ok', { to, type: 'video', video: { link: 'https://e.com/v.mp4' } }, 200, null],
  ['audio ok', { to, type: 'audio', audio: { id: '55' } }, 200, null],
  [
    'document ok',
    { to, type: 'document', document: { link: 'https://e.com/x.pdf', filename: 'x.pdf' } },
    200,
    null,
  ],
  ['sticker ok', { to, type: 'sticker', sticker: { id: '77' } }, 200, null],
  [
    'location ok',
    { to, type: 'location', location: { latitude: 37.48, longitude: -122.14, name: 'HQ' } },
    200,
    null,
  ],
  [
    'location latitude missing',
    { to, type: 'location', location: { longitude: 1 } },
    400,
    131008,
    'latitude',
  ],
  [
    'location latitude out of range',
    { to, type: 'location', location: { latitude: 91, longitude: 1 } },
    400,
    131009,
  ],
  [
    'contacts ok',
    { to, type: 'contacts', contacts: [{ name: { formatted_name: 'Jane Doe', first_name: 'Jane' } }] },
    200,
    null,
  ],
  [
    'contacts formatted_name missing',
    { to, type: 'contacts', contacts: [{ name: { first_name: 'J' } }] },
    400,
    131008,
  ],
  [
    'contacts bad birthday',
    { to, type: 'contacts', contacts: [{ name: { formatted_name: 'J' }, birthday: '31/01/1990' }] },
    400,
    131009,
  ],
  ['contacts empty', { to, type: 'contacts', contacts: [] }, 400, 131009],
  ['reaction ok', { to, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '😀' } }, 200, null],
  ['reaction removal', { to, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '' } }, 200, null],
  [
    'reaction two emojis',
    { to, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '😀😀' } },
    400,
    131009,
  ],
  ['reaction message_id missing', { to, type: 'reaction', reaction: { emoji: '😀' } }, 400, 131008],
  ['3 reply buttons', { to, ...buttons(3) }, 200, null],
  [
    '4 reply buttons',
    { to, ...buttons(4) },
    400,
    131009,
    'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3',
  ],
  ['0 reply buttons', { to, ...buttons(0) }, 400, 131009, 'Invalid buttons count'],
  ['button title 20 chars', { to, ...buttons(1, () => s(20)) }, 200, null],
  ['button title 21 chars', { to, ...buttons(1, () => s(21)) }, 400, 131009, 'Button title length invalid'],
  ['button title emoji counts as one', { to, ...buttons(1, () => `${s(19)}👍`) }, 200, null],
  [
    'duplicate button ids',
    {
      to,
      ...buttons(
        2,
        (i) => `T${i}`,
        () => 'same',
      ),
    },
    400,
    131009,
    'unique',
  ],
  ['duplicate button titles', { to, ...buttons(2, () => 'Same') }, 400, 131009, 'unique'],
  [
    'button id over 256',
    {
      to,
      ...buttons(
        1,
        () => 'T',
        () => s(257),
      ),
    },
    400,
    131009,
  ],
  ['interactive body over 1024', { to, ...withInteractive({ body: { text: s(1025) } }) }, 400, 131009],
  [
    'interactive body missing',
    { to, ...withInteractive({ body: undefined }) },
    400,
    131008,
    "interactive['body']",
  ],
  ['header text 60', { to, ...withInteractive({ header: { type: 'text', text: s(60) } }) }, 200, null],
  ['header text 61', { to, ...withInteractive({ header: { type: 'text', text: s(61) } }) }, 400, 131009],
  ['footer 61', { to, ...withInteractive({ footer: { text: s(61) } }) }, 400, 131009],
  [
    'image header on buttons',
    { to, ...withInteractive({ header: { type: 'image', image: { link: 'https://e.com/a.jpg' } } }) },
    200,
    null,
  ],
  ['list 10 rows over 2 sections', { to, ...list([5, 5]) }, 200, null],
  ['list 11 rows', { to, ...list([6, 5]) }, 400, 131009, 'Total row count exceed max allowed count: 10'],
  [
    'list row title 25',
    {
      to,
      ...list([1]),
      interactive: {
        ...list([1]).interactive,
        action: { button: 'M', sections: [{ rows: [{ id: 'a', title: s(25) }] }] },
      },
    },
    400,
    131009,
  ],
  ['list row description 72', { to, ...list([1], { description: s(72) }) }, 200, null],
  ['list row description 73', { to, ...list([1], { description: s(73) }) }, 400, 131009],
  [
    'list section title 25',
    {
      to,
      interactive: {
        ...list([1]).interactive,
        action: { button: 'M', sections: [{ title: s(25), rows: [{ id: 'a', title: 'b' }] }] },
      },
      type: 'interactive',
    },
    400,
    131009,
  ],
  [
    'list multi sections need titles',
    {
      to,
      type: 'interactive',
      interactive: {
        ...list([1]).interactive,
        action: {
          button: 'M',
          sections: [{ rows: [{ id: 'a', title: 'b' }] }, { rows: [{ id: 'c', title: 'd' }] }],
        },
      },
    },
    400,
    131008,
  ],
  [
    'list button 21',
    {
      to,
      type: 'interactive',
      interactive: {
        ...list([1]).interactive,
        action: { button: s(21), sections: [{ rows: [{ id: 'a', title: 'b' }] }] },
      },
    },
    400,
    131009,
  ],
  [
    'list duplicate row ids',
    {
      to,
      type: 'interactive',
      interactive: {
        ...list([1]).interactive,
        action: {
          button: 'M',
          sections: [
            { title: 'A', rows: [{ id: 'a', title: 'b' }] },
            { title: 'B', rows: [{ id: 'a', title: 'c' }] },
          ],
        },
      },
    },
    400,
    131009,
  ],
  ['list 11 sections', { to, ...list(Array(11).fill(1)) }, 400, 131009],
  [
    'list image header',
    {
      to,
      type: 'interactive',
      interactive: {
        ...list([1]).interactive,
        header: { type: 'image', image: { link: 'https://e.com/a' } },
      },
    },
    400,
    131009,
  ],
  [
    'cta_url ok',
    {
      to,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'See' },
        action: { name: 'cta_url', parameters: { display_text: 'See dates', url: 'https://e.com' } },
      },
    },
    200,
    null,
  ],
  [
    'cta_url display_text 21',
    {
      to,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'See' },
        action: { name: 'cta_url', parameters: { display_text: s(21), url: 'https://e.com' } },
      },
    },
    400,
    131009,
  ],
  [
    'cta_url bad url',
    {
      to,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'See' },
        action: { name: 'cta_url', parameters: { display_text: 'x', url: 'nope' } },
      },
    },
    400,
    131009,
  ],
  ['flow ok', { to, ...flow({}) }, 200, null],
  ['flow version 2', { to, ...flow({ flow_message_version: '2' }) }, 400, 131009],
  ['flow id and name', { to, ...flow({ flow_name: 'x' }) }, 400, 131009],
  ['flow cta 21', { to, ...flow({ flow_cta: s(21) }) }, 400, 131009],
  ['flow cta emoji', { to, ...flow({ flow_cta: 'Go 🚀' }) }, 400, 131009],
  ['flow navigate without payload', { to, ...flow({ flow_action_payload: undefined }) }, 400, 131008],
  ['flow data_exchange with payload', { to, ...flow({ flow_action: 'data_exchange' }) }, 400, 131009],
  ['flow empty data', { to, ...flow({ flow_action_payload: { screen: 'A', data: {} } }) }, 400, 131009],
  [
    'location request ok',
    {
      to,
      type: 'interactive',
      interactive: {
        type: 'location_request_message',
        body: { text: 'Where?' },
        action: { name: 'send_location' },
      },
    },
    200,
    null,
  ],
  [
    'location request with header',
    {
      to,
      type: 'interactive',
      interactive: {
        type: 'location_request_message',
        header: { type: 'text', text: 'h' },
        body: { text: 'Where?' },
        action: { name: 'send_location' },
      },
    },
    400,
    131009,
  ],
  [
    'interactive type missing',
    { to, type: 'interactive', interactive: { body: { text: 'x' }, action: {} } },
    400,
    131008,
  ],
  ['template name missing', { to, type: 'template', template: { language: { code: 'en_US' } } }, 400, 131008],
  ['template language missing', { to, type: 'template', template: { name: 'x' } }, 400, 131008],
  ['recipient is the business number', { to: '15550000000', text: { body: 'x' } }, 400, 131021],
];

describe('POST /{phone-number-id}/messages validation (reference §2)', () => {
  it.each(cases)('%s', async (_name, body, status, code, details) => {
    h.emulator.state.phoneNumbers.get([...h.emulator.state.phoneNumbers.keys()][0]!)!.displayPhoneNumber =
      '15550000000';
    const res = await h.send(body);
    expect(res.statusCode, res.body).toBe(status);
    if (code === null) {
      expect(res.json()).toMatchObject({
        messaging_product: 'whatsapp',
        messages: [{ id: expect.stringMatching(/^wamid\./) }],
      });
      return;
    }
    const { error } = res.json();
    expect(error.code).toBe(code);
    expect(error.type).toBe('OAuthException');
    if (details) expect(error.error_data.details).toContain(details);
  });

  it('answers contacts[].input as given and wa_id normalized', async () => {
    const res = await h.send({ to: '+1 555-123-4567', text: { body: 'x' } });
    expect(res.json().contacts).toEqual([{ input: '+1 555-123-4567', wa_id: '15551234567' }]);
  });
});
