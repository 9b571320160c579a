import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, DbOrTx } from '../db/client';
import type { JobDefinition } from './job';

export type EnqueueOptions = {
  /** Run no earlier than this date, or after this many seconds. */
  startAfter?: Date | number;
  /** The key of a `drain-per-key` job; on other jobs, at most one queued job per key. */
  key?: string;
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: DbOrTx;
};

export type JobContext = { jobId: string; attempt: number; log: Logger; signal: AbortSignal };
export type JobHandler<T> = (data: T, context: JobContext) => Promise<void>;

/** The small queue interface every feature uses; pg-boss on PGlite or PostgreSQL behind it. */
export interface Queue {
  /** Creates the queues of these jobs (at start: a queue cannot be created inside a transaction on PGlite). */
  declare(jobs: Array<JobDefinition<any>>): Promise<void>;
  enqueue<T>(job: JobDefinition<T>, data: T, options?: EnqueueOptions): Promise<string | null>;
  /** Many jobs in one statement (e.g. a batch of webhook events), optionally inside a transaction. */
  enqueueMany<T>(
    job: JobDefinition<T>,
    items: Array<{ data: T; key?: string }>,
    options?: { tx?: DbOrTx },
  ): Promise<void>;
  work<T>(job: JobDefinition<T>, handler: JobHandler<T>, options?: { concurrency?: number }): Promise<void>;
  /** True when the queue's tables answer. */
  ping(): Promise<boolean>;
  /** Stops fetching new jobs and waits (up to the timeout) for running ones to finish. */
  stop(timeoutSeconds?: number): Promise<void>;
}

// Drizzle's sql template drops `undefined` parameters; pg-boss passes them for unset options.
function withNullParameters(tx: DbOrTx) {
  const adapter = fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql);
  return {
    executeSql: (text: string, values?: unknown[]) =>
      adapter.executeSql(
        text,
        values?.map((value) => (value === undefined ? null : value)),
      ),
  };
}

function connectionString(database: Database): string {
  if (database.kind !== 'postgres') throw new Error('not a PostgreSQL database');
  return database.url;
}

export async function startQueue(
  database: Database,
  log: Logger,
  defaults: { concurrency: number },
): Promise<Queue> {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite as PGlite), backend: 'pglite', useListenNotify: true })
      : new PgBoss({ connectionString: connectionString(database), max: 4, useListenNotify: true });
  boss.on('error', (error: unknown) => log.error({ err: error }, 'queue error'));
  await boss.start();
  const createdQueues = new Map<string, Promise<void>>();

  function ensureQueue(job: JobDefinition<unknown>): Promise<void> {
    let created = createdQueues.get(job.name);
    if (!created) {
      created = boss
        .createQueue(job.name, {
          retryLimit: job.retryLimit ?? 5,
          retryDelay: job.retryDelaySeconds ?? 2,
          retryBackoff: job.retryBackoff ?? true,
          expireInSeconds: job.expireInSeconds ?? 300,
          // A job whose process died (SIGKILL, crash) stops sending heartbeats and is retried after
          // this, instead of holding its key until it expires.
          heartbeatSeconds: 30,
          notify: true,
          ...(job.ordering === 'drain-per-key' ? { policy: 'stately' } : {}),
        })
        .catch((error: unknown) => {
          createdQueues.delete(job.name);
          throw error;
        });
      createdQueues.set(job.name, created);
    }
    return created;
  }

  /**
   * On PGlite, jobs still `active` at start belong to a process that died (the data-directory lock
   * guarantees no other live process): fail them now so they are retried at once.
   */
  async function failOrphans(name: string): Promise<void> {
    const orphans = (await boss.findJobs(name, { limit: 10_000 })).filter((job) => job.state === 'active');
    if (orphans.length === 0) return;
    log.warn(
      { queue: name, jobs: orphans.length },
      'retrying jobs left running by a process that stopped abruptly',
    );
    await boss.fail(
      name,
      orphans.map((job) => job.id),
      { error: 'the process running this job stopped abruptly' },
    );
  }

  /**
   * PGlite has one session: creating a queue (pg-boss's own connection) while a transaction is open
   * would wait forever. So enqueueing inside a transaction needs the queue declared beforehand.
   */
  async function ensureQueueOutside(job: JobDefinition<unknown>, tx: DbOrTx | undefined): Promise<void> {
    if (tx && !createdQueues.has(job.name)) {
      throw new Error(
        `Queue "${job.name}" must be declared at start (allJobs in src/server/jobs.ts) before enqueueing inside a transaction`,
      );
    }
    await ensureQueue(job);
  }

  return {
    async declare(jobs) {
      for (const job of jobs) {
        await ensureQueue(job as JobDefinition<unknown>);
        if (database.kind === 'pglite') await failOrphans(job.name);
      }
    },

    async enqueue(job, data, options = {}) {
      await ensureQueueOutside(job as JobDefinition<unknown>, options.tx);
      const payload = job.schema.parse(data) as object;
      const startAfter =
        typeof options.startAfter === 'number'
          ? Math.max(0, Math.ceil(options.startAfter))
          : options.startAfter;
      return boss.send(job.name, payload, {
        ...(startAfter !== undefined ? { startAfter } : {}),
        ...(options.key ? { singletonKey: options.key } : {}),
        ...(options.tx ? { db: withNullParameters(options.tx) } : {}),
      });
    },

    async enqueueMany(job, items, options = {}) {
      if (items.length === 0) return;
      await ensureQueueOutside(job as JobDefinition<unknown>, options.tx);
      const jobs = items.map((item) => ({
        data: job.schema.parse(item.data) as object,
        ...(item.key ? { singletonKey: item.key } : {}),
      }));
      await boss.insert(job.name, jobs, options.tx ? { db: withNullParameters(options.tx) } : undefined);
    },

    async work(job, handler, options = {}) {
      await ensureQueue(job as JobDefinition<unknown>);
      await boss.work<unknown>(
        job.name,
        {
          batchSize: 1,
          localConcurrency: options.concurrency ?? defaults.concurrency,
          pollingIntervalSeconds: 2,
          notifyPollingIntervalSeconds: 5,
          burstWhenBatchFull: true,
        },
        async ([raw]) => {
          if (!raw) return;
          const jobLog = log.child({ jobId: raw.id, job: job.name });
          const parsed = job.schema.safeParse(raw.data);
          if (!parsed.success) {
            jobLog.error(
              { issues: parsed.error.issues },
              'job payload does not match its schema; failing it',
            );
            throw new Error(`Invalid payload for job ${job.name}: ${parsed.error.message}`);
          }
          await handler(parsed.data, {
            jobId: raw.id,
            attempt: raw.retryCount + 1,
            log: jobLog,
            signal: raw.signal,
          });
        },
      );
    },

    async ping() {
      await database.db.execute(sql`select 1 from pgboss.version limit 1`);
      return true;
    },

    async stop(timeoutSeconds = 20) {
      await boss.stop({ graceful: true, close: true, timeout: timeoutSeconds * 1000 });
    },
  };
}
