import type { z } from 'zod';

/** A kind of background job: its queue name, the zod schema of its payload and its retry policy. */
export type JobDefinition<T> = {
  name: string;
  schema: z.ZodType<T>;
  /** How many times a failed job is tried again (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled on each retry when `retryBackoff` (default 2 s, backoff on). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A job that runs longer than this is failed and retried (default 5 minutes). */
  expireInSeconds?: number;
  /**
   * `drain-per-key`: for each key at most one job runs and at most one more waits; enqueueing while
   * one already waits is a no-op. The handler drains the key's pending work (rows in the database)
   * in order, so a contact's events are handled one at a time, in order, across all workers, while
   * different keys run in parallel. Every enqueue gives a key.
   */
  ordering?: 'drain-per-key';
};

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}
