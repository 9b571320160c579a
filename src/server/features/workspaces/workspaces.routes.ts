import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { memberships, users, workspaces } from '../../db/schema';
import { memberRoles } from '../../db/tables/workspaces';
import { userOf, workspaceOf } from '../../http/access';
import { badRequest, notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { createWorkspace } from '../auth/accounts.service';
import { nameSchema } from '../auth/auth.schemas';
import { provisionWorkspaceDefaults } from '../sandbox/workspace-defaults';

const tags = ['Workspaces'];
const workspaceParams = z.object({ wid: z.string() });
const memberParams = z.object({ wid: z.string(), userId: z.string() });
const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(memberRoles),
  joinedAt: z.string(),
});

export async function workspacesRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const memberRows = (workspaceId: string, userId?: string) =>
    ctx.db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(eq(memberships.workspaceId, workspaceId), userId ? eq(memberships.userId, userId) : undefined),
      )
      .orderBy(asc(memberships.createdAt))
      .then((rows) => rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() })));

  app.post(
    '/api/workspaces',
    {
      schema: {
        tags,
        summary: 'Create a workspace (you become its owner)',
        body: z.object({ name: nameSchema }),
        response: { 201: z.object({ id: z.string(), name: z.string(), role: z.literal('owner') }) },
      },
    },
    async (request, reply) => {
      const workspace = await createWorkspace(ctx.db, userOf(request).id, request.body.name);
      await provisionWorkspaceDefaults(ctx, workspace.id);
      reply.status(201);
      return { id: workspace.id, name: workspace.name, role: 'owner' as const };
    },
  );

  app.get(
    '/api/workspaces/:wid',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'A workspace',
        params: workspaceParams,
        response: { 200: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }) },
      },
    },
    async (request) => {
      const [row] = await ctx.db
        .select()
        .from(workspaces)
        .where(eq(workspaces.id, workspaceOf(request).id));
      if (!row) throw notFound('This workspace');
      return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
    },
  );

  app.patch(
    '/api/workspaces/:wid',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: 'Rename a workspace',
        params: workspaceParams,
        body: z.object({ name: nameSchema }),
      },
    },
    async (request) => {
      const [row] = await ctx.db
        .update(workspaces)
        .set({ name: request.body.name })
        .where(eq(workspaces.id, workspaceOf(request).id))
        .returning();
      return { id: row!.id, name: row!.name, createdAt: row!.createdAt.toISOString() };
    },
  );

  app.get(
    '/api/workspaces/:wid/members',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Members of the workspace',
        params: workspaceParams,
        response: { 200: z.object({ data: z.array(memberSchema) }) },
      },
    },
    async (request) => ({ data: await memberRows(workspaceOf(request).id) }),
  );

  app.patch(
    '/api/workspaces/:wid/members/:userId',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: "Change a member's role",
        params: memberParams,
        body: z.object({ role: z.enum(['admin', 'agent']) }),
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const [member] = await memberRows(workspaceId, request.params.userId);
      if (!member) throw notFound('This member');
      if (member.role === 'owner') throw badRequest("The owner's role cannot be changed.");
      await ctx.db
        .update(memberships)
        .set({ role: request.body.role })
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, member.userId)));
      return { ...member, role: request.body.role };
    },
  );

  app.delete(
    '/api/workspaces/:wid/members/:userId',
    {
      config: { access: 'admin-session' },
      schema: { tags, summary: 'Remove a member from the workspace', params: memberParams },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const [member] = await memberRows(workspaceId, request.params.userId);
      if (!member) throw notFound('This member');
      if (member.role === 'owner') throw badRequest('The owner cannot be removed from the workspace.');
      await ctx.db
        .delete(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, member.userId)));
      reply.status(204).send();
    },
  );
}
