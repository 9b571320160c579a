import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { conversations } from './conversations';
import { users } from './users';
import { workspaces } from './workspaces';

export const messageStatuses = [
  'received',
  'pending',
  'accepted',
  'sent',
  'delivered',
  'read',
  'failed',
] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/**
 * Every message of a conversation, both directions, and internal notes (`direction: note`, never sent).
 * `content` is the Cloud API message object (inbound as received, outbound as sent). Statuses only move
 * forward (pending < accepted < sent < delivered < read); `failed` keeps the Cloud API error.
 */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['in', 'out', 'note'] }).notNull(),
    wamid: text('wamid'),
    type: text('type').notNull(),
    content: jsonb('content').notNull(),
    status: text('status', { enum: messageStatuses }).notNull(),
    error: jsonb('error').$type<{ code: number; title: string; message?: string; details?: string } | null>(),
    contextWamid: text('context_wamid'),
    pricingCategory: text('pricing_category'),
    billable: boolean('billable'),
    /** Media kept by the product (inbound downloaded through the Media API, outbound as uploaded). */
    mediaPath: text('media_path'),
    mediaMimeType: text('media_mime_type'),
    sentById: text('sent_by_id').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_wamid_uq').on(t.wamid),
    index('messages_conversation_idx').on(t.conversationId, t.createdAt),
  ],
);
