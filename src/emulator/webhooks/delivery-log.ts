export interface DeliveryAttempt {
  at: string;
  status_code: number | null;
  error?: string;
  duration_ms: number;
}

/** One webhook POST (with its retries), as `GET /_sandbox/webhook-deliveries` shows it. */
export interface DeliveryRecord {
  id: string;
  field: string;
  url: string | null;
  created_at: string;
  /** pending → delivered | retrying → … | failed (gave up) | skipped (no callback URL). */
  state: 'pending' | 'retrying' | 'delivered' | 'failed' | 'skipped';
  /** Last HTTP status answered by the receiver (null: none yet / network error). */
  response_status: number | null;
  attempts: DeliveryAttempt[];
  /** True for a copy produced by the duplicate-delivery fault. */
  duplicate: boolean;
  /** True when the reorder fault delayed it. */
  delayed: boolean;
  payload: unknown;
}

/** Ring buffer of the most recent deliveries (bounded memory under load). */
export class DeliveryLog {
  private readonly records: DeliveryRecord[] = [];
  private start = 0;

  constructor(private readonly capacity: number) {}

  add(record: DeliveryRecord): void {
    if (this.records.length < this.capacity) {
      this.records.push(record);
      return;
    }
    this.records[this.start] = record;
    this.start = (this.start + 1) % this.capacity;
  }

  /** Oldest first. */
  list(): DeliveryRecord[] {
    return [...this.records.slice(this.start), ...this.records.slice(0, this.start)];
  }

  clear(): void {
    this.records.length = 0;
    this.start = 0;
  }
}
