import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { webhookEvents } from '../db/schema';
import type { ChannelDirectory } from './channel-directory';
import { processContactEventsJob } from './process-events.jobs';
import type { IngestEvent } from './split-envelope';

/** The queue key that orders an event: its contact on its number, or the number (or WABA) itself. */
export function orderingKey(channelId: string | null, event: IngestEvent): string {
  return `${channelId ?? `waba:${event.wabaId ?? 'unknown'}`}:${event.contactWaId ?? '-'}`;
}

/**
 * Writes one batch of events in one transaction: insert (a duplicate dedupe key is skipped), enqueue
 * one drain job per ordering key that got new events, and note when each number last heard from Meta.
 * The caller answers 200 only after this commits.
 */
export async function writeEventBatch(
  ctx: AppContext,
  directory: ChannelDirectory,
  events: IngestEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows: Array<
    Omit<typeof webhookEvents.$inferInsert, 'orderingKey'> & { key: string; channelId: string | null }
  > = [];
  for (const event of events) {
    const channel = event.phoneNumberId ? await directory.byPhoneNumberId(event.phoneNumberId) : undefined;
    const byWaba =
      !channel && event.wabaId ? (await directory.all()).find((c) => c.wabaId === event.wabaId) : undefined;
    const owner = channel ?? byWaba;
    rows.push({
      dedupeKey: event.dedupeKey,
      kind: event.kind,
      channelId: channel?.id ?? null,
      workspaceId: owner?.workspaceId ?? null,
      phoneNumberId: event.phoneNumberId,
      contactWaId: event.contactWaId,
      payload: event.payload,
      key: orderingKey(channel?.id ?? null, event),
    });
  }
  await ctx.db.transaction(async (tx) => {
    // One statement over arrays (unnest): much cheaper to build and parse than thousands of
    // individual bind parameters (measured 3–4x faster per batch than the query builder).
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
    const result = await tx.execute(sql`
      insert into webhook_events (dedupe_key, kind, channel_id, workspace_id, phone_number_id, contact_wa_id, ordering_key, payload)
      select * from unnest(
        ${column((r) => r.dedupeKey)}::text[], ${column((r) => r.kind)}::text[], ${column((r) => r.channelId)}::text[],
        ${column((r) => r.workspaceId ?? null)}::text[], ${column((r) => r.phoneNumberId ?? null)}::text[],
        ${column((r) => r.contactWaId ?? null)}::text[], ${column((r) => r.key)}::text[],
        ${column((r) => JSON.stringify(r.payload))}::jsonb[])
      on conflict (dedupe_key) do nothing
      returning dedupe_key`);
    const inserted = (result as unknown as { rows: Array<{ dedupe_key: string }> }).rows.map((row) => ({
      dedupeKey: row.dedupe_key,
    }));
    const fresh = new Set(inserted.map((row) => row.dedupeKey));
    const keys = [...new Set(rows.filter((row) => fresh.has(row.dedupeKey)).map((row) => row.key))];
    await ctx.queue.enqueueMany(
      processContactEventsJob,
      keys.map((key) => ({ data: { key }, key })),
      { tx },
    );
    const channelIds = [
      ...new Set(rows.map((row) => row.channelId).filter((id): id is string => id !== null)),
    ];
    if (channelIds.length > 0) {
      await tx.execute(
        sql`update channels set last_webhook_at = now() where id in (${sql.join(
          channelIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    }
  });
}
