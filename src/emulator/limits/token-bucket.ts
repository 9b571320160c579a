/** A token bucket read against an injectable clock (no timers). */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private capacity: number,
    private refillPerMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Change capacity/rate (config change) without resetting spent tokens. */
  reconfigure(capacity: number, refillPerMs: number): void {
    this.capacity = capacity;
    this.refillPerMs = refillPerMs;
    this.tokens = Math.min(this.tokens, capacity);
  }

  /** Take one token if available. */
  take(now: number): boolean {
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.refillPerMs);
      this.updatedAt = now;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when the bucket is full again (can be forgotten). */
  isFull(now: number): boolean {
    return this.tokens + Math.max(0, now - this.updatedAt) * this.refillPerMs >= this.capacity;
  }
}
