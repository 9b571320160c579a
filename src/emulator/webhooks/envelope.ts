import type { BusinessPhoneNumber } from '../state/models';

/** `entry[].changes[].value` for the `messages` field. */
export interface MessagesChangeValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: Array<{ profile: { name: string }; wa_id: string }>;
  messages?: Array<Record<string, unknown>>;
  statuses?: Array<Record<string, unknown>>;
  errors?: Array<Record<string, unknown>>;
}

export interface WebhookEnvelope {
  object: 'whatsapp_business_account';
  entry: Array<{
    id: string;
    time?: number;
    changes: Array<{ field: string; value: Record<string, unknown> }>;
  }>;
}

/** Meta's `metadata` block for a business number. */
export function metadataFor(phone: BusinessPhoneNumber): MessagesChangeValue['metadata'] {
  return { display_phone_number: phone.displayPhoneNumber, phone_number_id: phone.id };
}

/**
 * Wrap one change in Meta's envelope. `time` is present for fields other than `messages`
 * (reference §4.3).
 */
export function buildEnvelope(
  wabaId: string,
  field: string,
  value: Record<string, unknown>,
  nowMs: number,
): WebhookEnvelope {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        ...(field === 'messages' ? {} : { time: Math.floor(nowMs / 1000) }),
        changes: [{ field, value }],
      },
    ],
  };
}
