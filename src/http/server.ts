import { createServer, type Server as HttpServer } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { AppError, publicError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

export type ReadinessCheck = () => Promise<{ ok: boolean; detail?: string; required?: boolean }>;

/** The express app with the operational routes; channels mount their routers on it. */
export function createHttpApp({ logger, metrics, checks }: { logger: Logger; metrics: Metrics; checks: Map<string, ReadinessCheck> }): {
  app: Express;
  server: HttpServer;
  /** Call after channels have mounted: 404 and the one error handler of the HTTP layer. */
  finish(): void;
} {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const server = createServer(app);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    const results: Record<string, { ok: boolean; detail?: string }> = {};
    let ready = true;
    await Promise.all(
      [...checks].map(async ([name, check]) => {
        const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) =>
          setTimeout(() => resolve({ ok: false, detail: 'timed out' }), 2000).unref(),
        );
        const r = await Promise.race([check().catch((err: Error) => ({ ok: false, detail: err.message, required: true })), timeout]);
        results[name] = { ok: r.ok, ...(r.detail ? { detail: r.detail } : {}) };
        if (!r.ok && ('required' in r ? r.required !== false : true)) ready = false;
      }),
    );
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });

  app.get('/metrics', async (_req, res) => {
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
