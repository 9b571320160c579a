/**
 * Timers for emulator-side asynchronous work (status progression, auto-read). Tracks what is
 * pending so `close()` cancels everything and tests can wait until the emulator is quiet.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters: Array<() => void> = [];

  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        fn();
      } finally {
        if (this.timers.size === 0) for (const resolve of this.waiters.splice(0)) resolve();
      }
    }, ms);
    this.timers.add(timer);
  }

  get pending(): number {
    return this.timers.size;
  }

  idle(): Promise<void> {
    if (this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
