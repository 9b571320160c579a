import { and, desc, eq, ilike, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { channels, conversations, messages, subscribers, users } from '../../db/schema';

export const CLOSING_SOON_MS = 2 * 3_600_000;

export const conversationSummarySchema = z.object({
  id: z.string(),
  status: z.enum(['open', 'closed']),
  unreadCount: z.number(),
  botPaused: z.boolean(),
  lastMessageAt: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastMessageDirection: z.enum(['in', 'out', 'note']).nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  subscriber: z.object({
    id: z.string(),
    waId: z.string(),
    displayName: z.string(),
    profileName: z.string().nullable(),
    phone: z.string(),
    firstInboundAt: z.string().nullable(),
    lastInboundAt: z.string().nullable(),
  }),
  channel: z.object({
    id: z.string(),
    name: z.string(),
    displayPhoneNumber: z.string(),
    kind: z.enum(['cloud', 'sandbox']),
  }),
  window: z.object({ state: z.enum(['open', 'closing', 'closed']), expiresAt: z.string().nullable() }),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationFiltersSchema = z.object({
  view: z.enum(['all', 'mine', 'unassigned']).default('all'),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  q: z.string().trim().max(200).optional(),
  channelId: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** The customer service window as the inbox shows it: open, closing soon (under 2 h left) or closed. */
export function windowState(expiresAt: Date | null, now: Date): ConversationSummary['window'] {
  const left = expiresAt ? expiresAt.getTime() - now.getTime() : -1;
  return {
    state: left <= 0 ? 'closed' : left < CLOSING_SOON_MS ? 'closing' : 'open',
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

const encodeCursor = (at: Date | null, id: string) =>
  Buffer.from(`${at?.toISOString() ?? ''}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && id ? { at: new Date(at), id } : undefined;
}

const selection = {
  conversation: conversations,
  subscriber: subscribers,
  channel: channels,
  assigneeName: users.name,
};

function toSummary(
  row: {
    conversation: typeof conversations.$inferSelect;
    subscriber: typeof subscribers.$inferSelect;
    channel: typeof channels.$inferSelect;
    assigneeName: string | null;
  },
  now: Date,
): ConversationSummary {
  const { conversation: c, subscriber: s, channel } = row;
  return {
    id: c.id,
    status: c.status,
    unreadCount: c.unreadCount,
    botPaused: c.botPaused,
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: c.lastMessagePreview,
    lastMessageDirection: c.lastMessageDirection,
    assignee: c.assigneeId && row.assigneeName ? { id: c.assigneeId, name: row.assigneeName } : null,
    subscriber: {
      id: s.id,
      waId: s.waId,
      displayName: s.name ?? s.profileName ?? `+${s.waId}`,
      profileName: s.profileName,
      phone: `+${s.waId}`,
      firstInboundAt: s.firstInboundAt?.toISOString() ?? null,
      lastInboundAt: s.lastInboundAt?.toISOString() ?? null,
    },
    channel: {
      id: channel.id,
      name: channel.name,
      displayPhoneNumber: channel.displayPhoneNumber,
      kind: channel.kind,
    },
    window: windowState(s.windowExpiresAt, now),
  };
}

function baseQuery(db: DbOrTx) {
  return db
    .select(selection)
    .from(conversations)
    .innerJoin(subscribers, eq(subscribers.id, conversations.subscriberId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .leftJoin(users, eq(users.id, conversations.assigneeId));
}

/** One page of a workspace's conversations, newest activity first (keyset pagination). */
export async function listConversations(
  db: DbOrTx,
  workspaceId: string,
  userId: string | undefined,
  filters: z.infer<typeof conversationFiltersSchema>,
  now: Date,
) {
  const conditions: Array<SQL | undefined> = [eq(conversations.workspaceId, workspaceId)];
  if (filters.status !== 'all') conditions.push(eq(conversations.status, filters.status));
  if (filters.view === 'mine') conditions.push(userId ? eq(conversations.assigneeId, userId) : sql`false`);
  if (filters.view === 'unassigned') conditions.push(isNull(conversations.assigneeId));
  if (filters.channelId) conditions.push(eq(conversations.channelId, filters.channelId));
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    // Digits only count as a phone-number search when the query looks like one ("+1 555-0101").
    const digits = /^[+\d\s().-]+$/.test(filters.q) ? filters.q.replace(/\D/g, '') : '';
    conditions.push(
      or(
        ilike(subscribers.name, like),
        ilike(subscribers.profileName, like),
        digits ? ilike(subscribers.waId, `%${digits}%`) : undefined,
        sql`exists (select 1 from ${messages} m where m.conversation_id = ${conversations.id} and m.type = 'text' and m.content->'text'->>'body' ilike ${like})`,
      ),
    );
  }
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : undefined;
  if (cursor) {
    conditions.push(
      or(
        lt(conversations.lastMessageAt, cursor.at),
        and(eq(conversations.lastMessageAt, cursor.at), lt(conversations.id, cursor.id)),
      ),
    );
  }
  const rows = await baseQuery(db)
    .where(and(...conditions))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toSummary(row, now)),
    nextCursor:
      rows.length > filters.limit && last
        ? encodeCursor(last.conversation.lastMessageAt, last.conversation.id)
        : null,
  };
}

export async function getConversation(
  db: DbOrTx,
  workspaceId: string,
  conversationId: string,
  now: Date,
): Promise<ConversationSummary | undefined> {
  const [row] = await baseQuery(db).where(
    and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)),
  );
  return row ? toSummary(row, now) : undefined;
}
