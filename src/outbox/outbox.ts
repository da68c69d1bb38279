import type { z } from 'zod';
import type { Database } from '../db/database.js';
import { isConnectionFailure } from '../errors.js';
import type { Logger } from '../logger.js';

export interface OutboxJob<P = Record<string, unknown>> {
  id: number;
  kind: string;
  idempotencyKey: string;
  orderingKey: string | null;
  payload: P;
  attempts: number;
}

/**
 * What a handler may report: the provider's id for the delivery (Twilio SID, Mattermost post id),
 * and the stored message it delivered, marked `sent` in the same statement that closes the row.
 */
export type OutboxHandler = (job: OutboxJob<any>) => Promise<void | { externalId?: string; sentMessageId?: number }>;

/**
 * An outbox job kind with the zod schema of its payload. The payload is checked against it
 * every time a row of that kind is read back to be sent: a row written by an older or newer
 * build, or edited by hand, fails at once (dead, never retried) with a clear error instead of
 * a handler reading `undefined`.
 */
export interface JobKind<P> {
  readonly kind: string;
  readonly schema: z.ZodType<P>;
}

export const jobKind = <P>(kind: string, schema: z.ZodType<P>): JobKind<P> => ({ kind, schema });

/** Thrown by a handler when retrying cannot help (invalid number, opted out, 4xx). */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** Thrown by a handler when the provider said when to come back (HTTP 429 `Retry-After`). */
export class RetryLaterError extends Error {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryLaterError';
    this.retryAfterMs = retryAfterMs;
  }
}

export interface OutboxOptions {
  db: Database;
  logger: Logger;
  pollMs?: number;
  maxAttempts?: number;
  /** Backoff before attempt n+1: base · 2^(n-1), capped, with jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  leaseMs?: number;
  /**
   * This instance's lock (src/db/instance-lock.ts): rows it claims carry its id, and a row whose
   * claimer's lock is free (the process died mid-send) is taken up again at once instead of
   * after `leaseMs`.
   */
  instance?: { readonly id: number; peers?(): number[] };
}

/** A stored outbox row, as `get` reads it. */
export interface OutboxRow extends OutboxJob {
  status: string;
  lastError: string | null;
  externalId: string | null;
  externalStatus: string | null;
}

