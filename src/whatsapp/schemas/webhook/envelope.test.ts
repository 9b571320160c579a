import { describe, expect, it } from 'vitest';
import { webhookEnvelopeSchema } from './envelope';

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
describe('statuses (reference §4.5, §9)', () => {
  const statuses = (list: unknown[]) => {
    const change = webhookEnvelopeSchema.parse(envelopeOf('messages', messagesValue({ statuses: list })))
      .entry[0]!.changes[0]!;
    if (change.field !== 'messages') throw new Error('expected messages');
    return change.value.statuses!;
  };
  const status = { id: 'wamid.XXX', timestamp: '1698266945', recipient_id: '16505551234' };

  it('parses sent with conversation (CBP) and delivered/read with PMP pricing', () => {
    const [sent, read] = statuses([
      {
        ...status,
        status: 'sent',
        biz_opaque_callback_data: 'job-42',
        conversation: { id: '7270432eae37', expiration_timestamp: '1698339900', origin: { type: 'service' } },
        pricing: { billable: false, pricing_model: 'CBP', category: 'service' },
      },
      {
        ...status,
        status: 'read',
        pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'free_customer_service' },
      },
    ]);
    expect(sent).toMatchObject({
      status: 'sent',
      biz_opaque_callback_data: 'job-42',
      conversation: { origin: { type: 'service' } },
    });
    expect(read?.pricing).toEqual({
      billable: true,
      pricing_model: 'PMP',
      category: 'utility',
      type: 'free_customer_service',
    });
  });

  it('parses a failed status with its error and no pricing', () => {
    const [failed] = statuses([
      {
        ...status,
        status: 'failed',
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: {
              details:
                'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
            },
            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          },
        ],
      },
    ]);
    expect(failed?.errors?.[0]?.code).toBe(131047);
    expect(failed?.pricing).toBeUndefined();
  });

  it('rejects a status the product cannot apply (no id, unknown status value)', () => {
    expect(
      webhookEnvelopeSchema.safeParse(
        envelopeOf('messages', messagesValue({ statuses: [{ ...status, id: undefined, status: 'sent' }] })),
      ).success,
    ).toBe(false);
    expect(
      webhookEnvelopeSchema.safeParse(
        envelopeOf('messages', messagesValue({ statuses: [{ ...status, status: 'seen' }] })),
      ).success,
    ).toBe(false);
  });
});

describe('other webhook fields (reference §4.6)', () => {
  const change = (field: string, value: unknown) =>
    webhookEnvelopeSchema.parse(envelopeOf(field, value, 1751247548)).entry[0]!.changes[0]!;
  const template = {
    message_template_id: 594425479261596,
    message_template_name: 'order_update',
    message_template_language: 'en_US',
  };

  it('parses template status, quality and category updates, with the numeric id as a string', () => {
    const status = change('message_template_status_update', {
      ...template,
      event: 'REJECTED',
      reason: 'INVALID_FORMAT',
      rejection_info: { reason: 'x', recommendation: 'y' },
    });
    expect(status.field === 'message_template_status_update' && status.value).toMatchObject({
      event: 'REJECTED',
      message_template_id: '594425479261596',
    });
    const quality = change('message_template_quality_update', {
      ...template,
      previous_quality_score: 'GREEN',
      new_quality_score: 'RED',
    });
    expect(quality.field === 'message_template_quality_update' && quality.value.new_quality_score).toBe(
      'RED',
    );
    const category = change('template_category_update', {
      ...template,
      previous_category: 'UTILITY',
      new_category: 'MARKETING',
    });
    expect(category.field === 'template_category_update' && category.value.new_category).toBe('MARKETING');
    expect(() => change('message_template_status_update', { ...template, event: 'MAYBE' })).toThrow();
  });

  it('parses phone number quality and account updates', () => {
    const quality = change('phone_number_quality_update', {
      display_phone_number: '15550783881',
      event: 'DOWNGRADE',
      current_limit: 'TIER_250',
      max_daily_conversations_per_business: 250,
    });
    expect(quality.field === 'phone_number_quality_update' && quality.value.current_limit).toBe('TIER_250');
    const account = change('account_update', {
      event: 'PARTNER_ADDED',
      waba_info: { waba_id: '102290129340398', owner_business_id: '9' },
    });
    expect(account.field === 'account_update' && account.value.waba_info?.waba_id).toBe('102290129340398');
    const restriction = change('account_update', {
      event: 'ACCOUNT_RESTRICTION',
      restriction_info: [{ restriction_type: 'RESTRICTED_ADD_PHONE_NUMBER_ACTION', expiration: 1700000000 }],
    });
    expect(restriction.field === 'account_update' && restriction.value.restriction_info).toHaveLength(1);
  });

  it('keeps fields the product does not handle as "other"', () => {
    const prefs = change('user_preferences', {
      user_preferences: [{ wa_id: '1', category: 'marketing_messages', value: 'stop' }],
    });
    expect(prefs).toMatchObject({ field: 'other', original_field: 'user_preferences' });
  });

  it('rejects envelopes that are not WhatsApp webhooks', () => {
    expect(webhookEnvelopeSchema.safeParse({ object: 'page', entry: [] }).success).toBe(false);
    expect(webhookEnvelopeSchema.safeParse({ object: 'whatsapp_business_account' }).success).toBe(false);
  });
});
