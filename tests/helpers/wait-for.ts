/** How long `waitFor` keeps asking, and how often. */
export interface WaitOptions {
  /** Give up after this long (default 15 s: an upper bound for a loaded machine, not a pace). */
  timeoutMs?: number;
  /** Pause between two probes (default 20 ms). */
  intervalMs?: number;
}

/**
 * Asks `probe` until it has an answer, and resolves with it: tests wait for what they can observe
 * (a reply sent, a row written, a log line), never for a fixed time. `undefined`, `null` and
 * `false` mean "not yet"; anything else, 0 and '' included, is the answer. A probe that throws
 * counts as "not yet" too, and its last error is named when time runs out.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  what: string,
  opts: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 20 } = opts;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const last = lastError === undefined ? '' : ` (last probe error: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}`, lastError === undefined ? undefined : { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
