import { pino, type Logger } from 'pino';
import { UnavailableError } from './errors.js';

export type { Logger };

/**
 * Structured JSON logs. Message text, phone numbers and names never belong in a log at
 * info level: callers log ids and counts; these paths are redacted as a second guard.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'carerelay' },
      redact: {
        paths: ['text', 'body', 'from', 'to', 'phone', 'name', '*.text', '*.body', '*.from', '*.to', '*.phone', '*.name', 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        // An unreachable database or Redis is logged once per outage by the outage log
        // (src/outage-log.ts); the same error reported by every failed request is dropped.
        logMethod(args, method) {
          const first = args[0] as unknown;
          if (first instanceof UnavailableError || (first as { err?: unknown } | null)?.err instanceof UnavailableError) return;
          method.apply(this, args);
        },
      },
    },
    destination,
  );
}
