import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CloudApiClient,
  CloudApiError,
  CloudApiValidationError,
  createCloudApiClient,
  knownInboundMessageSchema,
  messageStatusSchema,
  type SendMessagePayloadInput,
  type TemplateDefinitionInput,
  verifyWebhookSignature,
  webhookEnvelopeSchema,
} from '../../src/whatsapp';
import { type EmulatorServer, startEmulatorServer } from './support/emulator-server';

/**
 * Conformance of the real Cloud API client (src/whatsapp) against the real emulator (src/emulator),
 * over 127.0.0.1 sockets, with webhooks delivered to a real HTTP receiver. Tests run in file order and
 * share one emulator: the sends of the first block are the ones whose webhooks the third block checks.
 */

const VERSION = 'v24.0';
/** Customers (wa_ids) — one per concern so pair-rate buckets and windows stay independent. */
const ALICE = '15550001001'; // every outbound type
const BRUNO = '15550001002'; // window expires
const CARLA = '15550001003'; // not on WhatsApp
const DIEGO = '15550001004'; // throughput burst
const ELENA = '15550001005'; // OAuth token sends

let srv: EmulatorServer;
let client: CloudApiClient;
let PHONE: string;
let WABA: string;
let TOKEN: string;

beforeAll(async () => {
  srv = await startEmulatorServer();
  PHONE = srv.emulator.identity.phoneNumbers[0]!.id;
  WABA = srv.emulator.identity.wabaId;
  TOKEN = srv.emulator.identity.accessTokens[0]!;
  client = createCloudApiClient({ baseUrl: srv.baseUrl, apiVersion: VERSION, accessToken: TOKEN });
});

afterAll(async () => {
  await srv?.close();
});

// ---------- helpers ----------

