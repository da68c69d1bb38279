import { pino, type Logger } from 'pino';

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
    },
    destination,
  );
}
