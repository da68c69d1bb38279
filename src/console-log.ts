import type { Logger } from './logger.js';

type ConsoleLike = Pick<Console, 'log' | 'info' | 'debug' | 'warn' | 'error' | 'trace'>;

const MAX_CHARS = 300;

/** A log-safe one-line summary: strings (shortened), numbers, error messages; objects by kind only. */
function summarise(args: unknown[]): string {
  const parts = args.map((a) => {
    if (typeof a === 'string') return a;
    if (typeof a === 'number' || typeof a === 'boolean' || typeof a === 'bigint') return String(a);
    if (a instanceof Error) return `${a.name}: ${a.message}`;
    if (a === null || a === undefined) return String(a);
    // Objects (a websocket event, an HTTP response) may carry message text: only their kind.
    return `[${(a as object).constructor?.name ?? typeof a}]`;
  });
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

/**
 * Libraries that print with console.* (@mattermost/client's websocket: "websocket connecting
 * to …", "got connection id …"; botbuilder and botframework-connector on errors) would write
 * plain lines between our JSON logs. From here on their output is a JSON log line like any
 * other: log/info/debug at debug level, warn/error/trace at warn, with `source: "console"`,
 * reduced to a short summary (objects by kind only, never their contents). Returns the undo.
 */
export function routeConsoleToLogger(logger: Logger, target: ConsoleLike = console): () => void {
  const saved = { log: target.log, info: target.info, debug: target.debug, warn: target.warn, error: target.error, trace: target.trace };
  const log = logger.child({ source: 'console' });
  const quiet = (...args: unknown[]) => log.debug(summarise(args));
  const loud = (...args: unknown[]) => log.warn(summarise(args));
  Object.assign(target, { log: quiet, info: quiet, debug: quiet, warn: loud, error: loud, trace: loud });
  return () => void Object.assign(target, saved);
}
