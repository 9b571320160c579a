import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { apiKeys, memberships, sessions, users } from '../db/schema';
import type { MemberRole } from '../db/tables/workspaces';
import { safeEqual, sha256 } from '../security/hashing';
import { AppError, forbidden, notFound } from './errors';

/**
 * Who may call a route, declared in its `config.access`:
 * - public: anyone;
 * - user: a signed-in member (session cookie); the default for every /api route;
 * - member: a member of the workspace in the `:wid` path parameter, or one of its API keys;
 * - admin: an owner or admin of that workspace, or one of its API keys;
 * - admin-session: an owner or admin signed in (managing people and keys needs a person).
 */
export type Access = 'public' | 'user' | 'member' | 'admin' | 'admin-session';

export type AuthUser = { id: string; email: string; name: string };
export type Auth = {
  user?: AuthUser;
  session?: { tokenHash: string; csrfToken: string };
  apiKey?: { id: string; workspaceId: string };
  workspace?: { id: string; role: MemberRole | 'api' };
};

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const SESSION_COOKIE = 'cs_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function authenticate(db: Db, request: FastifyRequest): Promise<Auth> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const secret = header.slice(7).trim();
    const [key] = await db
      .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, sha256(secret)), isNull(apiKeys.revokedAt)));
    if (!key) throw new AppError('unauthorized', 'This API key is not valid or has been revoked.');
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
      await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id));
    }
    return { apiKey: { id: key.id, workspaceId: key.workspaceId } };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return {};
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ csrfToken: sessions.csrfToken, id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  if (!row) return {};
  return {
    user: { id: row.id, email: row.email, name: row.name },
    session: { tokenHash, csrfToken: row.csrfToken },
  };
}

async function resolveWorkspace(db: Db, auth: Auth, workspaceId: string): Promise<Auth['workspace']> {
  if (auth.apiKey)
    return auth.apiKey.workspaceId === workspaceId ? { id: workspaceId, role: 'api' } : undefined;
  if (!auth.user) return undefined;
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, auth.user.id)));
  return membership ? { id: workspaceId, role: membership.role } : undefined;
}

/** Authenticates every request and enforces each route's declared access and CSRF protection. */
export function registerAccessControl(app: FastifyInstance, db: Db): void {
  app.decorateRequest('auth', null as unknown as Auth);
  app.addHook('onRequest', async (request) => {
    request.auth = {};
    const url = request.routeOptions.url ?? '';
    const access =
      request.routeOptions.config.access ??
      (url.startsWith('/api') && !url.startsWith('/api/docs') ? 'user' : 'public');
    if (access === 'public') {
      if (request.headers.authorization || request.cookies[SESSION_COOKIE]) {
        request.auth = await authenticate(db, request).catch(() => ({}));
      }
      return;
    }
    const auth = await authenticate(db, request);
    request.auth = auth;
    if (!auth.user && !auth.apiKey) throw new AppError('unauthorized', 'Sign in to continue.');
    if (auth.session && unsafeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, auth.session.csrfToken)) {
        throw new AppError(
          'csrf_failed',
          'This request is missing its security token. Reload the page and try again.',
        );
      }
    }
    if (access === 'user') {
      if (!auth.user)
        throw new AppError('unauthorized', 'This route needs a signed-in user, not an API key.');
      return;
    }
    const workspaceId = (request.params as { wid?: string }).wid;
    if (!workspaceId) throw new Error(`Route ${url} declares access "${access}" but has no :wid parameter`);
    const workspace = await resolveWorkspace(db, auth, workspaceId);
    if (!workspace) throw notFound('This workspace');
    auth.workspace = workspace;
    if (access === 'admin' && workspace.role === 'agent') throw forbidden();
    if (access === 'admin-session') {
      if (workspace.role === 'api')
        throw forbidden('Managing people and API keys needs a signed-in admin, not an API key.');
      if (workspace.role === 'agent') throw forbidden();
    }
  });
}

/** The workspace a scoped route runs in (set by access control). */
export function workspaceOf(request: FastifyRequest): { id: string; role: MemberRole | 'api' } {
  const workspace = request.auth.workspace;
  if (!workspace) throw new Error('workspaceOf() called on a route without workspace access');
  return workspace;
}

export function userOf(request: FastifyRequest): AuthUser {
  const user = request.auth.user;
  if (!user) throw new AppError('unauthorized', 'Sign in to continue.');
  return user;
}
