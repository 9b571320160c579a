import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context';
import { channels, webhookEvents } from '../db/schema';
import { StatusForUnknownMessage } from '../features/inbox/apply-status';
import { EventRejected } from '../features/inbox/record-inbound-message';
import { defineJob } from '../queue/job';
import { applyEvent } from './apply-event';

/** Drains the stored, unprocessed events of one ordering key (a contact on a number), oldest first. */
export const processContactEventsJob = defineJob({
  name: 'webhook-events.process',
  schema: z.object({ key: z.string() }),
  ordering: 'drain-per-key',
  retryLimit: 12,
  retryDelaySeconds: 1,
  retryBackoff: true,
});

const MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS = 3;

export async function registerWebhookWorkers(ctx: AppContext): Promise<void> {
  await ctx.queue.work(processContactEventsJob, async ({ key }, job) => {
    for (;;) {
      const [event] = await ctx.db
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.orderingKey, key), isNull(webhookEvents.processedAt)))
        .orderBy(asc(webhookEvents.seq))
        .limit(1);
      if (!event) return;
      try {
        await ctx.db.transaction(async (tx) => {
          const notices = await applyEvent(ctx, tx, event, job.attempt);
          await tx
            .update(webhookEvents)
            .set({ processedAt: ctx.now() })
            .where(eq(webhookEvents.seq, event.seq));
          for (const notice of notices) await ctx.realtime.publish(tx, notice);
        });
      } catch (error) {
        const expected = error instanceof EventRejected;
        if (!expected && job.attempt < MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        job.log.warn({ seq: event.seq, reason }, 'webhook event could not be applied; kept with its reason');
        await ctx.db.transaction(async (tx) => {
          await tx
            .update(webhookEvents)
            .set({ processedAt: ctx.now(), processError: reason.slice(0, 2000) })
            .where(eq(webhookEvents.seq, event.seq));
          if (event.channelId && !(error instanceof StatusForUnknownMessage)) {
            await tx
              .update(channels)
              .set({ webhookProcessingErrors: sql`${channels.webhookProcessingErrors} + 1` })
              .where(eq(channels.id, event.channelId));
          }
        });
      }
    }
  });
}
