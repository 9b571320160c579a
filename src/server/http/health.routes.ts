import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context';
import type { ZodApp } from './zod-app';

const checkSchema = z.object({
  status: z.enum(['ok', 'fail']),
  database: z.enum(['ok', 'fail']),
  queue: z.enum(['ok', 'fail']),
});

/** `/healthz`: the process is alive. `/readyz`: the database and the queue answer. */
export async function healthRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['Health'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Health'],
        summary: 'Readiness: database and queue reachable',
        response: { 200: checkSchema, 503: checkSchema },
      },
    },
    async (_request, reply) => {
      const database = await ctx.db
        .execute(sql`select 1`)
        .then(() => 'ok' as const)
        .catch(() => 'fail' as const);
      const queue = await ctx.queue
        .ping()
        .then(() => 'ok' as const)
        .catch(() => 'fail' as const);
      const status: 'ok' | 'fail' = database === 'ok' && queue === 'ok' ? 'ok' : 'fail';
      return reply.status(status === 'ok' ? 200 : 503).send({ status, database, queue });
    },
  );
}
