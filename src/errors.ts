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

/** What a client may see of any error: AppErrors as they are, anything else as "internal". */
export function publicError(err: unknown): { code: string; message: string; status: number } {
  if (err instanceof AppError && err.expose) return { code: err.code, message: err.message, status: err.status };
  if (err instanceof AppError) return { code: err.code, message: 'Something went wrong on our side.', status: err.status };
  return { code: 'internal', message: 'Something went wrong on our side.', status: 500 };
}
