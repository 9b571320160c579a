import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../../../whatsapp';
import type { AppContext } from '../../context';
import { messages, users } from '../../db/schema';
import { workspaceOf } from '../../http/access';
import { notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { conversationMessageSchema, toConversationMessages } from './message-view';
import { queueOutbound, requireOpenConversation } from './outbound.service';

const tags = ['Inbox'];
const params = z.object({ wid: z.string(), id: z.string() });

export async function messagesRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/workspaces/:wid/conversations/:id/messages',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Messages of a conversation, oldest first, with reactions folded into their targets',
        params,
        querystring: z.object({
          before: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ data: z.array(conversationMessageSchema), hasMore: z.boolean() }) },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const conversation = await requireOpenConversation(ctx, workspaceId, request.params.id, {
        allowClosedWindow: true,
      });
      let before: typeof messages.$inferSelect | undefined;
      if (request.query.before) {
        [before] = await ctx.db
          .select()
          .from(messages)
          .where(and(eq(messages.id, request.query.before), eq(messages.conversationId, conversation.id)));
      }
      const rows = await ctx.db
        .select({ message: messages, sentByName: users.name })
        .from(messages)
        .leftJoin(users, eq(users.id, messages.sentById))
        .where(
          and(
            eq(messages.conversationId, conversation.id),
            before
              ? or(
                  lt(messages.createdAt, before.createdAt),
                  and(eq(messages.createdAt, before.createdAt), lt(messages.id, before.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(request.query.limit + 1);
      const page = rows.slice(0, request.query.limit).reverse();
      // Quoted messages and reaction targets outside this page.
      const wamids = page
        .flatMap(({ message }) => [
          message.contextWamid,
          ...(message.type === 'reaction' ? [(message.content as any)?.reaction?.message_id] : []),
        ])
        .filter(Boolean) as string[];
      const referenced =
        wamids.length > 0
          ? await ctx.db
              .select()
              .from(messages)
              .where(and(eq(messages.conversationId, conversation.id), inArray(messages.wamid, wamids)))
              .orderBy(asc(messages.createdAt))
          : [];
      return { data: toConversationMessages(page, referenced), hasMore: rows.length > request.query.limit };
    },
  );

  app.post(
    '/api/workspaces/:wid/conversations/:id/messages',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Send a text message (inside the 24-hour window)',
        params,
        body: z.object({
          text: z.string().trim().min(1, 'Write a message first').max(CLOUD_API_LIMITS.textBody),
          replyToMessageId: z.string().optional(),
        }),
        response: { 201: conversationMessageSchema },
      },
    },
    async (request, reply) => {
      const message = await queueOutbound(
        ctx,
        workspaceOf(request).id,
        request.params.id,
        request.auth.user?.id ?? null,
        {
          type: 'text',
          content: {
            type: 'text',
            text: { body: request.body.text, preview_url: /https?:\/\//.test(request.body.text) },
          },
          replyToMessageId: request.body.replyToMessageId,
        },
      );
      reply.status(201);
      return message;
    },
  );

  app.post(
    '/api/workspaces/:wid/conversations/:id/notes',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Add an internal note (never sent to the customer)',
        params,
        body: z.object({ text: z.string().trim().min(1).max(4096) }),
        response: { 201: conversationMessageSchema },
      },
    },
    async (request, reply) => {
      const message = await queueOutbound(
        ctx,
        workspaceOf(request).id,
        request.params.id,
        request.auth.user?.id ?? null,
        { type: 'note', content: { text: { body: request.body.text } } },
      );
      reply.status(201);
      return message;
    },
  );

  app.post(
    '/api/workspaces/:wid/conversations/:id/reactions',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'React to a message with an emoji (empty emoji removes the reaction)',
        params,
        body: z.object({ messageId: z.string(), emoji: z.string().max(16) }),
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const [target] = await ctx.db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.id, request.body.messageId),
            eq(messages.workspaceId, workspaceId),
            eq(messages.conversationId, request.params.id),
          ),
        );
      if (!target?.wamid) throw notFound('This message');
      await queueOutbound(ctx, workspaceId, request.params.id, request.auth.user?.id ?? null, {
        type: 'reaction',
        content: { type: 'reaction', reaction: { message_id: target.wamid, emoji: request.body.emoji } },
      });
      reply.status(204).send();
    },
  );

  app.get(
    '/api/workspaces/:wid/messages/:messageId/media',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "A message's photo, video, audio or document",
        params: z.object({ wid: z.string(), messageId: z.string() }),
      },
    },
    async (request, reply) => {
      const [message] = await ctx.db
        .select()
        .from(messages)
        .where(
          and(eq(messages.id, request.params.messageId), eq(messages.workspaceId, workspaceOf(request).id)),
        );
      if (!message?.mediaPath) throw notFound('The media of this message (it may still be downloading)');
      const data = await ctx.media.read(message.mediaPath);
      return reply
        .type(message.mediaMimeType ?? 'application/octet-stream')
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(data);
    },
  );
}
