import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { savedReplies } from '../../db/schema';
import { workspaceOf } from '../../http/access';
import { conflict, notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { newId } from '../../ids';

const tags = ['Inbox'];
const savedReplySchema = z.object({ id: z.string(), shortcut: z.string(), text: z.string() });

export async function savedRepliesRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/workspaces/:wid/saved-replies',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Saved replies',
        params: z.object({ wid: z.string() }),
        response: { 200: z.object({ data: z.array(savedReplySchema) }) },
      },
    },
    async (request) => ({
      data: await ctx.db
        .select({ id: savedReplies.id, shortcut: savedReplies.shortcut, text: savedReplies.text })
        .from(savedReplies)
        .where(eq(savedReplies.workspaceId, workspaceOf(request).id))
        .orderBy(asc(savedReplies.shortcut)),
    }),
  );

  app.post(
    '/api/workspaces/:wid/saved-replies',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Create a saved reply',
        params: z.object({ wid: z.string() }),
        body: z.object({
          shortcut: z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9_-]{1,32}$/, 'Use 1–32 letters, digits, - or _'),
          text: z.string().trim().min(1).max(4096),
        }),
        response: { 201: savedReplySchema },
      },
    },
    async (request, reply) => {
      const [row] = await ctx.db
        .insert(savedReplies)
        .values({ id: newId('srp'), workspaceId: workspaceOf(request).id, ...request.body })
        .onConflictDoNothing()
        .returning({ id: savedReplies.id, shortcut: savedReplies.shortcut, text: savedReplies.text });
      if (!row) throw conflict(`A saved reply with the shortcut /${request.body.shortcut} already exists.`);
      reply.status(201);
      return row;
    },
  );

  app.delete(
    '/api/workspaces/:wid/saved-replies/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Delete a saved reply',
        params: z.object({ wid: z.string(), id: z.string() }),
      },
    },
    async (request, reply) => {
      const [row] = await ctx.db
        .delete(savedReplies)
        .where(
          and(eq(savedReplies.id, request.params.id), eq(savedReplies.workspaceId, workspaceOf(request).id)),
        )
        .returning({ id: savedReplies.id });
      if (!row) throw notFound('This saved reply');
      reply.status(204).send();
    },
  );
}
