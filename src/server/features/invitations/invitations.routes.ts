import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { invitations, memberships, users } from '../../db/schema';
import { userOf, workspaceOf } from '../../http/access';
import { AppError, conflict, forbidden, notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { newId, randomToken } from '../../ids';
import { sha256 } from '../../security/hashing';
import { createUser, findUserByEmail } from '../auth/accounts.service';
import { emailSchema, meSchema, nameSchema, passwordSchema } from '../auth/auth.schemas';
import { buildMe, startSession } from '../auth/sessions.service';
import { acceptInvitation, findPendingInvitation, INVITATION_TTL_DAYS } from './invitations.service';

const tags = ['Team'];
const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'agent']),
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.object({ name: z.string() }),
});

export async function invitationsRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const pendingFor = (workspaceId: string) =>
    ctx.db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        invitedByName: users.name,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.invitedBy))
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, ctx.now()),
        ),
      )
      .orderBy(desc(invitations.createdAt))
      .then((rows) =>
        rows.map(({ invitedByName, ...row }) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          invitedBy: { name: invitedByName },
        })),
      );

  app.get(
    '/api/workspaces/:wid/invitations',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: 'Pending invitations',
        params: z.object({ wid: z.string() }),
        response: { 200: z.object({ data: z.array(invitationSchema) }) },
      },
    },
    async (request) => ({ data: await pendingFor(workspaceOf(request).id) }),
  );

  app.post(
    '/api/workspaces/:wid/invitations',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: 'Invite someone by email; answers the link to send them (shown once)',
        params: z.object({ wid: z.string() }),
        body: z.object({ email: emailSchema, role: z.enum(['admin', 'agent']) }),
        response: { 201: z.object({ invitation: invitationSchema, acceptUrl: z.string() }) },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const { email, role } = request.body;
      const existing = await findUserByEmail(ctx.db, email);
      if (existing) {
        const [member] = await ctx.db
          .select()
          .from(memberships)
          .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, existing.id)));
        if (member) throw conflict(`${email} is already a member of this workspace.`);
      }
      const token = randomToken(32);
      const id = newId('inv');
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(invitations)
          .set({ revokedAt: ctx.now() })
          .where(
            and(
              eq(invitations.workspaceId, workspaceId),
              eq(invitations.email, email),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
            ),
          );
        await tx.insert(invitations).values({
          id,
          workspaceId,
          email,
          role,
          tokenHash: sha256(token),
          invitedBy: userOf(request).id,
          createdAt: ctx.now(),
          expiresAt: new Date(ctx.now().getTime() + INVITATION_TTL_DAYS * 86_400_000),
        });
      });
      const invitation = (await pendingFor(workspaceId)).find((row) => row.id === id)!;
      reply.status(201);
      return { invitation, acceptUrl: `${ctx.config.publicUrl}/invite/${token}` };
    },
  );

  app.delete(
    '/api/workspaces/:wid/invitations/:id',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: 'Revoke an invitation',
        params: z.object({ wid: z.string(), id: z.string() }),
      },
    },
    async (request, reply) => {
      const [row] = await ctx.db
        .update(invitations)
        .set({ revokedAt: ctx.now() })
        .where(
          and(
            eq(invitations.id, request.params.id),
            eq(invitations.workspaceId, workspaceOf(request).id),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      if (!row) throw notFound('This invitation');
      reply.status(204).send();
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link is for',
        params: z.object({ token: z.string() }),
        response: {
          200: z.object({
            workspaceName: z.string(),
            email: z.string(),
            role: z.enum(['admin', 'agent']),
            invitedBy: z.string(),
            accountExists: z.boolean(),
            signedInAs: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const invitation = await findPendingInvitation(ctx.db, request.params.token, ctx.now());
      if (!invitation) throw notFound('This invitation (it may have expired, been used or been revoked)');
      return {
        workspaceName: invitation.workspaceName,
        email: invitation.email,
        role: invitation.role,
        invitedBy: invitation.invitedBy,
        accountExists: Boolean(await findUserByEmail(ctx.db, invitation.email)),
        signedInAs: request.auth.user?.email ?? null,
      };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation (creates the account when there is none)',
        params: z.object({ token: z.string() }),
        body: z.object({ name: nameSchema.optional(), password: passwordSchema.optional() }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const invitation = await findPendingInvitation(ctx.db, request.params.token, ctx.now());
      if (!invitation) throw notFound('This invitation (it may have expired, been used or been revoked)');
      const signedIn = request.auth.user;
      if (signedIn) {
        if (signedIn.email !== invitation.email) {
          throw forbidden(
            `This invitation is for ${invitation.email}. Sign out and accept it as that person.`,
          );
        }
        await acceptInvitation(ctx.db, invitation, signedIn.id, ctx.now());
        return buildMe(ctx.db, signedIn, request.auth.session!.csrfToken);
      }
      if (await findUserByEmail(ctx.db, invitation.email)) {
        throw new AppError(
          'unauthorized',
          `An account for ${invitation.email} exists. Sign in first, then open the link again.`,
        );
      }
      const { name, password } = request.body;
      if (!name || !password)
        throw new AppError('validation_failed', 'Enter your name and a password to create your account.');
      const user = await ctx.db.transaction(async (tx) => {
        const created = await createUser(tx, { email: invitation.email, name, password });
        await acceptInvitation(tx, invitation, created.id, ctx.now());
        return created;
      });
      const csrfToken = await startSession(ctx, ctx.db, reply, user.id, {
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
      return buildMe(ctx.db, user, csrfToken);
    },
  );
}
