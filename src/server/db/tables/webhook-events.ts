import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every webhook event, stored before the 200 goes out. One row per message, per status (message id +
 * status) and per other change; `dedupeKey` makes Meta's retries and duplicates no-ops. Payloads the
 * product cannot parse are kept with kind `unsupported`. `seq` orders processing.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    kind: text('kind', { enum: ['message', 'status', 'change', 'error', 'unsupported'] }).notNull(),
    channelId: text('channel_id'),
    workspaceId: text('workspace_id'),
    phoneNumberId: text('phone_number_id'),
    contactWaId: text('contact_wa_id'),
    /** Events with one key (a contact on a number) are processed one at a time, in `seq` order. */
    orderingKey: text('ordering_key').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    processError: text('process_error'),
  },
  (t) => [
    index('webhook_events_channel_idx').on(t.channelId, t.seq),
    index('webhook_events_pending_idx').on(t.orderingKey, t.seq).where(sql`processed_at is null`),
  ],
);

/** Refused webhook deliveries (bad or missing signature, unknown number), counted for the number's health page. */
export const webhookRejections = pgTable(
  'webhook_rejections',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id'),
    reason: text('reason').notNull(),
    remoteAddress: text('remote_address'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_rejections_channel_idx').on(t.channelId, t.at)],
);