/** The outbox as its users see it (the turn processor, escalation, channels). */
export interface Outbox {
  /** The handler for a job kind; with a `JobKind`, each payload is checked against its schema before the handler sees it. */
  register<P>(kind: string | JobKind<P>, handler: (job: OutboxJob<P>) => ReturnType<OutboxHandler>): void;
  /** Stores a delivery (a second enqueue with the same key is a no-op) and tries it at once unless `defer` is set. */
  enqueue(
    kind: string,
    idempotencyKey: string,
    payload: Record<string, unknown>,
    opts?: { orderingKey?: string; defer?: boolean; inline?: OutboxHandler },
  ): Promise<{ id: number; created: boolean; delivered?: boolean }>;
  /** How long a claimed row may be sending before another sender takes it. */
  readonly leaseMs: number;
  /** Sends rows the caller stored already claimed for this instance, in order; true when all were delivered. */
  sendClaimed(jobs: OutboxJob[], inline?: OutboxHandler): Promise<boolean>;
  /** A provider's status callback: records it; `retry` puts the row back in the queue. */
  recordExternalStatus(externalId: string, status: string, retry?: boolean): Promise<OutboxJob | undefined>;
  get(id: number): Promise<OutboxRow | undefined>;
  /**
   * One delivery by its idempotency key (`message:<id>`, `case:<id>:open:0`) or by the provider's
   * id for it (a Twilio SID): how an operator answers "did this message go out, and if not, why?".
   */
  find(ref: { key: string } | { externalId: string }): Promise<OutboxRow | undefined>;
  /** Every delivery under one ordering key (a conversation's messages, a case's jobs), oldest first, finished ones included. */
  list(orderingKey: string): Promise<OutboxRow[]>;
  pendingCount(): Promise<number>;
  /** Sends everything due, oldest first; returns how many rows were attempted. */
  drain(limit?: number): Promise<number>;
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

const jobCols = `id, kind, idempotency_key AS "idempotencyKey", ordering_key AS "orderingKey", payload, attempts`;
const rowCols = `${jobCols}, status, last_error AS "lastError", external_id AS "externalId", external_status AS "externalStatus"`;

/**
 * A PostgreSQL outbox shared by every instance: rows are claimed with SKIP LOCKED and a
 * lease, so a crashed sender's rows are picked up again; a row waits for earlier rows with
 * the same ordering key, so one conversation's messages keep their order.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { db, logger } = options;
  const pollMs = options.pollMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 12;
  const base = options.backoffBaseMs ?? 1000;
  const cap = options.backoffMaxMs ?? 5 * 60_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const handlers = new Map<string, OutboxHandler>();
  const schemas = new Map<string, z.ZodType>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const me = () => options.instance?.id ?? null;
  const peers = () => options.instance?.peers?.() ?? [];
  // A row being sent whose lease ran out, or whose sender is gone (its instance lock is free;
  // peers: live instances a single-session database cannot tell from dead ones).
  const abandoned = `(o.locked_until < now() OR (o.claimed_by IS NOT NULL AND o.claimed_by IS DISTINCT FROM $1::bigint
                       AND NOT o.claimed_by = ANY($2::bigint[]) AND pg_try_advisory_xact_lock(o.claimed_by)))`;
  const claimSql = (where: string) => `
    UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = now(), claimed_by = $1::bigint,
      locked_until = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = (
      SELECT o.id FROM outbox o
      WHERE ${where}
        AND ((o.status = 'pending' AND o.next_attempt_at <= now()) OR (o.status = 'sending' AND ${abandoned}))
        AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.ordering_key = o.ordering_key AND e.id < o.id AND e.status IN ('pending', 'sending'))
      ORDER BY o.id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING ${jobCols}`;

  async function runJob(job: OutboxJob, inline?: OutboxHandler): Promise<boolean> {
    const handler = inline ?? handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no outbox handler for ${job.kind}`);
      const schema = schemas.get(job.kind);
      if (schema) {
        const parsed = schema.safeParse(job.payload);
        if (!parsed.success) {
          const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
          throw new PermanentDeliveryError(`${job.kind} payload is invalid (${where})`);
        }
        job = { ...job, payload: parsed.data as Record<string, unknown> };
      }
      const result = await handler(job);
      // One round trip closes the row and, for a stored message, marks it sent.
      await db.pool.query({
        name: db.namedStatements ? 'outbox-done' : undefined,
        text: `WITH o AS (UPDATE outbox SET status = 'done', locked_until = NULL, last_error = NULL, updated_at = now(),
                   external_id = COALESCE($2, external_id) WHERE id = $1 RETURNING id)
               UPDATE messages SET status = 'sent', processed_at = now(), attempts = attempts + 1
               FROM o WHERE $3::bigint IS NOT NULL AND messages.id = $3::bigint`,
        values: [job.id, result?.externalId ?? null, result?.sentMessageId ?? null],
      });
      return true;
    } catch (err) {
      const permanent = err instanceof PermanentDeliveryError || job.attempts >= maxAttempts;
      const backoff = Math.min(cap, base * 2 ** Math.max(0, job.attempts - 1)) * (0.8 + Math.random() * 0.4);
      const delay = err instanceof RetryLaterError ? Math.max(backoff, err.retryAfterMs) : backoff;
      await db.pool.query(
        `UPDATE outbox SET status = $2, locked_until = NULL, last_error = $3, updated_at = now(),
           next_attempt_at = now() + make_interval(secs => $4::double precision / 1000) WHERE id = $1`,
        [job.id, permanent ? 'dead' : 'pending', String((err as Error).message ?? err).slice(0, 500), delay],
      );
      const log = { outboxId: job.id, kind: job.kind, attempts: job.attempts, err: (err as Error).message };
      if (permanent) logger.error(log, 'outbox delivery gave up');
      else logger.warn(log, 'outbox delivery failed; will retry');
      return false;
    }
  }

  /** Sends everything due, oldest first; returns how many rows were attempted. */
  async function drain(limit = 500): Promise<number> {
    let n = 0;
    while (!stopped && n < limit) {
      const { rows } = await db.pool.query<OutboxJob>(claimSql('TRUE'), [me(), peers()]);
      const job = rows[0];
      if (!job) break;
      n++;
      await runJob(job);
    }
    return n;
  }

  function kick(): void {
    if (stopped || running) return;
    running = drain()
      .then(() => undefined)
      // An unreachable database is logged once per outage by the outage log, not once per sweep.
      .catch((err) => void (isConnectionFailure(err) || logger.warn({ err: (err as Error).message }, 'outbox sweep failed')))
      .finally(() => {
        running = undefined;
      });
  }

