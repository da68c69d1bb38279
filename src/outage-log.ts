import { isConnectionFailure, UnavailableError, type Dependency } from './errors.js';
import type { Logger } from './logger.js';

/**
 * One log line when a dependency (PostgreSQL, Redis) becomes unreachable and one when it is back,
 * with the number of failed calls in between, instead of an error with a stack per request.
 * The database and state store report every call through it; the logger drops lines whose `err`
 * is an UnavailableError, since the outage is already on record here.
 */
export interface OutageLog {
  /** A call failed: connection failures are counted and returned as UnavailableError; other errors come back as they are. */
  failure(dependency: Dependency, err: unknown): unknown;
  /** A call succeeded: ends an open outage of `dependency` with its duration and count. */
  success(dependency: Dependency): void;
  /** True while `dependency` is known to be down. */
  isDown(dependency: Dependency): boolean;
}

const reasonOf = (err: unknown): string => {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  if (err instanceof UnavailableError) return reasonOf(e.cause);
  if (typeof e?.code === 'string') return e.code;
  return typeof e?.message === 'string' ? e.message.slice(0, 120) : 'unknown';
};

export function createOutageLog(logger: Logger, now: () => number = Date.now): OutageLog {
  const open = new Map<Dependency, { since: number; failures: number }>();
  return {
    failure(dependency, err) {
      if (!isConnectionFailure(err)) return err;
      const outage = open.get(dependency);
      if (outage) outage.failures++;
      else {
        open.set(dependency, { since: now(), failures: 1 });
        logger.error({ dependency, reason: reasonOf(err) }, `${dependency} unavailable`);
      }
      return err instanceof UnavailableError ? err : new UnavailableError(dependency, err);
    },
    success(dependency) {
      const outage = open.get(dependency);
      if (!outage) return;
      open.delete(dependency);
      logger.warn({ dependency, failures: outage.failures, durationMs: now() - outage.since }, `${dependency} available again`);
    },
    isDown: (dependency) => open.has(dependency),
  };
}
