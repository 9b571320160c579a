/**
 * Group commit for webhook events: requests that arrive while a write is in flight are written
 * together in the next one. At low load each request is written at once (no added latency); under
 * load, many webhooks share one transaction, which is what lifts the ingest ceiling above one
 * durable write per request. Each caller's promise settles when its own batch has committed.
 * `maxConcurrentWrites` > 1 overlaps transactions on PostgreSQL (PGlite has one session: use 1).
 */
export class IngestBatcher<T> {
  private pending: Array<{ items: T[]; resolve(): void; reject(error: unknown): void }> = [];
  private writers = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: { maxItems?: number; maxConcurrentWrites?: number } = {},
  ) {}

  add(items: T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      if (this.writers < (this.options.maxConcurrentWrites ?? 1)) void this.drain();
    });
  }

  private takeBatch() {
    const maxItems = this.options.maxItems ?? 1_000;
    const batch: typeof this.pending = [];
    let count = 0;
    while (
      this.pending.length > 0 &&
      (batch.length === 0 || count + this.pending[0]!.items.length <= maxItems)
    ) {
      const next = this.pending.shift()!;
      batch.push(next);
      count += next.items.length;
    }
    return batch;
  }

  private async drain(): Promise<void> {
    this.writers += 1;
    try {
      while (this.pending.length > 0) {
        // Let the event loop read every request already waiting on its socket first, so they join
        // this batch (on PGlite the write itself runs on this thread and blocks reading meanwhile).
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.takeBatch();
        if (batch.length === 0) break;
        try {
          await this.write(batch.flatMap((request) => request.items));
          for (const request of batch) request.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          // One bad delivery must not fail its neighbours: write each on its own.
          else
            for (const request of batch)
              await this.write(request.items).then(request.resolve, request.reject);
        }
      }
    } finally {
      this.writers -= 1;
    }
  }
}