  return {
    /** The handler for a job kind; with a `JobKind`, each payload is checked against its schema before the handler sees it. */
    register<P>(kind: string | JobKind<P>, handler: (job: OutboxJob<P>) => ReturnType<OutboxHandler>): void {
      if (typeof kind === 'string') {
        handlers.set(kind, handler as OutboxHandler);
        return;
      }
      handlers.set(kind.kind, handler as OutboxHandler);
      schemas.set(kind.kind, kind.schema);
    },
    /**
     * Stores a delivery; a second enqueue with the same key is a no-op (returns the first
     * row's id with `created: false`). Then tries it at once unless `defer` is set.
     */
    async enqueue(
      kind: string,
      idempotencyKey: string,
      payload: Record<string, unknown>,
      opts: {
        orderingKey?: string;
        defer?: boolean;
        /** Runs instead of the registered handler on the first attempt, with what the caller has in memory. */
        inline?: OutboxHandler;
      } = {},
    ): Promise<{ id: number; created: boolean; delivered?: boolean }> {
      const claimNow = !opts.defer && !stopped;
      // One round trip: store the row and, when nothing of its ordering key is ahead of it,
      // claim it for this caller at once (the fast path); otherwise it waits for the sweep.
      const inserted = await db.pool.query<OutboxJob & { status: string }>(
        `INSERT INTO outbox (kind, idempotency_key, ordering_key, payload, status, attempts, locked_until, claimed_by)
         SELECT $1, $2, $3, $4, s.status, CASE WHEN s.status = 'sending' THEN 1 ELSE 0 END,
                CASE WHEN s.status = 'sending' THEN now() + make_interval(secs => ${leaseMs / 1000}) END,
                CASE WHEN s.status = 'sending' THEN $6::bigint END
         FROM (SELECT CASE WHEN $5::boolean AND NOT EXISTS (
                 SELECT 1 FROM outbox e WHERE $3::text IS NOT NULL AND e.ordering_key = $3 AND e.status IN ('pending', 'sending'))
               THEN 'sending' ELSE 'pending' END AS status) s
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING ${jobCols}, status`,
        [kind, idempotencyKey, opts.orderingKey ?? null, payload, claimNow, me()],
      );
      const row = inserted.rows[0];
      if (!row) {
        const { rows } = await db.pool.query<{ id: number }>(`SELECT id FROM outbox WHERE idempotency_key = $1`, [idempotencyKey]);
        return { id: rows[0]!.id, created: false };
      }
      if (row.status !== 'sending') {
        if (claimNow) kick();
        return { id: row.id, created: true, delivered: false };
      }
      const { status: _status, ...job } = row;
      const delivered = await runJob(job, opts.inline);
      // On failure the sweep retries; on success later rows of the same key may have waited for this one.
      if (!delivered || opts.orderingKey) kick();
      return { id: row.id, created: true, delivered };
    },
    /** How long a claimed row may be sending before another sender takes it (when its claimer's liveness is unknown). */
    leaseMs,
    /**
     * Sends rows the caller stored already claimed for this instance (status `sending`, claimed_by
     * this instance), one after another in the given order. `inline` runs instead of the registered
     * handler on this first attempt. After a failure the rest are given back to the queue unsent,
     * so they keep their place behind the failed one. True when every row was delivered.
     */
    async sendClaimed(jobs: OutboxJob[], inline?: OutboxHandler): Promise<boolean> {
      for (const [i, job] of jobs.entries()) {
        if (await runJob(job, inline)) continue;
        const rest = jobs.slice(i + 1).map((j) => j.id);
        if (rest.length) {
          await db.pool.query(
            `UPDATE outbox SET status = 'pending', attempts = attempts - 1, locked_until = NULL, claimed_by = NULL, updated_at = now()
             WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
            [rest],
          );
        }
        kick();
        return false;
      }
      return true;
    },
    /** A provider's status callback (e.g. Twilio `failed`): records it; `retry` puts the row back in the queue. */
    async recordExternalStatus(externalId: string, status: string, retry = false): Promise<OutboxJob | undefined> {
      const { rows } = await db.pool.query<OutboxJob>(
        `UPDATE outbox SET external_status = $2, updated_at = now()
           ${retry ? `, status = CASE WHEN attempts < ${maxAttempts} THEN 'pending' ELSE 'dead' END, next_attempt_at = now() + make_interval(secs => ${base / 1000})` : ''}
         WHERE external_id = $1 RETURNING ${jobCols}`,
        [externalId, status],
      );
      if (retry) kick();
      return rows[0];
    },
    async get(id: number) {
      const { rows } = await db.pool.query<OutboxRow>(`SELECT ${rowCols} FROM outbox WHERE id = $1`, [id]);
      return rows[0];
    },
    async find(ref: { key: string } | { externalId: string }) {
      // A provider's id names one delivery, though the column is not unique: the latest wins.
      const { rows } = await db.pool.query<OutboxRow>(
        'key' in ref
          ? { text: `SELECT ${rowCols} FROM outbox WHERE idempotency_key = $1`, values: [ref.key] }
          : { text: `SELECT ${rowCols} FROM outbox WHERE external_id = $1 ORDER BY id DESC LIMIT 1`, values: [ref.externalId] },
      );
      return rows[0];
    },
    async list(orderingKey: string) {
      const { rows } = await db.pool.query<OutboxRow>(`SELECT ${rowCols} FROM outbox WHERE ordering_key = $1 ORDER BY id`, [orderingKey]);
      return rows;
    },
    async pendingCount(): Promise<number> {
      const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status IN ('pending', 'sending')`);
      return rows[0]!.n;
    },
    drain,
    kick,
    start(): void {
      stopped = false;
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

