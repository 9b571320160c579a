import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { workspaces } from './workspaces';

/** A WhatsApp user who talks to one connected number. Created from inbound webhooks (and later imports). */
export const subscribers = pgTable(
  'subscribers',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    waId: text('wa_id').notNull(),
    profileName: text('profile_name'),
    name: text('name'),
    firstInboundAt: timestamp('first_inbound_at', { withTimezone: true }),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    /** The customer service window: free-form messages allowed until this time (last inbound + 24 h). */
    windowExpiresAt: timestamp('window_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subscribers_channel_wa_uq').on(t.channelId, t.waId),
    index('subscribers_workspace_idx').on(t.workspaceId),
  ],
);
