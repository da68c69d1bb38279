import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server as HttpServer, type ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { AppError, publicError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

/** `detail` is a fixed word of ours ("embedded", "not configured"), never an error message: /ready is public. */
export type ReadinessCheck = () => Promise<{ ok: boolean; detail?: string; required?: boolean }>;

export interface HttpSecurityOptions {
  /** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Origins allowed to embed our pages in a frame (the page's own is always allowed). */
  frameAncestors?: string[];
  /** PUBLIC_URL: its websocket origin is allowed for socket.io. */
  publicUrl?: string;
}

export interface HttpAppOptions extends HttpSecurityOptions {
  logger: Logger;
  metrics: Metrics;
  checks: Map<string, ReadinessCheck>;
}

/** Origins as CSP source expressions: scheme://host[:port] only, nothing that could break the header. */
const cspOrigins = (origins: string[]) =>
  origins.flatMap((o) => {
    try {
      const { origin } = new URL(o);
      return origin !== 'null' && /^https?:\/\/[\w.:\-\[\]]+$/.test(origin) ? [origin] : [];
    } catch {
      return [];
    }
  });

/**
 * Headers on every response. The chat page loads only its own script, styles and socket.io
 * (no inline code), talks only to its own origin, and may be framed by ALLOWED_ORIGINS.
 */
export function securityHeaders(options: Pick<HttpSecurityOptions, 'frameAncestors' | 'publicUrl'> = {}): (res: ServerResponse) => void {
  const ancestors = [...new Set(cspOrigins(options.frameAncestors ?? []))];
  const sockets = cspOrigins(options.publicUrl ? [options.publicUrl] : []).map((o) => o.replace(/^http/, 'ws'));
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${["'self'", ...sockets].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...ancestors].join(' ')}`,
  ].join('; ');
  return (res) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  };
}

/** Constant-time comparison of a presented bearer token with the configured one. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}

/** The express app with the operational routes; channels mount their routers on it. */
export function createHttpApp({ logger, metrics, checks, ...security }: HttpAppOptions): {
  app: Express;
  server: HttpServer;
  /** Call after channels have mounted: 404 and the one error handler of the HTTP layer. */
  finish(): void;
} {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const server = createServer(app);
  // Set before any listener runs: socket.io later takes over the 'request' listeners and answers
  // its own paths (the client script, polling) without passing through express.
  const secure = securityHeaders(security);
  const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event === 'request') secure(args[1] as ServerResponse);
    return emit(event, ...args);
  }) as typeof server.emit;

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    const results: Record<string, { ok: boolean; detail?: string }> = {};
    const failing: string[] = [];
    let ready = true;
    await Promise.all(
      [...checks].map(async ([name, check]) => {
        const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) =>
          setTimeout(() => resolve({ ok: false, detail: 'timed out' }), 2000).unref(),
        );
        const r = await Promise.race([
          check().catch((err: Error) => {
            // The cause (addresses, driver messages) goes to the log, never to the public answer.
            // debug: probes repeat every few seconds, and the outage itself is logged once elsewhere.
            logger.debug({ check: name, err: err.message }, 'readiness check failed');
            return { ok: false, detail: 'unreachable', required: true };
          }),
          timeout,
        ]);
        results[name] = { ok: r.ok, ...(r.detail ? { detail: r.detail } : {}) };
        if (!r.ok) failing.push(name);
        if (!r.ok && ('required' in r ? r.required !== false : true)) ready = false;
      }),
    );
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results, ...(failing.length ? { failing: failing.sort() } : {}) });
  });

  app.get('/metrics', async (req, res) => {
    if (security.metricsToken && !bearerMatches(req.get('authorization'), security.metricsToken)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      return void res.status(401).json({ error: { code: 'unauthorized', message: 'metrics need a bearer token' } });
    }
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    // express's body parsers throw 4xx errors marked `expose`; everything else goes through publicError.
    const e = err as { status?: number; expose?: boolean; type?: string; message?: string };
    const pub =
      !(err instanceof AppError) && e.expose && e.status && e.status < 500
        ? { code: e.type ?? 'bad_request', message: e.message ?? 'Bad request', status: e.status }
        : publicError(err);
    if (pub.status >= 500) logger.error({ err, path: req.path }, 'request failed');
    if (res.headersSent) return;
    res.status(pub.status).json({ error: { code: pub.code, message: pub.message } });
  };

  return {
    app,
    server,
    finish() {
      app.use((req, res) => {
        res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } });
      });
      app.use(onError);
    },
  };
}
