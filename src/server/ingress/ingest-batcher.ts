/**
 * Group commit for webhook events: requests that arrive while a write is in flight are written
 * together in the next one. At low load each request is written at once (no added latency); under
 * load, many webhooks share one transaction, which is what lifts the ingest ceiling above one
 * durable write per request. Each caller's promise settles when its own batch has committed.
 */
export class IngestBatcher<T> {
  private pending: Array<{ items: T[]; resolve(): void; reject(error: unknown): void }> = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxItems = 1_000,
  ) {}

  add(items: T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch: typeof this.pending = [];
        let count = 0;
        while (
          this.pending.length > 0 &&
          (batch.length === 0 || count + this.pending[0]!.items.length <= this.maxItems)
        ) {
          const next = this.pending.shift()!;
          batch.push(next);
          count += next.items.length;
        }
        try {
          await this.write(batch.flatMap((request) => request.items));
          for (const request of batch) request.resolve();
        } catch (error) {
          for (const request of batch) request.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
