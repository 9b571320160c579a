import { and, eq } from 'drizzle-orm';
import { messagePreview } from '../../../whatsapp/message-preview';
import type { AppContext } from '../../context';
import { conversations, messages, subscribers, users } from '../../db/schema';
import { AppError, notFound } from '../../http/errors';
import { newId } from '../../ids';
import { type ConversationMessage, toConversationMessages } from './message-view';
import { sendPendingMessagesJob } from './outbox.jobs';

export async function requireOpenConversation(
  ctx: AppContext,
  workspaceId: string,
  conversationId: string,
  options: { allowClosedWindow?: boolean } = {},
) {
  const [row] = await ctx.db
    .select({ conversation: conversations, windowExpiresAt: subscribers.windowExpiresAt })
    .from(conversations)
    .innerJoin(subscribers, eq(subscribers.id, conversations.subscriberId))
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)));
  if (!row) throw notFound('This conversation');
  if (!options.allowClosedWindow && (row.windowExpiresAt?.getTime() ?? 0) <= ctx.now().getTime()) {
    throw new AppError(
      'conflict',
      'The 24-hour customer service window is closed: the customer has not written in the last 24 hours, so WhatsApp only accepts template messages now.',
    );
  }
  return row.conversation;
}

type Outbound = {
  type: string;
  content: Record<string, unknown>;
  replyToMessageId?: string;
  media?: { path: string; mimeType: string };
};

/**
 * Records an outbound message (or an internal note) and queues it for sending, in one transaction:
 * the sender job drains the conversation's pending messages in order. Notes and reactions do not
 * need an open window check beyond WhatsApp's own; free-form messages do.
 */
export async function queueOutbound(
  ctx: AppContext,
  workspaceId: string,
  conversationId: string,
  userId: string | null,
  outbound: Outbound,
  id = newId('msg'),
): Promise<ConversationMessage> {
  const isNote = outbound.type === 'note';
  const conversation = await requireOpenConversation(ctx, workspaceId, conversationId, {
    allowClosedWindow: isNote,
  });
  let contextWamid: string | null = null;
  if (outbound.replyToMessageId) {
    const [quoted] = await ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.id, outbound.replyToMessageId), eq(messages.conversationId, conversation.id)));
    if (!quoted?.wamid)
      throw new AppError('validation_failed', 'The message you reply to was not found in this conversation.');
    contextWamid = quoted.wamid;
  }
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(messages)
      .values({
        id,
        workspaceId,
        conversationId: conversation.id,
        direction: isNote ? 'note' : 'out',
        type: isNote ? 'text' : outbound.type,
        content: outbound.content,
        status: isNote ? 'received' : 'pending',
        contextWamid,
        sentById: userId,
        mediaPath: outbound.media?.path ?? null,
        mediaMimeType: outbound.media?.mimeType ?? null,
        createdAt: now,
      })
      .returning();
    if (outbound.type !== 'reaction') {
      await tx
        .update(conversations)
        .set({
          lastMessageAt: now,
          lastMessagePreview: messagePreview(
            isNote ? 'text' : outbound.type,
            outbound.content as Record<string, any>,
          ),
          lastMessageDirection: isNote ? 'note' : 'out',
        })
        .where(eq(conversations.id, conversation.id));
    }
    if (!isNote)
      await ctx.queue.enqueue(
        sendPendingMessagesJob,
        { conversationId: conversation.id },
        { tx, key: conversation.id },
      );
    await ctx.realtime.publish(tx, {
      workspaceId,
      type: 'message.created',
      conversationId: conversation.id,
      messageId: id,
    });
    return inserted!;
  });
  const [author] = userId
    ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, userId))
    : [];
  return (
    toConversationMessages([{ message: row, sentByName: author?.name ?? null }], [])[0] ??
    (undefined as never)
  );
}