/** A simulated customer writes to the business (opens / refreshes the 24 h window). Returns the inbound wamid. */
async function customerWrites(waId: string, body = 'Hi there'): Promise<string> {
  const res = await srv.control('POST', `/customers/${waId}/messages`, {
    type: 'text',
    text: { body },
    profile_name: `Customer ${waId.slice(-2)}`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.id).toMatch(/^wamid\./);
  return res.body.id as string;
}

/** A raw Graph call with fetch (no client, no client-side validation). */
async function rawGraph(method: string, path: string, body?: unknown, token = TOKEN) {
  const res = await fetch(`${srv.baseUrl}/${VERSION}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Runs `fn` and returns the CloudApiError it throws (fails the test if it resolves or throws anything else). */
async function cloudError(fn: () => Promise<unknown>): Promise<CloudApiError> {
  const error = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudApiError);
  return error as CloudApiError;
}

interface ParsedDelivery {
  raw: Buffer;
  signature: string | undefined;
  json: any;
}
const deliveries = (): ParsedDelivery[] =>
  srv.receiver.posts.map((p) => ({ raw: p.raw, signature: p.signature, json: JSON.parse(p.raw.toString()) }));

/** Every status the receiver got (raw JSON, as received), in arrival order. */
const receivedStatuses = (): Array<Record<string, any>> =>
  deliveries().flatMap((d) =>
    d.json.entry.flatMap((e: any) => e.changes.flatMap((c: any) => c.value?.statuses ?? [])),
  );
const statusesOf = (wamid: string) => receivedStatuses().filter((s) => s.id === wamid);

/**
 * Waits for the emulator to go idle, then checks every POST received so far: the signature verifies
 * with the app secret (and not with another), the body parses with webhookEnvelopeSchema without the
 * `other`/`unrecognized` fallbacks, and messages/statuses also parse with the strict schemas.
 * Returns the sorted set of `field`s seen.
 */
async function checkEveryDelivery(): Promise<string[]> {
  await srv.emulator.settle();
  const all = deliveries();
  expect(all.length).toBeGreaterThan(0);
  const fields = new Set<string>();
  for (const d of all) {
    expect(verifyWebhookSignature(d.raw, d.signature, srv.appSecret)).toBe(true);
    expect(verifyWebhookSignature(d.raw, d.signature, 'another-secret')).toBe(false);
    const envelope = webhookEnvelopeSchema.parse(d.json);
    expect(envelope.entry.map((e) => e.id)).toEqual([WABA]);
    for (const change of envelope.entry.flatMap((e) => e.changes)) {
      fields.add(change.field);
      expect(change.field).not.toBe('other');
      if (change.field !== 'messages') continue;
      expect(change.value.metadata.phone_number_id).toBe(PHONE);
      for (const m of change.value.messages ?? []) expect(m.type).not.toBe('unrecognized');
    }
    for (const raw of d.json.entry.flatMap((e: any) => e.changes)) {
      for (const m of raw.value.messages ?? []) knownInboundMessageSchema.parse(m);
      for (const st of raw.value.statuses ?? []) messageStatusSchema.parse(st);
    }
  }
  return [...fields].sort();
}

const MEDIA_FIXTURES = {
  image: {
    mimeType: 'image/png',
    filename: 'photo.png',
    data: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  },
  video: {
    mimeType: 'video/mp4',
    filename: 'clip.mp4',
    data: Buffer.from('000000186674797069736f6d', 'hex'),
  },
  audio: {
    mimeType: 'audio/ogg',
    filename: 'voice.ogg',
    data: Buffer.from('OggS\u0000\u0002fake-opus', 'latin1'),
  },
  document: { mimeType: 'application/pdf', filename: 'invoice.pdf', data: Buffer.from('%PDF-1.4\n%fake\n') },
  sticker: {
    mimeType: 'image/webp',
    filename: 'sticker.webp',
    data: Buffer.from('RIFF\u0010\u0000\u0000\u0000WEBPVP8 ', 'latin1'),
  },
} as const;
type MediaKind = keyof typeof MEDIA_FIXTURES;

const SIGN_UP_FLOW = {
  version: '7.1',
  screens: [
    {
      id: 'SIGN_UP',
      title: 'Sign up',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'email', label: 'Email', 'input-type': 'email' },
          {
            type: 'Footer',
            label: 'Submit',
            'on-click-action': { name: 'complete', payload: { email: '${form.email}' } },
          },
        ],
      },
    },
  ],
};

const ORDER_TEMPLATE: TemplateDefinitionInput = {
  name: 'order_shipped',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}} shipped', example: { header_text: ['A-42'] } },
    {
      type: 'BODY',
      text: 'Hi {{1}}, your order {{2}} is on its way.',
      example: { body_text: [['Ana', 'A-42']] },
    },
    { type: 'FOOTER', text: 'Thanks for shopping with us' },
    {
      type: 'BUTTONS',
      buttons: [
        {
          type: 'URL',
          text: 'Track order',
          url: 'https://example.com/track/{{1}}',
          example: ['https://example.com/track/A-42'],
        },
      ],
    },
  ],
};

const orderTemplateSend = (to: string, name = 'order_shipped'): SendMessagePayloadInput => ({
  messaging_product: 'whatsapp',
  to,
  type: 'template',
  template: {
    name,
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'text', text: 'A-1001' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Ana' },
          { type: 'text', text: 'A-1001' },
        ],
      },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A-1001' }] },
    ],
  },
});

/** Polls listTemplates (bounded) until the template has left review; returns its final status. */
async function reviewedStatus(name: string): Promise<string | undefined> {
  for (let i = 0; i < 50; i++) {
    await srv.emulator.settle();
    const page = await client.listTemplates(WABA, { name, fields: ['name', 'status'] });
    const status = page.data.find((t) => t.name === name)?.status;
    if (status !== 'PENDING') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
  return 'PENDING';
}

// ---------- 1. every outbound type ----------

interface Fixtures {
  inboundWamid: string;
  mediaIds: Record<MediaKind, string>;
  flowId: string;
}
const fx = {} as Fixtures;
/** label → wamid of every send the emulator accepted in block 1. */
const accepted = new Map<string, string>();

const base = { messaging_product: 'whatsapp', to: ALICE } as const;
const SEND_ROWS: Array<[string, (f: Fixtures) => SendMessagePayloadInput]> = [
  [
    'text with preview_url',
    () => ({ ...base, type: 'text', text: { body: 'See https://example.com/order', preview_url: true } }),
  ],
  [
    'image by link',
    () => ({ ...base, type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'Your receipt' } }),
  ],
  ['image by id', (f) => ({ ...base, type: 'image', image: { id: f.mediaIds.image } })],
  ['video by link', () => ({ ...base, type: 'video', video: { link: 'https://example.com/a.mp4' } })],
  ['video by id', (f) => ({ ...base, type: 'video', video: { id: f.mediaIds.video, caption: 'Unboxing' } })],
  ['audio by link', () => ({ ...base, type: 'audio', audio: { link: 'https://example.com/a.ogg' } })],
  ['audio by id', (f) => ({ ...base, type: 'audio', audio: { id: f.mediaIds.audio } })],
  [
    'document by link',
    () => ({ ...base, type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'a.pdf' } }),
  ],
  [
    'document by id',
    (f) => ({ ...base, type: 'document', document: { id: f.mediaIds.document, filename: 'invoice.pdf' } }),
  ],
  ['sticker by link', () => ({ ...base, type: 'sticker', sticker: { link: 'https://example.com/s.webp' } })],
  ['sticker by id', (f) => ({ ...base, type: 'sticker', sticker: { id: f.mediaIds.sticker } })],
  [
    'location',
    () => ({
      ...base,
      type: 'location',
      location: { latitude: 38.7223, longitude: -9.1393, name: 'Shop', address: 'Rua Augusta 1, Lisboa' },
    }),
  ],
  [
    'contacts',
    () => ({
      ...base,
      type: 'contacts',
      contacts: [
        {
          name: { formatted_name: 'Ana Silva', first_name: 'Ana' },
          phones: [{ phone: '+15550009999', type: 'WORK' }],
        },
      ],
    }),
  ],
  [
    'reaction to the inbound message',
    (f) => ({ ...base, type: 'reaction', reaction: { message_id: f.inboundWamid, emoji: '👍' } }),
  ],
  [
    'text reply with context',
    (f) => ({
      ...base,
      type: 'text',
      context: { message_id: f.inboundWamid },
      text: { body: 'Replying to you' },
    }),
  ],
  [
    'interactive button',
    () => ({
      ...base,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Delivery' },
        body: { text: 'Is tomorrow OK?' },
        footer: { text: 'Reply below' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
            { type: 'reply', reply: { id: 'later', title: 'Ask me later' } },
          ],
        },
      },
    }),
  ],
  [
    'interactive list',
    () => ({
      ...base,
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Menu' },
        body: { text: 'Pick a slot' },
        action: {
          button: 'Slots',
          sections: [
            { title: 'Morning', rows: [{ id: 'm9', title: '9:00', description: 'Early bird' }] },
            {
              title: 'Afternoon',
              rows: [
                { id: 'a2', title: '14:00' },
                { id: 'a4', title: '16:00' },
              ],
            },
          ],
        },
      },
    }),
  ],
  [
    'interactive cta_url',
    () => ({
      ...base,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        header: { type: 'image', image: { link: 'https://example.com/banner.png' } },
        body: { text: 'Track your order online' },
        action: {
          name: 'cta_url',
          parameters: { display_text: 'Track', url: 'https://example.com/track?o=1' },
        },
      },
    }),
  ],
  [
    'interactive flow (published via the client)',
    (f) => ({
      ...base,
      type: 'interactive',
      interactive: {
        type: 'flow',
        body: { text: 'Create your account' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_token: 'signup-token-1',
            flow_id: f.flowId,
            flow_cta: 'Sign up',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'SIGN_UP' },
          },
        },
      },
    }),
  ],
  [
    'interactive location_request_message',
    () => ({
      ...base,
      type: 'interactive',
      interactive: {
        type: 'location_request_message',
        body: { text: 'Where should we deliver?' },
        action: { name: 'send_location' },
      },
    }),
  ],
  ['template with header/body/button parameters', () => orderTemplateSend(ALICE)],
];

describe('1. sendMessage for every outbound type', () => {
  beforeAll(async () => {
    fx.inboundWamid = await customerWrites(ALICE, 'Hi, where is my order?');

    const ids = {} as Record<MediaKind, string>;
    for (const [kind, media] of Object.entries(MEDIA_FIXTURES) as Array<
      [MediaKind, (typeof MEDIA_FIXTURES)[MediaKind]]
    >) {
      ids[kind] = (await client.uploadMedia(PHONE, media)).id;
    }
    fx.mediaIds = ids;

    const flow = await client.createFlow(WABA, { name: 'signup', categories: ['SIGN_UP'] });
    const asset = await client.uploadFlowJson(flow.id, SIGN_UP_FLOW);
    expect(asset).toEqual({ success: true, validation_errors: [] });
    expect(await client.publishFlow(flow.id)).toEqual({ success: true });
    expect((await client.getFlow(flow.id)).status).toBe('PUBLISHED');
    fx.flowId = flow.id;

    const created = await client.createTemplate(WABA, ORDER_TEMPLATE);
    expect(created).toMatchObject({ id: expect.any(String), category: 'UTILITY' });
    // Default review policy: approve (immediately with delay 0). Either way, wait until reviewed.
    expect(await reviewedStatus('order_shipped')).toBe('APPROVED');
  });

  it.each(SEND_ROWS)('%s → accepted with a wamid', async (label, build) => {
    const payload = build(fx);
    const res = await client.sendMessage(PHONE, payload);
    expect(res).toMatchObject({
      messaging_product: 'whatsapp',
      contacts: [{ input: ALICE, wa_id: ALICE }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    expect(res.messages).toHaveLength(1);
    if (payload.type === 'template') expect(res.messages[0]!.message_status).toBe('accepted');
    else expect(res.messages[0]!.message_status).toBeUndefined();
    accepted.set(label, res.messages[0]!.id);
  });

  it('gives every send its own wamid', () => {
    expect(accepted.size).toBe(SEND_ROWS.length);
    expect(new Set(accepted.values()).size).toBe(SEND_ROWS.length);
  });

  it('marks the inbound message read and shows a typing indicator', async () => {
    expect(await client.markAsRead(PHONE, fx.inboundWamid)).toEqual({ success: true });
    expect(await client.sendTypingIndicator(PHONE, fx.inboundWamid)).toEqual({ success: true });
    const alice = await srv.control('GET', `/customers/${ALICE}/messages`);
    const inbound = alice.body.data.find((m: any) => m.id === fx.inboundWamid);
    expect(inbound.status).toBe('read');
    // mark-as-read on a wamid the number never received → 100 (README "Choices")
    const unknown = await cloudError(() => client.markAsRead(PHONE, 'wamid.doesnotexist'));
    expect(unknown.code).toBe(100);
  });
});

// ---------- 2. over-limit payloads: client schema and emulator agree ----------

const OVER_LIMIT: Array<[string, Record<string, unknown>]> = [
  [
    '4 reply buttons',
    {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick' },
        action: { buttons: ['a', 'b', 'c', 'd'].map((id) => ({ type: 'reply', reply: { id, title: id } })) },
      },
    },
  ],
  [
    '21-char button title',
    {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 't'.repeat(21) } }] },
      },
    },
  ],
  ['4097-char text', { type: 'text', text: { body: 'x'.repeat(4097) } }],
  [
    '1025-char image caption',
    { type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'c'.repeat(1025) } },
  ],
  [
    '11 list rows',
    {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pick' },
        action: {
          button: 'Open',
          sections: [
            {
              title: 'All',
              rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })),
            },
          ],
        },
      },
    },
  ],
  [
    '25-char list row title',
    {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pick' },
        action: { button: 'Open', sections: [{ rows: [{ id: 'r', title: 'r'.repeat(25) }] }] },
      },
    },
  ],
  [
    '21-char cta_url display text',
    {
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'Go' },
        action: { name: 'cta_url', parameters: { display_text: 'd'.repeat(21), url: 'https://example.com' } },
      },
    },
  ],
  [
    '61-char interactive header',
    {
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'h'.repeat(61) },
        body: { text: 'Pick' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
      },
    },
  ],
];

/** More invalid payloads, with the code the emulator documents: 131009 invalid value, 131008 missing, 132018 template param. */
const OTHER_INVALID: Array<[string, Record<string, unknown>, number]> = [
  [
    '0 reply buttons',
    { type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [] } } },
    131009,
  ],
  [
    'duplicate reply button ids',
    {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'b' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'a', title: 'A' } },
            { type: 'reply', reply: { id: 'a', title: 'B' } },
          ],
        },
      },
    },
    131009,
  ],
  [
    '73-char list row description',
    {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'b' },
        action: { button: 'B', sections: [{ rows: [{ id: 'r', title: 'r', description: 'd'.repeat(73) }] }] },
      },
    },
    131009,
  ],
  [
    'two list sections, one untitled',
    {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'b' },
        action: {
          button: 'B',
          sections: [{ rows: [{ id: 'r', title: 'r' }] }, { title: 'B', rows: [{ id: 'q', title: 'q' }] }],
        },
      },
    },
    131008,
  ],
  [
    'flow_cta with an emoji',
    {
      type: 'interactive',
      interactive: {
        type: 'flow',
        body: { text: 'b' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_id: '1',
            flow_cta: 'Book 📅',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'A' },
          },
        },
      },
    },
    131009,
  ],
  [
    'header on a location request',
    {
      type: 'interactive',
      interactive: {
        type: 'location_request_message',
        header: { type: 'text', text: 'h' },
        body: { text: 'b' },
        action: { name: 'send_location' },
      },
    },
    131009,
  ],
  [
    'reaction with two emoji',
    { type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍👍' } },
    131009,
  ],
  ['latitude 91', { type: 'location', location: { latitude: 91, longitude: 0 } }, 131009],
  [
    '258 contact cards',
    { type: 'contacts', contacts: Array.from({ length: 258 }, () => ({ name: { formatted_name: 'a' } })) },
    131009,
  ],
  [
    'contact without formatted_name',
    { type: 'contacts', contacts: [{ name: { first_name: 'Ana' } }] },
    131008,
  ],
  [
    '513-char biz_opaque_callback_data',
    { type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'o'.repeat(513) },
    131009,
  ],
  ['empty text body', { type: 'text', text: { body: '' } }, 131008],
  ['"to" that is not a phone number', { type: 'text', text: { body: 'x' }, to: 'not-a-number' }, 131009],
  [
    'image with both id and link',
    { type: 'image', image: { id: '123', link: 'https://example.com/a.jpg' } },
    131009,
  ],
  ['unknown message type', { type: 'poll', poll: {} }, 131051],
  [
    'template text parameter with a new line',
    {
      type: 'template',
      template: {
        name: 'order_shipped',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'A-1' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: 'line\nbreak' },
            ],
          },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A-1' }] },
        ],
      },
    },
    132018,
  ],
];

describe('2. over-limit payloads are refused by the client schema and by the emulator', () => {
  const rows: Array<[string, Record<string, unknown>, number]> = [
    ...OVER_LIMIT.map(([label, content]): [string, Record<string, unknown>, number] => [
      label,
      content,
      131009,
    ]),
    ...OTHER_INVALID,
  ];
  it.each(rows)('%s', async (_label, content, code) => {
    const payload = { messaging_product: 'whatsapp', to: ALICE, ...content };
    let requests = 0;
    const spied = createCloudApiClient({
      baseUrl: srv.baseUrl,
      apiVersion: VERSION,
      accessToken: TOKEN,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    await expect(spied.sendMessage(PHONE, payload as SendMessagePayloadInput)).rejects.toBeInstanceOf(
      CloudApiValidationError,
    );
    expect(requests).toBe(0);

    // README "Sends": missing → 131008, invalid value/length/count → 131009, unknown type → 131051
    const raw = await rawGraph('POST', `${PHONE}/messages`, payload);
    expect(raw.status).toBe(400);
    expect(raw.body.error).toMatchObject({ code, type: 'OAuthException' });
    expect(raw.body.error.message).toMatch(new RegExp(`^\\(#${code}\\) `));
    // and the same answer through the client's error mapping (schema bypassed by a raw client call)
    const mapped = CloudApiError.fromResponse(raw.status, raw.body);
    expect(mapped).toMatchObject({ code, httpStatus: 400 });
  });
});

