import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { createTestDatabase, testDatabaseKind } from '../testing/test-database';
import { defineJob } from './job';
import { type Queue, startQueue } from './queue';

const log = pino({ level: 'silent' });

describe(`queue on ${testDatabaseKind}`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let queue: Queue;

  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
    queue = await startQueue(database, log, { concurrency: 2 });
  });
  afterAll(async () => {
    await queue?.stop(5);
    await drop?.();
  });

  function collector<T>() {
    const seen: T[] = [];
    const waiters: Array<() => void> = [];
    return {
      seen,
      push(value: T) {
        seen.push(value);
        for (const wake of waiters.splice(0)) wake();
      },
      async waitFor(count: number, timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs;
        while (seen.length < count) {
          if (Date.now() > deadline) throw new Error(`timed out with ${seen.length}/${count}`);
          await new Promise<void>((resolve) => {
            waiters.push(resolve);
            setTimeout(resolve, 100);
          });
        }
      },
    };
  }

  it('runs an enqueued job with its validated payload', async () => {
    const job = defineJob({ name: 'test-basic', schema: z.object({ n: z.number() }) });
    const got = collector<number>();
    await queue.work(job, async (data) => got.push(data.n));
    await queue.enqueue(job, { n: 1 });
    await queue.enqueue(job, { n: 2 });
    await got.waitFor(2);
    expect(got.seen.sort()).toEqual([1, 2]);
  });

  it('refuses a payload that does not match the schema at enqueue time', async () => {
    const job = defineJob({ name: 'test-invalid', schema: z.object({ n: z.number() }) });
    await expect(queue.enqueue(job, { n: 'x' } as unknown as { n: number })).rejects.toThrow();
  });

  it('retries a failing job until it succeeds', async () => {
    const job = defineJob({
      name: 'test-retry',
      schema: z.object({}),
      retryLimit: 3,
      retryDelaySeconds: 1,
      retryBackoff: false,
    });
    const attempts = collector<number>();
    await queue.work(job, async (_data, context) => {
      attempts.push(context.attempt);
      if (context.attempt < 3) throw new Error('not yet');
    });
    await queue.enqueue(job, {});
    await attempts.waitFor(3, 25_000);
    expect(attempts.seen).toEqual([1, 2, 3]);
  });

  it('delays a job until its start time', async () => {
    const job = defineJob({ name: 'test-delay', schema: z.object({}) });
    const ran = collector<number>();
    await queue.work(job, async () => ran.push(Date.now()));
    const enqueuedAt = Date.now();
    await queue.enqueue(job, {}, { startAfter: 2 });
    await ran.waitFor(1);
    expect(ran.seen[0]! - enqueuedAt).toBeGreaterThanOrEqual(1900);
  });

  it('enqueues inside a transaction: a rolled-back transaction leaves no job', async () => {
    const job = defineJob({ name: 'test-tx', schema: z.object({ label: z.string() }) });
    const got = collector<string>();
    await queue.work(job, async (data) => got.push(data.label));
    await database.db
      .transaction(async (tx) => {
        await tx
          .insert(users)
          .values({ id: 'usr_rollback', email: 'r@example.com', name: 'R', passwordHash: 'x' });
        await queue.enqueue(job, { label: 'rolled-back' }, { tx });
        throw new Error('abort');
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => {
      await tx
        .insert(users)
        .values({ id: 'usr_commit', email: 'c@example.com', name: 'C', passwordHash: 'x' });
      await queue.enqueue(job, { label: 'committed' }, { tx });
    });
    await got.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(got.seen).toEqual(['committed']);
    const rows = await database.db.execute(sql`select id from users where id like 'usr_%' order by id`);
    expect((rows as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id)).toEqual([
      'usr_commit',
    ]);
  });

  it('answers ping', async () => {
    expect(await queue.ping()).toBe(true);
  });
});

describe(`queue ordering on ${testDatabaseKind}`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let queue: Queue;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
    queue = await startQueue(database, log, { concurrency: 4 });
  });
  afterAll(async () => {
    await queue?.stop(5);
    await drop?.();
  });

  it('runs drain-per-key jobs one at a time per key and keys in parallel, draining pending work in order', async () => {
    const job = defineJob({
      name: 'test-drain',
      schema: z.object({ key: z.string() }),
      ordering: 'drain-per-key',
    });
    const pending: Record<string, number[]> = { a: [], b: [] };
    const done: Record<string, number[]> = { a: [], b: [] };
    const running: Record<string, number> = { a: 0, b: 0 };
    let overlap = false;
    let parallel = false;
    await queue.work(job, async ({ key }) => {
      running[key]! += 1;
      if (running[key]! > 1) overlap = true;
      if (running.a! > 0 && running.b! > 0) parallel = true;
      while (pending[key]!.length > 0) {
        const n = pending[key]!.shift()!;
        await new Promise((resolve) => setTimeout(resolve, 20));
        done[key]!.push(n);
      }
      running[key]! -= 1;
    });
    for (let n = 0; n < 12; n++) {
      const key = n % 2 ? 'a' : 'b';
      pending[key]!.push(n);
      await queue.enqueue(job, { key }, { key });
      if (n === 5) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const deadline = Date.now() + 20_000;
    while (done.a!.length + done.b!.length < 12 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(done.a).toEqual([1, 3, 5, 7, 9, 11]);
    expect(done.b).toEqual([0, 2, 4, 6, 8, 10]);
    expect(overlap).toBe(false);
    expect(parallel).toBe(true);
  });
});
