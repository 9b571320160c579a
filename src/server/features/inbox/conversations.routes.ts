import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { conversations, memberships, messages } from '../../db/schema';
import { workspaceOf } from '../../http/access';
import { AppError, notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import {
  conversationFiltersSchema,
  conversationSummarySchema,
  getConversation,
  listConversations,
} from './conversations.query';
import { markReadJob } from './outbox.jobs';

const tags = ['Inbox'];
const params = z.object({ wid: z.string(), id: z.string() });

export async function conversationsRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const openStreams = new Set<() => void>();
  // Live streams never finish on their own: end them when the server shuts down.
  app.addHook('preClose', async () => {
    for (const end of openStreams) end();
  });
  const summaryOr404 = async (workspaceId: string, id: string) => {
    const summary = await getConversation(ctx.db, workspaceId, id, ctx.now());
    if (!summary) throw notFound('This conversation');
    return summary;
  };

  app.get(
    '/api/workspaces/:wid/conversations',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Conversations, newest activity first',
        params: z.object({ wid: z.string() }),
        querystring: conversationFiltersSchema,
        response: {
          200: z.object({ data: z.array(conversationSummarySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request) =>
      listConversations(ctx.db, workspaceOf(request).id, request.auth.user?.id, request.query, ctx.now()),
  );

  app.get(
    '/api/workspaces/:wid/conversations/:id',
    {
      config: { access: 'member' },
      schema: { tags, summary: 'One conversation', params, response: { 200: conversationSummarySchema } },
    },
    async (request) => summaryOr404(workspaceOf(request).id, request.params.id),
  );

  app.patch(
    '/api/workspaces/:wid/conversations/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Open or close, assign, pause or resume the bot (human handoff)',
        params,
        body: z.object({
          status: z.enum(['open', 'closed']).optional(),
          assigneeId: z.string().nullable().optional(),
          botPaused: z.boolean().optional(),
        }),
        response: { 200: conversationSummarySchema },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      await summaryOr404(workspaceId, request.params.id);
      const { assigneeId, ...rest } = request.body;
      if (assigneeId) {
        const [member] = await ctx.db
          .select()
          .from(memberships)
          .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, assigneeId)));
        if (!member)
          throw new AppError(
            'validation_failed',
            'Conversations can only be assigned to members of this workspace.',
          );
      }
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(conversations)
          .set({ ...rest, ...(assigneeId !== undefined ? { assigneeId } : {}) })
          .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, request.params.id)));
        await ctx.realtime.publish(tx, {
          workspaceId,
          type: 'conversation.updated',
          conversationId: request.params.id,
        });
      });
      return summaryOr404(workspaceId, request.params.id);
    },
  );

  app.post(
    '/api/workspaces/:wid/conversations/:id/read',
    {
      config: { access: 'member' },
      schema: { tags, summary: 'Mark the conversation read (and tell the customer with blue ticks)', params },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const summary = await summaryOr404(workspaceId, request.params.id);
      if (summary.unreadCount > 0) {
        const [lastInbound] = await ctx.db
          .select({ id: messages.id })
          .from(messages)
          .where(and(eq(messages.conversationId, summary.id), eq(messages.direction, 'in')))
          .orderBy(desc(messages.createdAt))
          .limit(1);
        await ctx.db.transaction(async (tx) => {
          await tx.update(conversations).set({ unreadCount: 0 }).where(eq(conversations.id, summary.id));
          if (lastInbound) await ctx.queue.enqueue(markReadJob, { messageId: lastInbound.id }, { tx });
          await ctx.realtime.publish(tx, {
            workspaceId,
            type: 'conversation.updated',
            conversationId: summary.id,
          });
        });
      }
      reply.status(204).send();
    },
  );

  app.get(
    '/api/workspaces/:wid/events',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Live updates (Server-Sent Events): message.created, message.updated, conversation.updated',
        params: z.object({ wid: z.string() }),
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n\n');
      const unsubscribe = ctx.realtime.subscribe(workspaceId, (event) => {
        raw.write(
          `event: ${event.type}\ndata: ${JSON.stringify({ conversationId: event.conversationId, messageId: event.messageId })}\n\n`,
        );
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 25_000);
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        openStreams.delete(end);
      };
      const end = () => {
        stop();
        raw.end();
      };
      openStreams.add(end);
      request.raw.on('close', stop);
    },
  );
}
