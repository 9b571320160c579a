import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import type { Database, DbOrTx } from '../db/client';

const CHANNEL = 'chatsyncs_events';

/** What the dashboard is told about, live. Small on purpose: clients re-read what changed. */
export const realtimeEventSchema = z.object({
  workspaceId: z.string(),
  type: z.enum(['message.created', 'message.updated', 'conversation.updated']),
  conversationId: z.string().optional(),
  messageId: z.string().optional(),
});
export type RealtimeEvent = z.infer<typeof realtimeEventSchema>;

/**
 * Live updates across processes through PostgreSQL LISTEN/NOTIFY (PGlite delivers its NOTIFY
 * in-process). `publish` takes the transaction that made the change, so listeners hear of it only
 * once it is committed.
 */
export type RealtimeBus = {
  publish(db: DbOrTx, event: RealtimeEvent): Promise<void>;
  subscribe(workspaceId: string, listener: (event: RealtimeEvent) => void): () => void;
  close(): Promise<void>;
};

export async function startRealtimeBus(database: Database): Promise<RealtimeBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const deliver = (payload: string) => {
    try {
      const event = realtimeEventSchema.parse(JSON.parse(payload));
      emitter.emit(event.workspaceId, event);
    } catch {
      /* not ours */
    }
  };
  let stopListening: () => Promise<void>;
  if (database.kind === 'pglite') {
    const unsubscribe = await database.pglite.listen(CHANNEL, deliver);
    stopListening = unsubscribe;
  } else {
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => {});
    await client.connect();
    client.on('notification', (message) => message.payload && deliver(message.payload));
    await client.query(`listen ${CHANNEL}`);
    stopListening = () => client.end();
  }
  return {
    async publish(db, event) {
      await db.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`);
    },
    subscribe(workspaceId, listener) {
      emitter.on(workspaceId, listener);
      return () => emitter.off(workspaceId, listener);
    },
    async close() {
      emitter.removeAllListeners();
      await stopListening();
    },
  };
}
