import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CloudApiError, isRetryable, lookupCloudApiError } from '../../../whatsapp';
import type { AppContext } from '../../context';
import { channels, conversations, messages, subscribers } from '../../db/schema';
import { defineJob } from '../../queue/job';
import { clientForChannel } from '../channels/channel-client';
import { applyEarlyStatuses } from './apply-status';

/** Sends a conversation's pending outbound messages, oldest first, one conversation at a time. */
export const sendPendingMessagesJob = defineJob({
  name: 'outbox.send',
  schema: z.object({ conversationId: z.string() }),
  ordering: 'drain-per-key',
  retryLimit: 8,
  retryDelaySeconds: 2,
  retryBackoff: true,
});

/** Downloads an inbound message's media through the Media API into local storage. */
export const downloadInboundMediaJob = defineJob({
  name: 'media.download',
  schema: z.object({ messageId: z.string() }),
  retryLimit: 5,
  retryDelaySeconds: 5,
});

/** Tells WhatsApp the business read a customer's message (blue ticks on their phone). */
export const markReadJob = defineJob({
  name: 'outbox.mark-read',
  schema: z.object({ messageId: z.string() }),
  retryLimit: 3,
});

const FREE_FORM_WINDOW_REASON = {
  code: 131047,
  title: 'Not sent: the 24-hour window is closed',
  message:
    'The customer has not written in the last 24 hours, so WhatsApp only accepts template messages now.',
};

async function loadRoute(ctx: AppContext, conversationId: string) {
  const [row] = await ctx.db
    .select({ conversation: conversations, subscriber: subscribers, channel: channels })
    .from(conversations)
    .innerJoin(subscribers, eq(subscribers.id, conversations.subscriberId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(eq(conversations.id, conversationId));
  return row;
}

export async function registerOutboxWorkers(ctx: AppContext): Promise<void> {
  await ctx.queue.work(sendPendingMessagesJob, async ({ conversationId }) => {
    const route = await loadRoute(ctx, conversationId);
    if (!route) return;
    const client = clientForChannel(ctx, route.channel);
    for (;;) {
      const [message] = await ctx.db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.status, 'pending')))
        .orderBy(asc(messages.createdAt), asc(messages.id))
        .limit(1);
      if (!message) return;
      const content = message.content as Record<string, unknown>;
      const windowOpen = (route.subscriber.windowExpiresAt?.getTime() ?? 0) > ctx.now().getTime();
      if (!windowOpen && message.type !== 'template') {
        await settle(ctx, message, { status: 'failed', failedAt: ctx.now(), error: FREE_FORM_WINDOW_REASON });
        continue;
      }
      try {
        const answer = await client.sendMessage(route.channel.phoneNumberId, {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: route.subscriber.waId,
          ...content,
          ...(message.contextWamid ? { context: { message_id: message.contextWamid } } : {}),
        } as never);
        await settle(ctx, message, { status: 'accepted', wamid: answer.messages[0]?.id ?? null });
      } catch (error) {
        if (isRetryable(error)) throw error; // the job retries with backoff; later messages wait, keeping order
        const code = error instanceof CloudApiError ? (error.code ?? 0) : 0;
        await settle(ctx, message, {
          status: 'failed',
          failedAt: ctx.now(),
          error: {
            code,
            title: error instanceof CloudApiError ? (error.title ?? 'Refused by WhatsApp') : 'Not sent',
            message:
              lookupCloudApiError(code)?.explanation ??
              (error instanceof Error ? error.message : String(error)),
            ...(error instanceof CloudApiError && error.details ? { details: error.details } : {}),
          },
        });
      }
    }
  });

  await ctx.queue.work(downloadInboundMediaJob, async ({ messageId }) => {
    const [row] = await ctx.db
      .select({ message: messages, channel: channels })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(eq(messages.id, messageId));
    if (!row || row.message.mediaPath) return;
    const content = row.message.content as Record<string, { id?: string; mime_type?: string } | undefined>;
    const mediaId = content[row.message.type]?.id;
    if (!mediaId) return;
    const client = clientForChannel(ctx, row.channel);
    const media = await client.getMedia(mediaId);
    const file = await client.downloadMedia(media.url);
    const mediaPath = await ctx.media.save(row.message.workspaceId, row.message.id, file.data);
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(messages)
        .set({ mediaPath, mediaMimeType: file.mimeType || media.mime_type })
        .where(eq(messages.id, messageId));
      await ctx.realtime.publish(tx, {
        workspaceId: row.message.workspaceId,
        type: 'message.updated',
        conversationId: row.message.conversationId,
        messageId,
      });
    });
  });

  await ctx.queue.work(markReadJob, async ({ messageId }) => {
    const [row] = await ctx.db
      .select({ wamid: messages.wamid, channel: channels })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(eq(messages.id, messageId));
    if (!row?.wamid) return;
    await clientForChannel(ctx, row.channel).markAsRead(row.channel.phoneNumberId, row.wamid);
  });
}

async function settle(
  ctx: AppContext,
  message: typeof messages.$inferSelect,
  changes: Partial<typeof messages.$inferInsert>,
) {
  await ctx.db.transaction(async (tx) => {
    await tx.update(messages).set(changes).where(eq(messages.id, message.id));
    // Statuses may have arrived before this answer: apply them now.
    if (changes.wamid) await applyEarlyStatuses(tx, changes.wamid);
    await ctx.realtime.publish(tx, {
      workspaceId: message.workspaceId,
      type: 'message.updated',
      conversationId: message.conversationId,
      messageId: message.id,
    });
  });
}
