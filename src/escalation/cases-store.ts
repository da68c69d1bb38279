import type { Database, Queryable } from '../db/database.js';
import type { Urgency } from '../engine/context.js';

export type CaseState = 'queued' | 'offered' | 'claimed' | 'resolved' | 'abandoned';
export type Priority = Urgency;

export const OPEN_STATES: readonly CaseState[] = ['queued', 'offered', 'claimed'];
const PRIORITY_RANK: Record<Priority, number> = { routine: 0, urgent: 1, emergency: 2 };
export const isHigherPriority = (a: Priority, b: Priority) => PRIORITY_RANK[a] > PRIORITY_RANK[b];

export interface Case {
  id: string;
  number: number;
  conversationId: string;
  state: CaseState;
  priority: Priority;
  reason: string;
  language: string | null;
  channel: string;
  details: Record<string, unknown>;
  transcriptUntil: number | null;
  /** Which staff desk holds the case's room (`mattermost`); null until the room exists. */
  desk: string | null;
  /** The case's room on the desk (a Mattermost channel id) and its name. */
  roomId: string | null;
  roomName: string | null;
  /** The case card's id on the desk (a Mattermost post id). */
  cardId: string | null;
  openJobId: number | null;
  openGeneration: number;
  offerRound: number;
  deadlineAt: Date | null;
  claimedBy: string | null;
  claimedByName: string | null;
  resolvedBy: string | null;
  createdAt: Date;
  offeredAt: Date | null;
  claimedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export interface CaseEvent {
  id: number;
  caseId: string;
  at: Date;
  kind: string;
  actor: string;
  detail: Record<string, unknown>;
  dedupeKey: string | null;
}

const cols = `id, number, conversation_id AS "conversationId", state, priority, reason, language, channel, details,
  transcript_until AS "transcriptUntil", desk, desk_room_id AS "roomId", desk_room_name AS "roomName",
  desk_card_id AS "cardId", open_job_id AS "openJobId", open_generation AS "openGeneration",
  offer_round AS "offerRound", deadline_at AS "deadlineAt", claimed_by AS "claimedBy", claimed_by_name AS "claimedByName",
  resolved_by AS "resolvedBy", created_at AS "createdAt", offered_at AS "offeredAt", claimed_at AS "claimedAt",
  closed_at AS "closedAt", updated_at AS "updatedAt"`;
const eventCols = `id, case_id AS "caseId", at, kind, actor, detail, dedupe_key AS "dedupeKey"`;
const OPEN = `state IN ('queued', 'offered', 'claimed')`;

export interface NewCase {
  conversationId: string;
  priority: Priority;
  reason: string;
  language: string | null;
  channel: string;
  details?: Record<string, unknown>;
}

/** What a case open-or-raise did. */
export interface OpenOrRaiseOutcome {
  kind: 'opened' | 'raised' | 'unchanged';
  case: Case;
}

/** A claim attempt: whether this caller won it, and the case as it now is. */
export interface ClaimOutcome {
  claimed: boolean;
  case: Case | undefined;
}

/** An offer of a case to a nurse, as the ledger recorded it. */
export interface CaseOffer {
  nurse: string;
  round: number;
  languageMatched: boolean;
}

/** Cases and their ledger (`case_events`). Every state change is a conditional UPDATE: one caller wins it. */
export interface CasesStore {
  /** Calls `listener` after each change this store makes to a case (this instance's changes only). */
  onChange(listener: (c: Case) => void): void;
  get(id: string): Promise<Case | undefined>;
  /** The conversation's open case, if any (at most one). */
  openFor(conversationId: string): Promise<Case | undefined>;
  /** The newest case whose room on the staff desk is `roomId`. */
  byChannel(roomId: string): Promise<Case | undefined>;
  listOpen(): Promise<Case[]>;
  /** Opens a case for the conversation, or raises the open one's priority when the new trigger is more urgent. */
  openOrRaise(input: NewCase): Promise<OpenOrRaiseOutcome>;
  setOpenJob(id: string, jobId: number, generation: number): Promise<void>;
  /** The case's room on the staff desk (`desk` names which: `mattermost`). */
  setRoom(id: string, desk: string, roomId: string, roomName: string): Promise<void>;
  /** The case card's id on the desk, once it is posted. */
  setCard(id: string, cardId: string): Promise<void>;
  /** queued → offered with round 1 and its deadline; undefined if someone got there first. */
  markOffered(id: string, deadlineMs: number): Promise<Case | undefined>;
  /** Moves an unclaimed, overdue case one rung up the ladder; only one instance wins each rung. */
  advanceRound(id: string, fromRound: number, deadlineMs: number | null): Promise<Case | undefined>;
  /** Brings the deadline forward when the priority went up (never pushes it back). */
  shortenDeadline(id: string, deadlineMs: number): Promise<void>;
  /** Offered cases past their deadline, the most overdue first. */
  overdue(limit?: number): Promise<Case[]>;
  /** Queued cases nobody is (any longer) working on: never enqueued, or last checked a while ago. */
  queuedNeedingWork(staleMs: number, limit?: number): Promise<Case[]>;
  touch(id: string): Promise<void>;
  /** Queued or offered cases opened more than `ms` ago. */
  unclaimedOlderThan(ms: number, limit?: number): Promise<Case[]>;
  /** First come, first served: only a queued or offered case can be claimed, once. */
  claim(id: string, nurseId: string, nurseName: string): Promise<ClaimOutcome>;
  /** Closes an open case (resolved by a nurse, or abandoned); the case for the one caller that closed it. */
  close(id: string, state: 'resolved' | 'abandoned', actor: string, byUserId?: string): Promise<Case | undefined>;
  /** Adds to the ledger; with a `dedupeKey`, once (false when it was there already). */
  appendEvent(caseId: string, kind: string, actor: string, detail?: Record<string, unknown>, dedupeKey?: string): Promise<boolean>;
  events(caseId: string): Promise<CaseEvent[]>;
  hasEvent(dedupeKey: string): Promise<boolean>;
  /** Who was offered this case, in which round (they are not offered it again). */
  offers(caseId: string): Promise<CaseOffer[]>;
  /** Open cases per nurse: claimed ones, plus offers still waiting for a claim. */
  loadByNurse(): Promise<Map<string, number>>;
  /** The id of a stored outbound message carrying `meta[key] = value` (retries check it before delivering again). */
  messageWithMeta(conversationId: string, key: 'mattermostPostId' | 'caseNotice', value: string): Promise<number | undefined>;
}

/** Cases and their ledger behind small typed functions; every state change is a conditional UPDATE. */
export function createCasesStore(db: Database): CasesStore {
  const q: Queryable = db.pool;
  // Told after a case's state, priority or offer round changed here (the queue post listens).
  const listeners: ((c: Case) => void)[] = [];
  const changed = <T extends Case | undefined>(c: T): T => {
    if (c) {
      for (const listener of listeners) {
        try {
          listener(c);
        } catch {
          // A listener's failure is its own; the change is already committed.
        }
      }
    }
    return c;
  };

  async function appendEvent(
    client: Queryable,
    caseId: string,
    kind: string,
    actor: string,
    detail: Record<string, unknown> = {},
    dedupeKey?: string,
  ): Promise<boolean> {
    const { rows } = await client.query(
      `INSERT INTO case_events (case_id, kind, actor, detail, dedupe_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [caseId, kind, actor, detail, dedupeKey ?? null],
    );
    return rows.length > 0;
  }

  return {
    /** Calls `listener` after each change this store makes to a case (this instance's changes only). */
    onChange(listener: (c: Case) => void): void {
      listeners.push(listener);
    },
    async get(id: string): Promise<Case | undefined> {
      const { rows } = await q.query<Case>(`SELECT ${cols} FROM cases WHERE id = $1`, [id]);
      return rows[0];
    },
    async openFor(conversationId: string): Promise<Case | undefined> {
      const { rows } = await q.query<Case>(`SELECT ${cols} FROM cases WHERE conversation_id = $1 AND ${OPEN}`, [conversationId]);
      return rows[0];
    },
    async byChannel(roomId: string): Promise<Case | undefined> {
      const { rows } = await q.query<Case>(`SELECT ${cols} FROM cases WHERE desk_room_id = $1 ORDER BY created_at DESC LIMIT 1`, [roomId]);
      return rows[0];
    },
    async listOpen(): Promise<Case[]> {
      const { rows } = await q.query<Case>(`SELECT ${cols} FROM cases WHERE ${OPEN} ORDER BY created_at`);
      return rows;
    },

    /**
     * Opens a case for the conversation, or raises the open one's priority when the new
     * trigger is more urgent. One transaction; the partial unique index settles races.
     */
    async openOrRaise(input: NewCase): Promise<{ kind: 'opened' | 'raised' | 'unchanged'; case: Case }> {
      const outcome = await db.transaction(async (client): Promise<{ kind: 'opened' | 'raised' | 'unchanged'; case: Case }> => {
        const existing = await client.query<Case>(`SELECT ${cols} FROM cases WHERE conversation_id = $1 AND ${OPEN} FOR UPDATE`, [input.conversationId]);
        const open = existing.rows[0];
        if (open) {
          if (!isHigherPriority(input.priority, open.priority)) return { kind: 'unchanged', case: open };
          const { rows } = await client.query<Case>(
            `UPDATE cases SET priority = $2, updated_at = now() WHERE id = $1 RETURNING ${cols}`,
            [open.id, input.priority],
          );
          await appendEvent(client, open.id, 'priority_raised', 'system', { from: open.priority, to: input.priority, reason: input.reason });
          return { kind: 'raised', case: rows[0]! };
        }
        const { rows: until } = await client.query<{ max: number | null }>(`SELECT max(id) AS max FROM messages WHERE conversation_id = $1`, [input.conversationId]);
        const { rows } = await client.query<Case>(
          `INSERT INTO cases (conversation_id, priority, reason, language, channel, details, transcript_until)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${cols}`,
          [input.conversationId, input.priority, input.reason, input.language, input.channel, input.details ?? {}, until[0]?.max ?? null],
        );
        const opened = rows[0]!;
        await appendEvent(client, opened.id, 'opened', 'system', { priority: input.priority, reason: input.reason, channel: input.channel });
        return { kind: 'opened', case: opened };
      });
      if (outcome.kind !== 'unchanged') changed(outcome.case);
      return outcome;
    },

    async setOpenJob(id: string, jobId: number, generation: number): Promise<void> {
      await q.query(`UPDATE cases SET open_job_id = $2, open_generation = $3, updated_at = now() WHERE id = $1`, [id, jobId, generation]);
    },
    /** The case's room on the staff desk (`desk` names which: `mattermost`). */
    async setRoom(id: string, desk: string, roomId: string, roomName: string): Promise<void> {
      await q.query(`UPDATE cases SET desk = $2, desk_room_id = $3, desk_room_name = $4, updated_at = now() WHERE id = $1`, [id, desk, roomId, roomName]);
    },
    /** The case card's id on the desk (a post), once it is posted. */
    async setCard(id: string, cardId: string): Promise<void> {
      await q.query(`UPDATE cases SET desk_card_id = $2, updated_at = now() WHERE id = $1`, [id, cardId]);
    },

    /** queued → offered with round 1 and its deadline; no-op if someone got there first. */
    async markOffered(id: string, deadlineMs: number): Promise<Case | undefined> {
      const { rows } = await q.query<Case>(
        `UPDATE cases SET state = 'offered', offer_round = 1, offered_at = now(), updated_at = now(),
           deadline_at = now() + make_interval(secs => $2::double precision / 1000)
         WHERE id = $1 AND state = 'queued' RETURNING ${cols}`,
        [id, deadlineMs],
      );
      return changed(rows[0]);
    },

    /** Moves an unclaimed, overdue case one rung up the ladder; only one instance wins each rung. */
    async advanceRound(id: string, fromRound: number, deadlineMs: number | null): Promise<Case | undefined> {
      const { rows } = await q.query<Case>(
        `UPDATE cases SET offer_round = offer_round + 1, updated_at = now(),
           deadline_at = CASE WHEN $3::double precision IS NULL THEN NULL ELSE now() + make_interval(secs => $3::double precision / 1000) END
         WHERE id = $1 AND state = 'offered' AND offer_round = $2 RETURNING ${cols}`,
        [id, fromRound, deadlineMs],
      );
      return changed(rows[0]);
    },

    /** Brings the deadline forward when the priority went up (never pushes it back). */
    async shortenDeadline(id: string, deadlineMs: number): Promise<void> {
      await q.query(
        `UPDATE cases SET deadline_at = LEAST(deadline_at, now() + make_interval(secs => $2::double precision / 1000)), updated_at = now()
         WHERE id = $1 AND state = 'offered' AND deadline_at IS NOT NULL`,
        [id, deadlineMs],
      );
    },

    async overdue(limit = 50): Promise<Case[]> {
      const { rows } = await q.query<Case>(
        `SELECT ${cols} FROM cases WHERE state = 'offered' AND deadline_at IS NOT NULL AND deadline_at <= now() ORDER BY deadline_at LIMIT $1`,
        [limit],
      );
      return rows;
    },
    /** Queued cases nobody is (any longer) working on: never enqueued, or last checked a while ago. */
    async queuedNeedingWork(staleMs: number, limit = 50): Promise<Case[]> {
      const { rows } = await q.query<Case>(
        `SELECT ${cols} FROM cases WHERE state = 'queued'
           AND (open_job_id IS NULL OR updated_at < now() - make_interval(secs => $1::double precision / 1000))
         ORDER BY created_at LIMIT $2`,
        [staleMs, limit],
      );
      return rows;
    },
    async touch(id: string): Promise<void> {
      await q.query(`UPDATE cases SET updated_at = now() WHERE id = $1`, [id]);
    },
    async unclaimedOlderThan(ms: number, limit = 50): Promise<Case[]> {
      const { rows } = await q.query<Case>(
        `SELECT ${cols} FROM cases WHERE state IN ('queued', 'offered') AND created_at < now() - make_interval(secs => $1::double precision / 1000)
         ORDER BY created_at LIMIT $2`,
        [ms, limit],
      );
      return rows;
    },

    /** First come, first served: only a queued or offered case can be claimed, once. */
    async claim(id: string, nurseId: string, nurseName: string): Promise<{ claimed: boolean; case: Case | undefined }> {
      const result = await db.transaction(async (client): Promise<{ claimed: boolean; case: Case | undefined }> => {
        const { rows } = await client.query<Case>(
          `UPDATE cases SET state = 'claimed', claimed_by = $2, claimed_by_name = $3, claimed_at = now(), deadline_at = NULL, updated_at = now()
           WHERE id = $1 AND state IN ('queued', 'offered') RETURNING ${cols}`,
          [id, nurseId, nurseName],
        );
        if (rows[0]) {
          await appendEvent(client, id, 'claimed', `mm:${nurseId}`);
          return { claimed: true, case: rows[0] };
        }
        const current = await client.query<Case>(`SELECT ${cols} FROM cases WHERE id = $1`, [id]);
        // Once per nurse: repeated clicks (or replays) do not grow the ledger.
        if (current.rows[0]) await appendEvent(client, id, 'claim_refused', `mm:${nurseId}`, { state: current.rows[0].state }, `case:${id}:claim_refused:${nurseId}`);
        return { claimed: false, case: current.rows[0] };
      });
      if (result.claimed) changed(result.case);
      return result;
    },

    /** Closes an open case (resolved by a nurse, or abandoned); true for the one caller that closed it. */
    async close(id: string, state: 'resolved' | 'abandoned', actor: string, byUserId?: string): Promise<Case | undefined> {
      const closed = await db.transaction(async (client) => {
        const { rows } = await client.query<Case>(
          `UPDATE cases SET state = $2, resolved_by = $3, closed_at = now(), deadline_at = NULL, updated_at = now()
           WHERE id = $1 AND ${OPEN} RETURNING ${cols}`,
          [id, state, byUserId ?? null],
        );
        if (rows[0]) await appendEvent(client, id, state, actor);
        return rows[0];
      });
      return changed(closed);
    },

    appendEvent: (caseId: string, kind: string, actor: string, detail?: Record<string, unknown>, dedupeKey?: string) =>
      appendEvent(q, caseId, kind, actor, detail, dedupeKey),
    async events(caseId: string): Promise<CaseEvent[]> {
      const { rows } = await q.query<CaseEvent>(`SELECT ${eventCols} FROM case_events WHERE case_id = $1 ORDER BY id`, [caseId]);
      return rows;
    },
    async hasEvent(dedupeKey: string): Promise<boolean> {
      const { rows } = await q.query(`SELECT 1 FROM case_events WHERE dedupe_key = $1`, [dedupeKey]);
      return rows.length > 0;
    },
    /** Who was offered this case, in which round (they are not offered it again). */
    async offers(caseId: string): Promise<{ nurse: string; round: number; languageMatched: boolean }[]> {
      const { rows } = await q.query<{ nurse: string; round: number; languageMatched: boolean }>(
        `SELECT detail->>'nurse' AS nurse, (detail->>'round')::int AS round, COALESCE((detail->>'languageMatched')::boolean, true) AS "languageMatched"
         FROM case_events WHERE case_id = $1 AND kind = 'offered' ORDER BY id`,
        [caseId],
      );
      return rows;
    },
    /** Open cases per nurse: claimed ones, plus offers still waiting for a claim. */
    async loadByNurse(): Promise<Map<string, number>> {
      const { rows } = await q.query<{ nurse: string; n: number }>(
        `SELECT nurse, count(DISTINCT case_id)::int AS n FROM (
           SELECT claimed_by AS nurse, id AS case_id FROM cases WHERE state = 'claimed'
           UNION ALL
           SELECT e.detail->>'nurse', e.case_id FROM case_events e JOIN cases c ON c.id = e.case_id
             WHERE e.kind = 'offered' AND c.state IN ('queued', 'offered')
         ) x WHERE nurse IS NOT NULL GROUP BY nurse`,
      );
      return new Map(rows.map((r) => [r.nurse, r.n]));
    },
    /** The id of a stored outbound message carrying `meta[key] = value` (retries check it before delivering again). */
    async messageWithMeta(conversationId: string, key: 'mattermostPostId' | 'caseNotice', value: string): Promise<number | undefined> {
      const { rows } = await q.query<{ id: number }>(
        `SELECT id FROM messages WHERE conversation_id = $1 AND direction = 'out' AND meta->>'${key}' = $2 LIMIT 1`,
        [conversationId, value],
      );
      return rows[0]?.id;
    },
  };
}
