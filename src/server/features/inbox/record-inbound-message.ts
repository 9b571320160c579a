import { eq, sql } from 'drizzle-orm';
import { inboundMessageSchema } from '../../../whatsapp';
import { messagePreview } from '../../../whatsapp/message-preview';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/client';
import { conversations, messages } from '../../db/schema';
import { newId } from '../../ids';
import type { RealtimeEvent } from '../../realtime/realtime-bus';
import { upsertSubscriberFromInbound } from '../subscribers/subscribers.service';
import { downloadInboundMediaJob } from './outbox.jobs';

/** Thrown for an event that can never be applied (it is kept, marked with this reason, and skipped). */
export class EventRejected extends Error {}

type Channel = { id: string; workspaceId: string };

/** Applies one inbound message: subscriber, conversation (reopened, unread +1), the message row. */
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

export async function recordInboundMessage(
  ctx: AppContext,
  tx: DbOrTx,
  channel: Channel,
  payload: { message: unknown; contact: { profile?: { name?: string } } | null },
): Promise<RealtimeEvent[]> {
  const parsed = inboundMessageSchema.safeParse(payload.message);
  if (!parsed.success)
    throw new EventRejected(`Inbound message does not match the Cloud API schema: ${parsed.error.message}`);
  const message = parsed.data;
  if (!message.from || !message.id) throw new EventRejected('Inbound message without sender or id.');
  const at = message.timestamp ? new Date(Number(message.timestamp) * 1000) : new Date();
  const subscriber = await upsertSubscriberFromInbound(tx, {
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    waId: message.from,
    profileName: payload.contact?.profile?.name ?? null,
    at,
  });
  const type = message.type === 'unrecognized' ? (message.original_type ?? 'unsupported') : message.type;
  const content =
    message.type === 'unrecognized' ? message.raw : (payload.message as Record<string, unknown>);
  const preview = messagePreview(type, content as Record<string, any>);
  const [conversation] = await tx
    .insert(conversations)
    .values({
      id: newId('cnv'),
      workspaceId: channel.workspaceId,
      channelId: channel.id,
      subscriberId: subscriber.id,
      unreadCount: 1,
      lastMessageAt: at,
      lastMessagePreview: preview,
      lastMessageDirection: 'in',
    })
    .onConflictDoUpdate({
      target: conversations.subscriberId,
      set: {
        status: 'open',
        unreadCount: sql`${conversations.unreadCount} + 1`,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, excluded.last_message_at)`,
        lastMessagePreview: sql`case when ${conversations.lastMessageAt} is null or excluded.last_message_at >= ${conversations.lastMessageAt} then excluded.last_message_preview else ${conversations.lastMessagePreview} end`,
        lastMessageDirection: sql`case when ${conversations.lastMessageAt} is null or excluded.last_message_at >= ${conversations.lastMessageAt} then 'in' else ${conversations.lastMessageDirection} end`,
      },
    })
    .returning({ id: conversations.id });
  const messageId = newId('msg');
  const inserted = await tx
    .insert(messages)
    .values({
      id: messageId,
      workspaceId: channel.workspaceId,
      conversationId: conversation!.id,
      direction: 'in',
      wamid: message.id,
      type,
      content,
      status: 'received',
      contextWamid: 'context' in message ? (message.context?.id ?? null) : null,
      createdAt: at,
    })
    .onConflictDoNothing({ target: messages.wamid })
    .returning({ id: messages.id });
  if (inserted.length > 0 && MEDIA_TYPES.has(type)) {
    await ctx.queue.enqueue(downloadInboundMediaJob, { messageId }, { tx });
  }
  if (inserted.length === 0) {
    // Already recorded (a replay): undo the unread increment of this duplicate.
    await tx
      .update(conversations)
      .set({ unreadCount: sql`greatest(${conversations.unreadCount} - 1, 0)` })
      .where(eq(conversations.id, conversation!.id));
    return [];
  }
  return [
    {
      workspaceId: channel.workspaceId,
      type: 'message.created',
      conversationId: conversation!.id,
      messageId,
    },
    { workspaceId: channel.workspaceId, type: 'conversation.updated', conversationId: conversation!.id },
  ];
}
