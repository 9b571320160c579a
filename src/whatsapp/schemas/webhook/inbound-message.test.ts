import { describe, expect, it } from 'vitest';
import { webhookEnvelopeSchema } from './envelope';
import { knownInboundMessageSchema } from './inbound-message';

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const envelopeOf = (field: string, value: unknown, time?: number) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', ...(time ? { time } : {}), changes: [{ field, value }] }],
});
const messagesValue = (extra: Record<string, unknown>) => ({
  messaging_product: 'whatsapp',
  metadata,
  ...extra,
});
const base = {
  from: '16505551234',
  id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdCNUY',
  timestamp: '1702502473',
};

/** Parses one inbound message inside a full envelope and returns it. */
function inbound(message: Record<string, unknown>) {
  const envelope = webhookEnvelopeSchema.parse(
    envelopeOf(
      'messages',
      messagesValue({ contacts: [{ profile: { name: 'Jane' }, wa_id: '16505551234' }], messages: [message] }),
    ),
  );
  const change = envelope.entry[0]!.changes[0]!;
  if (change.field !== 'messages') throw new Error('expected a messages change');
  return change.value.messages![0]!;
}

describe('inbound messages (reference §4.4)', () => {
  it('parses text with the contact profile', () => {
    const msg = inbound({ ...base, type: 'text', text: { body: 'Hello' } });
    expect(msg.type === 'text' && msg.text.body).toBe('Hello');
  });

  it('parses every media kind, keeping voice/animated flags and optional url', () => {
    const media = { mime_type: 'image/jpeg', sha256: 'pPmsV3/0BG==', id: '1037543291543636' };
    const image = inbound({
      ...base,
      type: 'image',
      image: { ...media, caption: 'Look', url: 'https://lookaside.fbsbx.com/x' },
    });
    expect(image.type === 'image' && image.image).toMatchObject({ id: '1037543291543636', caption: 'Look' });
    const voice = inbound({
      ...base,
      type: 'audio',
      audio: { ...media, mime_type: 'audio/ogg; codecs=opus', voice: true },
    });
    expect(voice.type === 'audio' && voice.audio.voice).toBe(true);
    const doc = inbound({
      ...base,
      type: 'document',
      document: { ...media, filename: 'x.pdf', mime_type: 'application/pdf' },
    });
    expect(doc.type === 'document' && doc.document.filename).toBe('x.pdf');
    const sticker = inbound({
      ...base,
      type: 'sticker',
      sticker: { ...media, mime_type: 'image/webp', animated: false },
    });
    expect(sticker.type).toBe('sticker');
    expect(inbound({ ...base, type: 'video', video: { ...media, mime_type: 'video/mp4' } }).type).toBe(
      'video',
    );
  });

  it('parses locations given as numbers or as strings', () => {
    const a = inbound({
      ...base,
      type: 'location',
      location: { latitude: 12.25, longitude: 43.9, name: 'Shop' },
    });
    const b = inbound({ ...base, type: 'location', location: { latitude: '12.25', longitude: '-43.9' } });
    expect(a.type === 'location' && [a.location.latitude, a.location.longitude]).toEqual([12.25, 43.9]);
    expect(b.type === 'location' && [b.location.latitude, b.location.longitude]).toEqual([12.25, -43.9]);
  });

  it('parses button_reply / list_reply / nfm_reply with their reply context', () => {
    const context = { from: '15550783881', id: 'wamid.original' };
    const btn = inbound({
      ...base,
      context,
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'opt_1', title: 'Yes' } },
    });
    expect(
      btn.type === 'interactive' &&
        btn.interactive.type === 'button_reply' &&
        btn.interactive.button_reply.id,
    ).toBe('opt_1');
    expect(btn.type === 'interactive' && btn.context?.id).toBe('wamid.original');
    const row = inbound({
      ...base,
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Row 1', description: 'd' } },
    });
    expect(row.type === 'interactive' && row.interactive.type).toBe('list_reply');
    const nfm = inbound({
      ...base,
      context,
      type: 'interactive',
      interactive: {
        type: 'nfm_reply',
        nfm_reply: {
          name: 'flow',
          body: 'Sent',
          response_json: '{"flow_token":"AQAAAAACS5FpgQ_cAAAAAD0QI3s.","comment_text":"ok"}',
        },
      },
    });
    if (nfm.type !== 'interactive' || nfm.interactive.type !== 'nfm_reply')
      throw new Error('expected nfm_reply');
    expect(JSON.parse(nfm.interactive.nfm_reply.response_json)).toEqual({
      flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
      comment_text: 'ok',
    });
  });

  it('parses template quick-reply buttons, reactions (incl. removal), orders, contacts, system and referral', () => {
    const button = inbound({
      ...base,
      context: { from: '15550783881', id: 'wamid.t' },
      type: 'button',
      button: { payload: 'STOP_PROMOS', text: 'Stop' },
    });
    expect(button.type === 'button' && button.button.payload).toBe('STOP_PROMOS');
    const removed = inbound({ ...base, type: 'reaction', reaction: { message_id: 'wamid.X' } });
    expect(removed.type === 'reaction' && removed.reaction.emoji).toBeUndefined();
    const order = inbound({
      ...base,
      type: 'order',
      order: {
        catalog_id: 'c1',
        text: 'hi',
        product_items: [{ product_retailer_id: 'SKU', quantity: 2, item_price: 9.5, currency: 'USD' }],
      },
    });
    expect(order.type === 'order' && order.order.product_items).toHaveLength(1);
    const contacts = inbound({
      ...base,
      type: 'contacts',
      contacts: [
        { name: { formatted_name: 'Jane' }, phones: [{ phone: '+1 555', wa_id: '1555', type: 'CELL' }] },
      ],
    });
    expect(contacts.type === 'contacts' && contacts.contacts[0]?.name?.formatted_name).toBe('Jane');
    const system = inbound({
      ...base,
      type: 'system',
      system: { body: 'User A changed from X to Y', wa_id: '1999', type: 'user_changed_number' },
    });
    expect(system.type === 'system' && system.system.wa_id).toBe('1999');
    const referral = inbound({
      ...base,
      type: 'text',
      text: { body: 'From the ad' },
      referral: {
        source_url: 'https://fb.me/x',
        source_id: 'ADID',
        source_type: 'ad',
        headline: 'h',
        body: 'b',
        media_type: 'image',
        image_url: 'u',
        ctwa_clid: 'c',
      },
    });
    expect(referral.type === 'text' && referral.referral?.ctwa_clid).toBe('c');
    expect(inbound({ ...base, type: 'request_welcome' }).type).toBe('request_welcome');
  });

  it('parses an unsupported message with its 131051 error', () => {
    const msg = inbound({
      ...base,
      type: 'unsupported',
      unsupported: { type: 'poll' },
      errors: [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'Message type is currently not supported.' },
        },
      ],
    });
    expect(msg.type === 'unsupported' && msg.errors?.[0]?.code).toBe(131051);
  });

  it('keeps unknown and malformed messages as "unrecognized" instead of losing the envelope', () => {
    const future = inbound({ ...base, type: 'poll_vote', poll_vote: { option: 2 } });
    expect(future).toMatchObject({
      type: 'unrecognized',
      original_type: 'poll_vote',
      from: base.from,
      id: base.id,
      timestamp: base.timestamp,
    });
    expect(future.type === 'unrecognized' && future.raw).toMatchObject({ poll_vote: { option: 2 } });
    const bare = inbound({ type: 'interactive' });
    expect(bare).toMatchObject({ type: 'unrecognized', original_type: 'interactive', id: undefined });
    const textWithoutBody = inbound({ ...base, type: 'text', text: {} });
    expect(textWithoutBody.type).toBe('unrecognized');
    // …while the strict schema still reports it, for places that must not accept it.
    expect(knownInboundMessageSchema.safeParse({ ...base, type: 'text', text: {} }).success).toBe(false);
  });

  it('normalises numeric timestamps to strings and keeps fields Meta adds', () => {
    const msg = inbound({
      ...base,
      timestamp: 1702502473,
      type: 'text',
      text: { body: 'x' },
      from_user_id: 'US.1',
      brand_new: true,
    });
    expect(msg).toMatchObject({ timestamp: '1702502473', from_user_id: 'US.1', brand_new: true });
  });

  it('parses the webhook-level 131000 error next to a bare message', () => {
    const value = messagesValue({
      messages: [{ type: 'interactive' }],
      errors: [
        {
          code: 131000,
          title: 'Something went wrong',
          message: 'Something went wrong',
          error_data: { details: 'Unsupported webhook payload' },
        },
      ],
    });
    const parsed = webhookEnvelopeSchema.parse(envelopeOf('messages', value));
    const change = parsed.entry[0]!.changes[0]!;
    expect(change.field === 'messages' && change.value.errors?.[0]?.error_data?.details).toBe(
      'Unsupported webhook payload',
    );
  });
});