describe('2b. divergences both READMEs document', () => {
  it('a 1025–4096-char list body: the client refuses it (1024), the emulator accepts it (§11.7)', async () => {
    const payload: SendMessagePayloadInput = {
      messaging_product: 'whatsapp',
      to: ALICE,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'b'.repeat(2000) },
        action: { button: 'Open', sections: [{ rows: [{ id: 'r', title: 'Row' }] }] },
      },
    };
    await expect(client.sendMessage(PHONE, payload)).rejects.toBeInstanceOf(CloudApiValidationError);
    const raw = await rawGraph('POST', `${PHONE}/messages`, payload);
    expect(raw.status).toBe(200);
    accepted.set('list with a 2000-char body (raw)', raw.body.messages[0].id);
  });

  it('group sends: the client schema allows recipient_type "group", the emulator answers 131009', async () => {
    const error = await cloudError(() =>
      client.sendMessage(PHONE, {
        messaging_product: 'whatsapp',
        recipient_type: 'group',
        to: 'group-id-123',
        type: 'text',
        text: { body: 'hello group' },
      }),
    );
    expect(error).toMatchObject({ code: 131009, httpStatus: 400 });
  });

  it.each([
    [
      'an unknown top-level key',
      { messaging_product: 'whatsapp', to: ALICE, type: 'text', text: { body: 'x' }, foo: 1 },
    ],
    [
      'an unknown key in text',
      { messaging_product: 'whatsapp', to: ALICE, type: 'text', text: { body: 'x', foo: 1 } },
    ],
    [
      'a caption on audio (§2.3: none)',
      {
        messaging_product: 'whatsapp',
        to: ALICE,
        type: 'audio',
        audio: { link: 'https://e.com/a.ogg', caption: 'x' },
      },
    ],
    [
      'a caption on a sticker',
      {
        messaging_product: 'whatsapp',
        to: ALICE,
        type: 'sticker',
        sticker: { link: 'https://e.com/s.webp', caption: 'x' },
      },
    ],
  ])('the emulator refuses %s with 100, as the client does before sending', async (_name, payload) => {
    await expect(client.sendMessage(PHONE, payload as SendMessagePayloadInput)).rejects.toBeInstanceOf(
      CloudApiValidationError,
    );
    const raw = await rawGraph('POST', `${PHONE}/messages`, payload);
    expect(raw.status).toBe(400);
    expect(raw.body.error.code).toBe(100);
  });
});

