import { describe, expect, it } from 'vitest';
import { sendMessagePayloadSchema } from './message';
import { markAsReadPayloadSchema, typingIndicatorPayloadSchema } from './read-receipt';

const envelope = { messaging_product: 'whatsapp', to: '15551234567' } as const;
const send = (payload: Record<string, unknown>) =>
  sendMessagePayloadSchema.safeParse({ ...envelope, ...payload });
/** The issue paths and messages of a failed parse, to assert *why* it failed. */
const problems = (payload: Record<string, unknown>) => {
  const result = send(payload);
  expect(result.success, 'expected the payload to be rejected').toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('text, media, location, contacts, reaction (reference §2.2–2.7)', () => {
  it('accepts the reference samples', () => {
    const samples = [
      { type: 'text', text: { preview_url: true, body: 'Hi https://example.com' } },
      { type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'Look' } },
      { type: 'video', video: { id: '1037543291543636' } },
      { type: 'audio', audio: { id: '1037543291543636' } },
      {
        type: 'document',
        document: { link: 'https://example.com/a.pdf', filename: 'invoice.pdf', caption: 'x' },
      },
      { type: 'sticker', sticker: { id: '1037543291543636' } },
      {
        type: 'location',
        location: { latitude: 37.48, longitude: -122.14, name: 'Meta HQ', address: '1 Hacker Way' },
      },
      {
        type: 'contacts',
        contacts: [
          {
            name: { formatted_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe' },
            phones: [{ phone: '+1 555 0100', type: 'CELL', wa_id: '15550100' }],
            emails: [{ email: 'j@x.com', type: 'WORK' }],
            org: { company: 'Acme' },
            birthday: '1990-01-31',
          },
        ],
      },
      { type: 'reaction', reaction: { message_id: 'wamid.XXX', emoji: '😀' } },
      { type: 'reaction', reaction: { message_id: 'wamid.XXX', emoji: '' } },
      { type: 'reaction', reaction: { message_id: 'wamid.XXX', emoji: '👍🏽' } },
      { type: 'text', text: { body: 'quoted' }, context: { message_id: 'wamid.original' } },
    ];
    for (const sample of samples)
      expect(send(sample).error?.issues ?? [], JSON.stringify(sample)).toEqual([]);
  });

  it('accepts "+", spaces and dashes in the phone number, and a BSUID recipient instead of "to"', () => {
    expect(send({ to: '+1 650-555-1234', type: 'text', text: { body: 'x' } }).success).toBe(true);
    const bsuid = {
      messaging_product: 'whatsapp',
      recipient: 'US.13491208655302741918',
      type: 'text',
      text: { body: 'x' },
    };
    expect(sendMessagePayloadSchema.safeParse(bsuid).success).toBe(true);
  });

  it('rejects over-limit and malformed payloads', () => {
    expect(problems({ type: 'text', text: { body: 'x'.repeat(4097) } })).toEqual([
      'text.body: Too big: expected string to have <=4096 characters',
    ]);
    expect(send({ type: 'text', text: { body: 'x'.repeat(4096) } }).success).toBe(true);
    expect(
      problems({ type: 'image', image: { link: 'https://e.com/a.jpg', caption: 'c'.repeat(1025) } }),
    ).toHaveLength(1);
    expect(problems({ type: 'image', image: { id: '1', link: 'https://e.com/a.jpg' } })[0]).toContain(
      'exactly one',
    );
    expect(problems({ type: 'image', image: {} })[0]).toContain('exactly one');
    expect(problems({ type: 'image', image: { link: 'ftp://e.com/a.jpg' } })[0]).toMatch(/^image\.link/);
    expect(problems({ type: 'audio', audio: { id: '1', caption: 'no captions on audio' } })[0]).toContain(
      'caption',
    );
    expect(problems({ type: 'sticker', sticker: { id: '1', caption: 'x' } })[0]).toContain('caption');
    expect(problems({ type: 'location', location: { latitude: 91, longitude: 0 } })).toHaveLength(1);
    expect(problems({ type: 'contacts', contacts: [{ name: { first_name: 'Jane' } }] })[0]).toMatch(
      /formatted_name/,
    );
    expect(problems({ type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '😀😀' } })[0]).toContain(
      'exactly one emoji',
    );
    expect(problems({ type: 'reaction', reaction: { message_id: 'wamid.X', emoji: 'ok' } })).toHaveLength(1);
    expect(problems({ to: 'not-a-number', type: 'text', text: { body: 'x' } })[0]).toMatch(/^to:/);
    expect(
      problems({ type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'x'.repeat(513) }),
    ).toHaveLength(1);
    expect(problems({ type: 'text', text: { body: 'x', previewUrl: true } })[0]).toContain('previewUrl');
    expect(problems({ type: 'carousel', carousel: {} })).toHaveLength(1);
  });

  it('requires "to" or "recipient"', () => {
    const r = sendMessagePayloadSchema.safeParse({
      messaging_product: 'whatsapp',
      type: 'text',
      text: { body: 'x' },
    });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['give "to" (phone number) or "recipient"']);
  });
});

describe('read receipts and typing indicator (§2.10)', () => {
  it('accepts the reference payloads and refuses other indicator types', () => {
    const read = { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.INBOUND' };
    expect(markAsReadPayloadSchema.parse(read)).toEqual(read);
    const typing = { ...read, typing_indicator: { type: 'text' } };
    expect(typingIndicatorPayloadSchema.parse(typing)).toEqual(typing);
    expect(
      typingIndicatorPayloadSchema.safeParse({ ...read, typing_indicator: { type: 'audio' } }).success,
    ).toBe(false);
    expect(markAsReadPayloadSchema.safeParse({ ...read, status: 'delivered' }).success).toBe(false);
  });
});
