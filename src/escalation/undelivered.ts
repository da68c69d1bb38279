import type { Database } from '../db/database.js';
import type { CaseJobs } from './case-jobs.js';
import { DELIVER_MESSAGE as DELIVER } from '../outbox/jobs.js';
import { JOB, JOBS, type EscalationDeps } from './deps.js';

/** A nurse message whose delivery gave up (12 attempts, about 18 minutes) is tried again after this long… */
export const RETRY_AFTER_MS = 10 * 60_000;
/** …this many times (about 3 hours in all), then the nurse is told it could not be delivered. */
export const MAX_RETRIES = 6;

interface DeadRow {
  id: number;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  lastError: string | null;
  base: string;
  generation: number;
}

/** Short, log-safe reason for the nurse: never message text (errors carry ids and statuses). */
function reason(lastError: string | null): string {
  const text = (lastError ?? '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 120) : 'unknown error';
}

/**
 * Nurse messages that the outbox gave up on are neither lost nor silent: each is queued again
 * every 10 minutes for about 3 hours (a new outbox row, `<key>#r<n>`, so the dead row stays as
 * the record), and the nurse is told in the case channel when it first failed and when
 * CareRelay stops trying. Covers both steps: the relay from the staff desk (escalation.relay) and
 * the delivery to the patient's channel (deliver-message of a nurse message).
 */
export interface Undelivered {
  /** One pass: queues dead nurse messages again, or tells the nurse they were not delivered; returns how many it found. */
  sweep(): Promise<number>;
}

export function createUndelivered(deps: EscalationDeps & { db: Database }, jobs: CaseJobs): Undelivered {
  const { db, outbox, cases, logger } = deps;

  async function deadRows(): Promise<DeadRow[]> {
    const { rows } = await db.pool.query<DeadRow>(
      `WITH dead AS (
         SELECT o.id, o.kind, o.idempotency_key AS key, o.payload, o.last_error AS "lastError",
                regexp_replace(o.idempotency_key, '#r[0-9]+$', '') AS base,
                COALESCE((regexp_match(o.idempotency_key, '#r([0-9]+)$'))[1]::int, 0) AS generation
         FROM outbox o
         WHERE o.status = 'dead' AND o.kind IN ($1, $2)
           AND o.updated_at < now() - make_interval(secs => $3::double precision / 1000)
           AND o.updated_at > now() - interval '1 day'
           AND (o.kind = $1 OR EXISTS (SELECT 1 FROM messages m WHERE m.id = (o.payload->>'messageId')::bigint AND m.role = 'nurse'))
       )
       SELECT d.* FROM dead d
       WHERE NOT EXISTS (SELECT 1 FROM outbox s WHERE s.idempotency_key = d.base || '#r' || (d.generation + 1))
         AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.dedupe_key = 'undelivered-final:' || d.base)
       ORDER BY d.id LIMIT 20`,
      [JOB.relay, DELIVER.kind, RETRY_AFTER_MS],
    );
    return rows;
  }

  // Dead rows are read straight from the table: through their kind's schema, like the outbox does.
  const relayOf = (row: DeadRow) => JOBS.relay.schema.safeParse(row.payload).data;
  const deliveryOf = (row: DeadRow) => DELIVER.schema.safeParse(row.payload).data;

  /** The case a dead job belongs to, and when the nurse wrote. */
  async function caseOf(row: DeadRow): Promise<{ caseId: string; writtenAt: Date | null } | undefined> {
    if (row.kind === JOB.relay) {
      const channelId = relayOf(row)?.channelId;
      const c = channelId ? await cases.byChannel(channelId) : undefined;
      return c ? { caseId: c.id, writtenAt: null } : undefined;
    }
    const { rows } = await db.pool.query<{ caseId: string | null; at: Date }>(
      `SELECT meta->>'caseId' AS "caseId", created_at AS at FROM messages WHERE id = $1`,
      [deliveryOf(row)?.messageId ?? 0],
    );
    return rows[0]?.caseId ? { caseId: rows[0].caseId, writtenAt: rows[0].at } : undefined;
  }

  async function handle(row: DeadRow): Promise<void> {
    const found = await caseOf(row);
    const next = row.generation + 1;
    const writtenAt = found?.writtenAt ? new Date(found.writtenAt).toISOString() : null;
    if (next > MAX_RETRIES) {
      if (found) {
        await cases.appendEvent(found.caseId, 'relay_gave_up', 'system', { outboxId: row.id, kind: row.kind }, `undelivered-final:${row.base}`);
        await jobs.enqueueCasePost({
          caseId: found.caseId,
          key: `undelivered-final:${row.base}`,
          note: { kind: 'undelivered', final: true, writtenAt, reason: reason(row.lastError) },
        });
      }
      logger.error({ outboxId: row.id, kind: row.kind, caseId: found?.caseId }, 'nurse message not delivered; retries exhausted');
      return;
    }
    const orderingKey = row.kind === JOB.relay ? `relay:${relayOf(row)?.channelId ?? ''}` : await conversationOf(deliveryOf(row)?.messageId ?? 0);
    const { created } = await outbox.enqueue(row.kind, `${row.base}#r${next}`, row.payload, orderingKey ? { orderingKey } : {});
    if (!created) return;
    logger.warn({ outboxId: row.id, kind: row.kind, retry: next, caseId: found?.caseId }, 'nurse message queued again after its delivery gave up');
    if (found && row.generation === 0) {
      await cases.appendEvent(found.caseId, 'relay_failed', 'system', { outboxId: row.id, kind: row.kind }, `undelivered:${row.base}`);
      await jobs.enqueueCasePost({
        caseId: found.caseId,
        key: `undelivered:${row.base}`,
        note: { kind: 'undelivered', final: false, writtenAt, reason: reason(row.lastError) },
      });
    }
  }

  async function conversationOf(messageId: number): Promise<string | undefined> {
    const { rows } = await db.pool.query<{ id: string }>(`SELECT conversation_id AS id FROM messages WHERE id = $1`, [messageId]);
    return rows[0]?.id;
  }

  return {
    /** One pass: queue dead nurse messages again, or tell the nurse they were not delivered. */
    async sweep(): Promise<number> {
      const rows = await deadRows();
      for (const row of rows) {
        await handle(row).catch((err) => logger.warn({ outboxId: row.id, err: (err as Error).message }, 'undelivered nurse message not handled'));
      }
      return rows.length;
    },
  };
}