// ---------- 3. webhooks ----------

describe('3. webhooks: signed, schema-valid, sent → delivered → read', () => {
  it('ran the GET verification handshake before the first POST', async () => {
    await srv.emulator.settle();
    expect(srv.receiver.handshakes.length).toBeGreaterThanOrEqual(1);
    expect(srv.receiver.handshakes[0]!.answered).toBe(200);
    expect(srv.receiver.handshakes[0]!.query.get('hub.mode')).toBe('subscribe');
    expect(srv.receiver.arrivals[0]).toBe('GET');
  });

  it('signs every delivered body and every body parses with the known schemas', async () => {
    const fields = await checkEveryDelivery();
    // the inbound message and statuses, the flow publish, the template approval — nothing unknown
    expect(fields).toEqual(['flows', 'message_template_status_update', 'messages']);
  });

  it('delivered the customer message as an inbound `messages` webhook', () => {
    const inbound = deliveries()
      .flatMap((d) => d.json.entry.flatMap((e: any) => e.changes))
      .flatMap((c: any) => (c.value.messages ?? []).map((m: any) => ({ m, contacts: c.value.contacts })));
    const first = inbound.find((x) => x.m.id === fx.inboundWamid);
    expect(first?.m).toMatchObject({ from: ALICE, type: 'text', text: { body: 'Hi, where is my order?' } });
    expect(first?.contacts).toEqual([{ profile: { name: 'Customer 01' }, wa_id: ALICE }]);
  });

  it('sent then delivered, with pricing, for every accepted wamid (reactions: sent only)', async () => {
    await srv.emulator.settle();
    for (const [label, wamid] of accepted) {
      const statuses = statusesOf(wamid);
      const names = statuses.map((s) => s.status);
      if (label.startsWith('reaction')) {
        expect(names, label).toEqual(['sent']); // reference §2.6
        continue;
      }
      expect(names, label).toEqual(['sent', 'delivered']);
      for (const s of statuses) {
        expect(s.recipient_id, label).toBe(ALICE);
        expect(s.pricing, label).toMatchObject({ pricing_model: 'PMP', category: expect.any(String) });
        expect(s.errors, label).toBeUndefined();
      }
      expect(Number(statuses[1]!.timestamp)).toBeGreaterThanOrEqual(Number(statuses[0]!.timestamp));
    }
    // a template answering inside the window is a utility message, free in the service window (§9.2)
    const template = statusesOf(accepted.get('template with header/body/button parameters')!)[0]!;
    expect(template.pricing).toMatchObject({ category: 'utility', type: 'free_customer_service' });
  });

  it("turns the customer's read into `read` statuses", async () => {
    const res = await srv.control('POST', `/customers/${ALICE}/read`);
    expect(res.status).toBe(200);
    const nonReaction = [...accepted].filter(([label]) => !label.startsWith('reaction')).map(([, id]) => id);
    expect([...res.body.read].sort()).toEqual([...nonReaction].sort());
    await srv.emulator.settle();
    for (const wamid of nonReaction) {
      expect(statusesOf(wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
      expect(statusesOf(wamid).at(-1)!.pricing).toBeDefined();
    }
  });
});

// ---------- 4. failures ----------

describe('4. async failures and sync errors through the client', () => {
  it('accepts a text after the 24 h window closed, then reports it failed with 131047', async () => {
    await customerWrites(BRUNO);
    const advanced = await srv.control('POST', '/clock', { advance_seconds: 90_000 });
    expect(advanced.status).toBe(200);
    const res = await client.sendMessage(PHONE, {
      messaging_product: 'whatsapp',
      to: BRUNO,
      type: 'text',
      text: { body: 'Are you still there?' },
    });
    const wamid = res.messages[0]!.id;
    expect(wamid).toMatch(/^wamid\./);
    await srv.emulator.settle();
    const statuses = statusesOf(wamid);
    expect(statuses.map((s) => s.status)).toEqual(['failed']);
    expect(statuses[0]!.errors).toMatchObject([{ code: 131047, title: expect.any(String) }]);
    expect(statuses[0]!.pricing).toBeUndefined();
    expect(statuses[0]!.conversation).toBeUndefined();
  });

  it('accepts a template to a number not on WhatsApp, then reports it failed with 131026', async () => {
    expect((await srv.control('PATCH', `/customers/${CARLA}`, { on_whatsapp: false })).status).toBe(200);
    const res = await client.sendMessage(PHONE, orderTemplateSend(CARLA));
    expect(res.contacts).toEqual([{ input: CARLA, wa_id: CARLA }]);
    const wamid = res.messages[0]!.id;
    await srv.emulator.settle();
    const statuses = statusesOf(wamid);
    expect(statuses.map((s) => s.status)).toEqual(['failed']);
    expect(statuses[0]!.errors).toMatchObject([{ code: 131026 }]);
  });

  it('maps a bad token to CloudApiError 190 (HTTP 401)', async () => {
    const bad = createCloudApiClient({
      baseUrl: srv.baseUrl,
      apiVersion: VERSION,
      accessToken: 'EAAnotarealtoken',
    });
    const error = await cloudError(() =>
      bad.sendMessage(PHONE, { messaging_product: 'whatsapp', to: ALICE, type: 'text', text: { body: 'x' } }),
    );
    expect(error).toMatchObject({ code: 190, httpStatus: 401, type: 'OAuthException' });
    expect((await cloudError(() => bad.getPhoneNumber(PHONE))).code).toBe(190);
  });

  it('maps an unknown phone number id to CloudApiError 100 (HTTP 400, subcode 33)', async () => {
    const error = await cloudError(() =>
      client.sendMessage('100000000000001', {
        messaging_product: 'whatsapp',
        to: ALICE,
        type: 'text',
        text: { body: 'x' },
      }),
    );
    expect(error).toMatchObject({ code: 100, httpStatus: 400, subcode: 33 });
  });

  it('maps a burst over the throughput limit to CloudApiError 130429 (HTTP 429)', async () => {
    await customerWrites(DIEGO);
    expect((await srv.control('PATCH', '/config', { throughput_mps: 1 })).status).toBe(200);
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          client.sendMessage(PHONE, {
            messaging_product: 'whatsapp',
            to: DIEGO,
            type: 'text',
            text: { body: `burst ${i}` },
          }),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(ok.length).toBeGreaterThanOrEqual(1);
      expect(rejected.length).toBeGreaterThanOrEqual(1);
      for (const e of rejected) {
        expect(e).toBeInstanceOf(CloudApiError);
        expect(e).toMatchObject({ code: 130429, httpStatus: 429 });
      }
    } finally {
      expect((await srv.control('PATCH', '/config', { throughput_mps: 80 })).status).toBe(200);
    }
    // Restoring the limit keeps the spent tokens (README: token bucket); a second later the number sends again.
    expect((await srv.control('POST', '/clock', { advance_seconds: 1 })).status).toBe(200);
    await customerWrites(DIEGO);
    const after = await client.sendMessage(PHONE, {
      messaging_product: 'whatsapp',
      to: DIEGO,
      type: 'text',
      text: { body: 'back to normal' },
    });
    expect(after.messages[0]!.id).toMatch(/^wamid\./);
  });

  it('maps an unknown template to a synchronous CloudApiError 132001 (HTTP 404)', async () => {
    const error = await cloudError(() =>
      client.sendMessage(PHONE, orderTemplateSend(DIEGO, 'no_such_template')),
    );
    expect(error).toMatchObject({ code: 132001, httpStatus: 404 });
    expect(error.details).toBe('template name (no_such_template) does not exist in en_US');
  });

  it('answers 132001 for a template still in review, and sends it once approved', async () => {
    expect((await srv.control('PATCH', '/config', { template_review: { mode: 'pending' } })).status).toBe(
      200,
    );
    try {
      const created = await client.createTemplate(WABA, { ...ORDER_TEMPLATE, name: 'order_in_review' });
      expect(created.status).toBe('PENDING');
      const pending = await cloudError(() =>
        client.sendMessage(PHONE, orderTemplateSend(DIEGO, 'order_in_review')),
      );
      expect(pending).toMatchObject({ code: 132001, httpStatus: 404 });
      const reviewed = await srv.control('PATCH', `/templates/${created.id}`, { status: 'APPROVED' });
      expect(reviewed.status).toBe(200);
      expect((await client.getTemplate(created.id, ['status'])).status).toBe('APPROVED');
      const sent = await client.sendMessage(PHONE, orderTemplateSend(DIEGO, 'order_in_review'));
      expect(sent.messages[0]).toMatchObject({
        id: expect.stringMatching(/^wamid\./),
        message_status: 'accepted',
      });
      await srv.emulator.settle();
      const updates = deliveries()
        .flatMap((d) => d.json.entry.flatMap((e: any) => e.changes))
        .filter((c: any) => c.field === 'message_template_status_update')
        .map((c: any) => c.value);
      expect(updates).toContainEqual(
        expect.objectContaining({ event: 'APPROVED', message_template_name: 'order_in_review' }),
      );
    } finally {
      await srv.control('PATCH', '/config', { template_review: { mode: 'approve' } });
    }
  });
});

// ---------- 5. media ----------

describe('5. media round trip', () => {
  it('uploads, describes, downloads the same bytes, deletes', async () => {
    const bytes = Buffer.concat([MEDIA_FIXTURES.image.data, Buffer.from('round-trip payload')]);
    const { id } = await client.uploadMedia(PHONE, {
      data: bytes,
      mimeType: 'image/png',
      filename: 'rt.png',
    });
    expect(id).toMatch(/^\d+$/);

    const info = await client.getMedia(id);
    expect(info).toMatchObject({
      messaging_product: 'whatsapp',
      id,
      mime_type: 'image/png',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      file_size: bytes.length,
    });
    expect(new URL(info.url).origin).toBe(srv.baseUrl);

    const download = await client.downloadMedia(info.url);
    expect(download.mimeType).toBe('image/png');
    expect(download.data.equals(bytes)).toBe(true);

    // without the token the download URL is refused like any Graph route
    expect((await fetch(info.url)).status).toBe(400);

    expect(await client.deleteMedia(id)).toEqual({ success: true });
    const gone = await cloudError(() => client.getMedia(id));
    expect(gone).toMatchObject({ code: 100, httpStatus: 400 });
  });

  it('refuses a file type WhatsApp does not support with 131053', async () => {
    const error = await cloudError(() =>
      client.uploadMedia(PHONE, { data: Buffer.from('GIF89a'), mimeType: 'image/gif', filename: 'a.gif' }),
    );
    expect(error.code).toBe(131053);
  });
});

// ---------- 6. templates ----------

describe('6. templates: create, page through, delete, refuse', () => {
  const NAMES = Array.from({ length: 12 }, (_, i) => `catalogue_item_${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    for (const name of NAMES) {
      const created = await client.createTemplate(WABA, {
        name,
        language: 'en_US',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: `Item ${name.slice(-2)} is back in stock for you.` }],
      });
      expect(created.status).toBe('APPROVED');
    }
  });

  it('lists one page at a time and iterates every page', async () => {
    const first = await client.listTemplates(WABA, { name: 'catalogue_item_', limit: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.paging?.next).toBeDefined();
    expect(first.paging?.cursors?.after).toBeDefined();

    let requests = 0;
    const counting = createCloudApiClient({
      baseUrl: srv.baseUrl,
      apiVersion: VERSION,
      accessToken: TOKEN,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const names: string[] = [];
    for await (const t of counting.iterateTemplates(WABA, { name: 'catalogue_item_', limit: 5 })) {
      names.push(t.name!);
    }
    expect(names.sort()).toEqual(NAMES);
    expect(requests).toBe(3);
  });

  it('reports the total with summary', async () => {
    const page = await client.listTemplates(WABA, {
      name: 'catalogue_item_',
      limit: 1,
      summary: ['total_count'],
    });
    expect(page.summary?.total_count).toBe(NAMES.length);
  });

  it('deletes a template by name (then it is gone, and deleting again is 100/2593002)', async () => {
    expect(await client.deleteTemplate(WABA, { name: 'catalogue_item_00' })).toEqual({ success: true });
    const names: string[] = [];
    for await (const t of client.iterateTemplates(WABA, { name: 'catalogue_item_', limit: 5 }))
      names.push(t.name!);
    expect(names).toHaveLength(NAMES.length - 1);
    expect(names).not.toContain('catalogue_item_00');
    const again = await cloudError(() => client.deleteTemplate(WABA, { name: 'catalogue_item_00' }));
    expect(again).toMatchObject({ code: 100, subcode: 2593002 });
  });

  it('refuses a duplicate name+language with 100/2388024', async () => {
    const error = await cloudError(() => client.createTemplate(WABA, ORDER_TEMPLATE));
    expect(error).toMatchObject({ code: 100, subcode: 2388024, httpStatus: 400 });
  });

  it('refuses an over-long body in the client and, sent raw, in the emulator with 100/2388040', async () => {
    const tooLong: TemplateDefinitionInput = {
      name: 'too_long_body',
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'b'.repeat(1025) }],
    };
    await expect(client.createTemplate(WABA, tooLong)).rejects.toBeInstanceOf(CloudApiValidationError);
    const raw = await rawGraph('POST', `${WABA}/message_templates`, tooLong);
    expect(raw.status).toBe(400);
    expect(raw.body.error).toMatchObject({ code: 100, error_subcode: 2388040 });
  });
});

// ---------- 7. account and OAuth ----------

describe('7. account and OAuth', () => {
  it('reads the phone number and lists the WABA numbers', async () => {
    const phone = await client.getPhoneNumber(PHONE);
    expect(phone).toMatchObject({
      id: PHONE,
      display_phone_number: expect.any(String),
      verified_name: 'ChatSyncs Sandbox',
      quality_rating: 'GREEN',
      code_verification_status: 'VERIFIED',
    });
    const list = await client.listPhoneNumbers(WABA);
    expect(list.data.map((p) => p.id)).toEqual([PHONE]);
    expect(list.data[0]).toMatchObject({ display_phone_number: phone.display_phone_number });
  });

  it('registers with the right PIN and refuses a wrong one with 133005', async () => {
    expect(await client.registerPhoneNumber(PHONE, '123456')).toEqual({ success: true });
    expect(await client.registerPhoneNumber(PHONE, '123456')).toEqual({ success: true });
    const wrong = await cloudError(() => client.registerPhoneNumber(PHONE, '654321'));
    expect(wrong).toMatchObject({ code: 133005, httpStatus: 400 });
    await expect(client.registerPhoneNumber(PHONE, '12ab')).rejects.toBeInstanceOf(CloudApiValidationError);
  });

  it('subscribes the app to the WABA and lists the subscription', async () => {
    expect(await client.subscribeApp(WABA)).toEqual({ success: true });
    const apps = await client.listSubscribedApps(WABA);
    expect(apps.data).toHaveLength(1);
    expect(apps.data[0]!.whatsapp_business_api_data).toMatchObject({ id: expect.any(String) });
    expect(apps.data[0]!.override_callback_uri).toBeUndefined();

    const override = `${srv.receiver.url}?alt=1`;
    expect(
      await client.subscribeApp(WABA, { overrideCallbackUri: override, verifyToken: srv.verifyToken }),
    ).toEqual({
      success: true,
    });
    expect((await client.listSubscribedApps(WABA)).data[0]!.override_callback_uri).toBe(override);
  });

  it('exchanges an Embedded Signup code for a token that sends and debugs as valid', async () => {
    const app = await srv.control('GET', '/oauth/app');
    const codeRes = await srv.control('POST', '/oauth/codes', {});
    expect(codeRes.status).toBe(201);
    expect(codeRes.body).toMatchObject({ waba_id: WABA, phone_number_id: PHONE });
    const anonymous = createCloudApiClient({ baseUrl: srv.baseUrl, apiVersion: VERSION });
    const params = { clientId: app.body.app_id, clientSecret: app.body.app_secret, code: codeRes.body.code };
    const exchanged = await anonymous.exchangeCode(params);
    expect(exchanged.access_token).toMatch(/^EAA/);

    // the code is single-use
    expect(await cloudError(() => anonymous.exchangeCode(params))).toMatchObject({
      code: 100,
      subcode: 36009,
    });
    // a wrong client secret is refused
    const badSecret = await cloudError(() =>
      anonymous.exchangeCode({ ...params, clientSecret: 'nope', code: 'whatever' }),
    );
    expect(badSecret.code).toBe(100);

    await customerWrites(ELENA);
    const business = createCloudApiClient({
      baseUrl: srv.baseUrl,
      apiVersion: VERSION,
      accessToken: exchanged.access_token,
    });
    const sent = await business.sendMessage(PHONE, {
      messaging_product: 'whatsapp',
      to: ELENA,
      type: 'text',
      text: { body: 'Sent with the exchanged token' },
    });
    expect(sent.messages[0]!.id).toMatch(/^wamid\./);

    const appTokenRes = await fetch(
      `${srv.baseUrl}/${VERSION}/oauth/access_token?${new URLSearchParams({
        client_id: app.body.app_id,
        client_secret: app.body.app_secret,
        grant_type: 'client_credentials',
      })}`,
    );
    const appToken = ((await appTokenRes.json()) as { access_token: string }).access_token;
    const debug = await client.debugToken(exchanged.access_token, appToken);
    expect(debug.data).toMatchObject({
      is_valid: true,
      app_id: app.body.app_id,
      type: 'SYSTEM_USER',
      expires_at: 0,
    });
    expect([...(debug.data.scopes ?? [])].sort()).toEqual([
      'whatsapp_business_management',
      'whatsapp_business_messaging',
    ]);
    expect(debug.data.granular_scopes).toEqual(
      expect.arrayContaining([{ scope: 'whatsapp_business_messaging', target_ids: [WABA] }]),
    );
    const unknown = await client.debugToken('EAAnotarealtoken', appToken);
    expect(unknown.data.is_valid).toBe(false);
  });
});

// ---------- 8. the whole run ----------

describe('8. every webhook of the run', () => {
  it('is signed and schema-valid, failed statuses and template deletions included', async () => {
    const fields = await checkEveryDelivery();
    expect(fields).toEqual(['flows', 'message_template_status_update', 'messages']);
    const failed = receivedStatuses().filter((st) => st.status === 'failed');
    expect(failed.map((st) => st.errors[0].code).sort()).toEqual([131026, 131047]);
    const templateEvents = deliveries()
      .flatMap((d) => d.json.entry.flatMap((e: any) => e.changes))
      .filter((c: any) => c.field === 'message_template_status_update')
      .map((c: any) => `${c.value.message_template_name}:${c.value.event}`);
    expect(templateEvents).toContain('catalogue_item_00:DELETED');
    // every POST is JSON (the signature was checked above)
    for (const post of srv.receiver.posts) expect(post.headers['content-type']).toMatch(/^application\/json/);
  });
});
