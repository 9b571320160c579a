import { createHash, randomBytes } from 'node:crypto';
import { unixSeconds } from '../core/clock';
import type { EmulatorContext } from '../core/context';
import { numericId, wamid } from '../core/ids';
import type { StoredMessage } from '../state/models';
import type { InboundMessageInput } from './inbound-schema';

const MEDIA_KINDS = new Set(['image', 'video', 'audio', 'document', 'sticker']);
const REPLY_TYPES = new Set(['interactive', 'button']);

export class InboundError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A simulated customer sends a message: store it, open/refresh the customer service window,
 * deliver the `messages` webhook. Returns the new wamid.
 */
export function receiveInbound(
  ctx: EmulatorContext,
  waId: string,
  input: InboundMessageInput,
): StoredMessage {
  const { state, clock } = ctx;
  const phone = input.phone_number_id
    ? state.phoneNumbers.get(input.phone_number_id)
    : state.defaultPhoneNumber();
  if (!phone)
    throw new InboundError(404, 'not_found', `Unknown business phone number ${input.phone_number_id}`);
  const now = clock.now();
  const customer = state.getOrCreateCustomer(waId, now, input.profile_name);
  if (input.profile_name) customer.profileName = input.profile_name;
  if (!customer.onWhatsApp) {
    throw new InboundError(409, 'not_on_whatsapp', `Customer ${waId} is marked as not on WhatsApp`);
  }

  const { profile_name: _profile, context, phone_number_id: _phone, referral, ...messageFields } = input;
  const message: Record<string, unknown> = { ...messageFields };
  const kind = input.type;
  if (MEDIA_KINDS.has(kind)) {
    const media = { ...(message[kind] as Record<string, unknown>) };
    if (!media.id) {
      const created = state.media?.createInbound?.({
        phoneNumberId: phone.id,
        kind,
        mimeType: String(media.mime_type),
        ...(typeof media.filename === 'string' ? { filename: media.filename } : {}),
      });
      media.id = created?.id ?? numericId(16);
      media.sha256 = created?.sha256 ?? createHash('sha256').update(randomBytes(16)).digest('base64');
      if (created?.url) media.url = created.url;
    }
    media.sha256 ??= createHash('sha256').update(String(media.id)).digest('base64');
    if (kind === 'audio') media.voice ??= false;
    if (kind === 'sticker') media.animated ??= false;
    message[kind] = media;
  }
  if (kind === 'interactive' && input.type === 'interactive' && input.interactive.type === 'nfm_reply') {
    const reply = input.interactive.nfm_reply;
    if (typeof reply.response_json !== 'string') {
      message.interactive = {
        type: 'nfm_reply',
        nfm_reply: { ...reply, response_json: JSON.stringify(reply.response_json) },
      };
    }
  }

  let replyTo = context?.message_id;
  if (!replyTo && REPLY_TYPES.has(kind)) {
    // A tap on a button answers the latest interactive/template message sent to this customer.
    for (let i = customer.messages.length - 1; i >= 0; i--) {
      const earlier = customer.messages[i]!;
      if (
        earlier.direction === 'outbound' &&
        earlier.phoneNumberId === phone.id &&
        (earlier.type === 'interactive' || earlier.type === 'template')
      ) {
        replyTo = earlier.id;
        break;
      }
    }
  }
  const id = wamid(waId);
  const timestamp = unixSeconds(now);
  const payload: Record<string, unknown> = {
    ...(replyTo ? { context: { from: phone.displayPhoneNumber, id: replyTo } } : {}),
    from: waId,
    id,
    timestamp,
    ...message,
    ...(referral ? { referral } : {}),
  };
  const stored: StoredMessage = {
    id,
    direction: 'inbound',
    phoneNumberId: phone.id,
    waId,
    type: kind,
    content: payload,
    timestamp,
    status: 'delivered',
    statuses: [],
    ...(replyTo ? { context: { message_id: replyTo } } : {}),
  };
  state.addMessage(customer, stored);
  customer.lastInboundAt[phone.id] = now;
  state.markChanged();
  ctx.webhooks.emitMessages(phone, {
    contacts: [{ profile: { name: customer.profileName }, wa_id: waId }],
    messages: [payload],
  });
  return stored;
}
