import { GraphError } from '../graph/graph-error';
import { type EmulatorConfig, MESSAGING_TIERS } from '../state/config';
import { CUSTOMER_SERVICE_WINDOW_MS } from '../state/emulator-state';
import { TokenBucket } from './token-bucket';

/**
 * The Cloud API's sending limits (reference §8):
 * - throughput per business number (default 80 mps, up to 1000) → 130429, synchronous;
 * - pair rate per (business number, user): 1 message / 6 s with a bursty allowance → 131056, synchronous;
 * - messaging limit: unique users reached with business-initiated messages (outside a customer
 *   service window) in a moving 24 h, shared by the WABA → async failure (code configurable).
 * All O(1) per send.
 */
export class SendLimits {
  private readonly throughput = new Map<string, TokenBucket>();
  private readonly pairs = new Map<string, TokenBucket>();
  /** wa_id → last business-initiated delivery (ms), plus an insertion-ordered log for pruning. */
  private readonly reached = new Map<string, number>();
  private readonly reachedLog: Array<{ waId: string; at: number }> = [];
  private reachedLogStart = 0;

  constructor(private readonly config: () => EmulatorConfig) {}

  /** Throws 130429 when the number is over its messages-per-second throughput. */
  checkThroughput(phoneNumberId: string, now: number): void {
    const mps = this.config().throughput_mps;
    let bucket = this.throughput.get(phoneNumberId);
    if (!bucket) {
      bucket = new TokenBucket(mps, mps / 1000, now);
      this.throughput.set(phoneNumberId, bucket);
    } else {
      bucket.reconfigure(mps, mps / 1000);
    }
    if (!bucket.take(now)) throw new GraphError(130429);
  }

  /** Throws 131056 when this number sent too many messages to this user recently. */
  checkPairRate(phoneNumberId: string, waId: string, now: number): void {
    const { enabled, interval_seconds, burst } = this.config().pair_rate;
    if (!enabled) return;
    const key = `${phoneNumberId}:${waId}`;
    const perMs = 1 / (interval_seconds * 1000);
    let bucket = this.pairs.get(key);
    if (!bucket) {
      bucket = new TokenBucket(burst, perMs, now);
      this.pairs.set(key, bucket);
      if (this.pairs.size > 100_000) this.prunePairs(now);
    } else {
      bucket.reconfigure(burst, perMs);
    }
    if (!bucket.take(now)) throw new GraphError(131056);
  }

  /**
   * Count a business-initiated message to `waId`. Returns false when reaching this user would
   * exceed the tier's unique-user cap (the send then fails asynchronously).
   */
  reachBusinessInitiated(waId: string, now: number): boolean {
    this.pruneReached(now);
    if (this.reached.has(waId)) {
      this.reached.set(waId, now);
      this.reachedLog.push({ waId, at: now });
      return true;
    }
    const cap = MESSAGING_TIERS[this.config().messaging_limit_tier];
    if (cap !== -1 && this.reached.size >= cap) return false;
    this.reached.set(waId, now);
    this.reachedLog.push({ waId, at: now });
    return true;
  }

  /** Unique users reached with business-initiated messages in the last 24 h. */
  uniqueBusinessInitiated(now: number): number {
    this.pruneReached(now);
    return this.reached.size;
  }

  private pruneReached(now: number): void {
    const cutoff = now - CUSTOMER_SERVICE_WINDOW_MS;
    while (this.reachedLogStart < this.reachedLog.length) {
      const entry = this.reachedLog[this.reachedLogStart]!;
      if (entry.at > cutoff) break;
      if (this.reached.get(entry.waId) === entry.at) this.reached.delete(entry.waId);
      this.reachedLogStart++;
    }
    if (this.reachedLogStart > 4096 && this.reachedLogStart * 2 > this.reachedLog.length) {
      this.reachedLog.splice(0, this.reachedLogStart);
      this.reachedLogStart = 0;
    }
  }

  private prunePairs(now: number): void {
    for (const [key, bucket] of this.pairs) if (bucket.isFull(now)) this.pairs.delete(key);
  }
}
