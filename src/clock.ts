/**
 * The time as the product reads it for its own caches and intervals (metrics reuse, the sweep of
 * undelivered nurse messages, how long a case waited). Deadlines that several instances share
 * are kept by PostgreSQL's clock instead. Tests pass a clock they move by hand, so nothing waits
 * for real time to pass.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told: for tests. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function createManualClock(start = Date.now()): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
  };
}
