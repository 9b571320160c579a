import { z } from 'zod';
import type { AppContext } from '../../context';
import { userOf } from '../../http/access';
import { AppError, conflict } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { verifyPassword } from '../../security/hashing';
import { provisionWorkspaceDefaults } from '../sandbox/workspace-defaults';
import { countUsers, createFirstOwner, findUserByEmail } from './accounts.service';
import { loginBodySchema, meSchema, setupBodySchema } from './auth.schemas';
import { createLoginThrottle } from './login-throttle';
import { buildMe, endSession, startSession } from './sessions.service';

const tags = ['Account'];

export async function authRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const throttle = createLoginThrottle(ctx);

  app.get(
    '/api/setup/status',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether the first account still has to be created',
        response: { 200: z.object({ needsSetup: z.boolean() }) },
      },
    },
    async () => ({ needsSetup: (await countUsers(ctx.db)) === 0 }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create the owner account and first workspace (first run only)',
        body: setupBodySchema,
        response: { 201: meSchema },
      },
    },
    async (request, reply) => {
      const created = await createFirstOwner(ctx.db, request.body);
      if (!created) throw conflict('ChatSyncs is already set up. Sign in instead.');
      await provisionWorkspaceDefaults(ctx, created.workspace.id);
      const csrfToken = await startSession(ctx, ctx.db, reply, created.user.id, {
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
      reply.status(201);
      return buildMe(ctx.db, created.user, csrfToken);
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: loginBodySchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await throttle.assertAllowed(email, request.ip);
      const user = await findUserByEmail(ctx.db, email);
      const valid = user ? await verifyPassword(user.passwordHash, password) : false;
      if (!user || !valid) {
        await throttle.recordFailure(email, request.ip);
        throw new AppError('unauthorized', 'Email or password is incorrect.');
      }
      await throttle.clear(email);
      const csrfToken = await startSession(ctx, ctx.db, reply, user.id, {
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
      return buildMe(ctx.db, user, csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Sign out (ends this session)' } },
    async (request, reply) => {
      const session = request.auth.session;
      if (session) await endSession(ctx.db, reply, session.tokenHash);
      reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their workspaces and the CSRF token',
        response: { 200: meSchema },
      },
    },
    async (request) => buildMe(ctx.db, userOf(request), request.auth.session!.csrfToken),
  );
}
