/**
 * The one typed error the product throws on purpose. `status` is the HTTP status a
 * route answers with; `code` is a stable machine-readable word that clients (the
 * socket.io ack, the JSON routes) see; `expose` says whether `message` is safe to show.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly expose: boolean;
  readonly details: unknown;

  constructor(code: string, message: string, options: { status?: number; expose?: boolean; details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 400;
    this.expose = options.expose ?? this.status < 500;
    this.details = options.details;
  }
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(code, message, { status: 400, details });
export const forbidden = (code: string, message: string) => new AppError(code, message, { status: 403 });
export const unavailable = (code: string, message: string, cause?: unknown) =>
  new AppError(code, message, { status: 503, expose: true, cause });

/** The services whose outages we recognise: PostgreSQL (`database`) and the state store (`state`, Redis). */
export type Dependency = 'database' | 'state';

/**
 * A dependency could not be reached (connection refused or lost, Redis retries exhausted). It is
 * transient: clients see code `unavailable` (HTTP 503) and may retry; the outage is logged once
 * by the outage log, not once per request.
 */
export class UnavailableError extends AppError {
  readonly dependency: Dependency;
  constructor(dependency: Dependency, cause?: unknown) {
    super('unavailable', `${dependency} unavailable`, { status: 503, expose: true, cause });
    this.name = 'UnavailableError';
    this.dependency = dependency;
  }
}

// Socket-level failures from node:net, as pg and ioredis report them.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
// pg: connection lost or never made, and the server shutting down or starting up.
const PG_CONNECTION =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|terminating connection|the database system is (starting up|shutting down|in recovery mode)/i;
// ioredis: retries per request exhausted, or the connection closed under a command.
const REDIS_CONNECTION = /Connection is closed|Stream isn't writeable|Reached the max retries per request limit|Connection in subscriber mode/i;

/**
 * True for an error that means "the service is not reachable right now" rather than "this
 * request is wrong": network errors, pg connection errors and SQLSTATE classes 08 (connection
 * exception), 57P0x (shutdown) and 53300 (too many connections), ioredis retry and closed errors.
 */
export function isConnectionFailure(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  if (err instanceof UnavailableError) return true;
  const e = err as { name?: string; code?: unknown; message?: unknown; errors?: unknown[] };
  if (e.name === 'MaxRetriesPerRequestError') return true;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (PG_CONNECTION.test(message) || REDIS_CONNECTION.test(message)) return true;
  // Node reports a refused connection to every address of a host as an AggregateError.
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((inner) => isConnectionFailure(inner));
}

/** What a client may see of any error: AppErrors as they are, connection failures as "unavailable", anything else as "internal". */
export function publicError(err: unknown): { code: string; message: string; status: number } {
  if (!(err instanceof AppError) && isConnectionFailure(err)) return { code: 'unavailable', message: 'Temporarily unavailable, please try again shortly.', status: 503 };
  if (err instanceof AppError && err.expose) return { code: err.code, message: err.message, status: err.status };
  if (err instanceof AppError) return { code: err.code, message: 'Something went wrong on our side.', status: err.status };
  return { code: 'internal', message: 'Something went wrong on our side.', status: 500 };
}
