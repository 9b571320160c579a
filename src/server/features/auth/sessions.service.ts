import { asc, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/client';
import { memberships, sessions, workspaces } from '../../db/schema';
import { SESSION_COOKIE } from '../../http/access';
import { randomToken } from '../../ids';
import { sha256 } from '../../security/hashing';
import type { Me } from './auth.schemas';

/** Creates a server-side session and sets its HttpOnly cookie; returns the CSRF token for the client. */
export async function startSession(
  ctx: AppContext,
  db: DbOrTx,
  reply: FastifyReply,
  userId: string,
  client: { userAgent?: string; ip?: string },
): Promise<string> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.SESSION_TTL_HOURS * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    expiresAt,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    ip: client.ip ?? null,
  });
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https://'),
    path: '/',
    expires: expiresAt,
  });
  return csrfToken;
}

export async function endSession(db: DbOrTx, reply: FastifyReply, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function buildMe(
  db: DbOrTx,
  user: { id: string; email: string; name: string },
  csrfToken: string,
): Promise<Me> {
  const rows = await db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(workspaces.createdAt));
  return { user: { id: user.id, email: user.email, name: user.name }, workspaces: rows, csrfToken };
}
