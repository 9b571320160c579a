import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { apiKeys, users } from '../../db/schema';
import { userOf, workspaceOf } from '../../http/access';
import { notFound } from '../../http/errors';
import type { ZodApp } from '../../http/zod-app';
import { newId, randomToken } from '../../ids';
import { sha256 } from '../../security/hashing';
import { nameSchema } from '../auth/auth.schemas';

const tags = ['API keys'];
const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.object({ name: z.string() }),
});

/** Workspace API keys: `csk_` + 43 random characters, stored as a SHA-256 hash, shown once. */
export async function apiKeysRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const keysOf = (workspaceId: string, id?: string) =>
    ctx.db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
        createdByName: users.name,
      })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.createdBy))
      .where(and(eq(apiKeys.workspaceId, workspaceId), id ? eq(apiKeys.id, id) : undefined))
      .orderBy(desc(apiKeys.createdAt))
      .then((rows) =>
        rows.map(({ createdByName, ...row }) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
          revokedAt: row.revokedAt?.toISOString() ?? null,
          createdBy: { name: createdByName },
        })),
      );

  app.get(
    '/api/workspaces/:wid/api-keys',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: 'API keys of the workspace',
        params: z.object({ wid: z.string() }),
        response: { 200: z.object({ data: z.array(apiKeySchema) }) },
      },
    },
    async (request) => ({ data: await keysOf(workspaceOf(request).id) }),
  );

  app.post(
    '/api/workspaces/:wid/api-keys',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: 'Create an API key; the secret is in this answer only',
        params: z.object({ wid: z.string() }),
        body: z.object({ name: nameSchema }),
        response: { 201: z.object({ apiKey: apiKeySchema, secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const secret = `csk_${randomToken(32)}`;
      const id = newId('key');
      await ctx.db.insert(apiKeys).values({
        id,
        workspaceId,
        name: request.body.name,
        prefix: secret.slice(0, 12),
        keyHash: sha256(secret),
        createdBy: userOf(request).id,
        createdAt: ctx.now(),
      });
      const [apiKey] = await keysOf(workspaceId, id);
      reply.status(201);
      return { apiKey: apiKey!, secret };
    },
  );

  app.delete(
    '/api/workspaces/:wid/api-keys/:id',
    {
      config: { access: 'admin-session' },
      schema: {
        tags,
        summary: 'Revoke an API key (it stops working at once)',
        params: z.object({ wid: z.string(), id: z.string() }),
      },
    },
    async (request, reply) => {
      const [row] = await ctx.db
        .update(apiKeys)
        .set({ revokedAt: ctx.now() })
        .where(
          and(
            eq(apiKeys.id, request.params.id),
            eq(apiKeys.workspaceId, workspaceOf(request).id),
            isNull(apiKeys.revokedAt),
          ),
        )
        .returning({ id: apiKeys.id });
      if (!row) throw notFound('This API key');
      reply.status(204).send();
    },
  );
}
