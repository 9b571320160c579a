/**
 * The emulator clock. Everything that depends on "now" (customer-service windows, messaging-limit
 * windows, pair rate limits, timestamps in webhooks) reads this clock, so tests and the control API
 * (`POST /_sandbox/clock`) can move time forward without waiting.
 */
export interface EmulatorClock {
  /** Current emulator time in epoch milliseconds. */
  now(): number;
  /** Move the clock forward (negative values are rejected). */
  advance(ms: number): void;
  /** Total offset from real time, in ms (0 for a fully manual clock). */
  offsetMs(): number;
}

/** Real time plus an offset that only grows. */
export function createSystemClock(initialOffsetMs = 0): EmulatorClock {
  let offset = initialOffsetMs;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError('the clock only moves forward');
      offset += ms;
    },
    offsetMs: () => offset,
  };
}

/** A clock that never moves by itself (tests). */
export function createManualClock(startMs = Date.UTC(2026, 0, 1)): EmulatorClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError('the clock only moves forward');
      current += ms;
    },
    offsetMs: () => current - Date.now(),
  };
}

/** Unix seconds as the string Meta puts in webhook timestamps. */
export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}
