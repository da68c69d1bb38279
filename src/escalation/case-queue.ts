import type { Queryable } from '../db/database.js';
import type { CaseState, Priority } from './cases-store.js';

/**
 * The case queue as staff read it: the CLI (`carerelay cases`), the pinned queue post and
 * the `/carerelay cases` slash command in Mattermost, and the waiting-case metrics all read
 * these rows. Facts about the case only, never message text.
 */
export interface QueueEntry {
  id: string;
  number: number;
  state: CaseState;
  priority: Priority;
  reason: string;
  language: string | null;
  channel: string;
  conversationId: string;
  claimedByName: string | null;
  offerRound: number;
  roomName: string | null;
  createdAt: Date;
  offeredAt: Date | null;
  claimedAt: Date | null;
  closedAt: Date | null;
}

export const CASE_STATES: readonly CaseState[] = ['queued', 'offered', 'claimed', 'resolved', 'abandoned'];

/** Words `--state` accepts besides the five states. */
export const STATE_GROUPS: Record<string, readonly CaseState[]> = {
  open: ['queued', 'offered', 'claimed'],
  waiting: ['queued', 'offered'],
  closed: ['resolved', 'abandoned'],
  all: CASE_STATES,
};

/** `open`, `queued,offered`, `all` → the states; undefined for a word that is none of them. */
export function parseStates(text: string): CaseState[] | undefined {
  const out = new Set<CaseState>();
  for (const word of text.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean)) {
    const group = STATE_GROUPS[word] ?? (CASE_STATES.includes(word as CaseState) ? [word as CaseState] : undefined);
    if (!group) return undefined;
    for (const s of group) out.add(s);
  }
  return out.size ? [...out] : undefined;
}

const cols = `id, number, state, priority, reason, language, channel, conversation_id AS "conversationId",
  claimed_by_name AS "claimedByName", offer_round AS "offerRound", desk_room_name AS "roomName",
  created_at AS "createdAt", offered_at AS "offeredAt", claimed_at AS "claimedAt", closed_at AS "closedAt"`;

/** Open cases first by urgency, then the longest waiting; closed ones newest first. */
const ORDER = `CASE state WHEN 'queued' THEN 0 WHEN 'offered' THEN 0 WHEN 'claimed' THEN 1 ELSE 2 END,
  CASE WHEN state IN ('queued', 'offered', 'claimed') THEN CASE priority WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END ELSE 0 END,
  CASE WHEN state IN ('queued', 'offered', 'claimed') THEN created_at END ASC,
  created_at DESC`;

export async function listQueue(q: Queryable, states: readonly CaseState[] = STATE_GROUPS.open!, limit = 200): Promise<QueueEntry[]> {
  const { rows } = await q.query<QueueEntry>(`SELECT ${cols} FROM cases WHERE state = ANY($1::text[]) ORDER BY ${ORDER} LIMIT $2`, [states, limit]);
  return rows;
}

/** A case by its number (`12`, `#12`) or its id. */
export async function findCase(q: Queryable, ref: string): Promise<QueueEntry | undefined> {
  const trimmed = ref.trim().replace(/^#/, '');
  if (/^\d{1,15}$/.test(trimmed)) {
    const { rows } = await q.query<QueueEntry>(`SELECT ${cols} FROM cases WHERE number = $1`, [Number(trimmed)]);
    return rows[0];
  }
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed)) {
    const { rows } = await q.query<QueueEntry>(`SELECT ${cols} FROM cases WHERE id = $1`, [trimmed]);
    return rows[0];
  }
  return undefined;
}

export interface WaitingSummary {
  /** Open cases by state and priority. */
  open: { state: CaseState; priority: Priority; count: number }[];
  /** Seconds the longest-waiting unclaimed case has waited (0 when none). */
  oldestUnclaimedSeconds: number;
}

export async function waitingSummary(q: Queryable): Promise<WaitingSummary> {
  const [counts, oldest] = await Promise.all([
    q.query<{ state: CaseState; priority: Priority; count: number }>(
      `SELECT state, priority, count(*)::int AS count FROM cases WHERE state IN ('queued', 'offered', 'claimed') GROUP BY state, priority`,
    ),
    q.query<{ seconds: number | null }>(
      `SELECT EXTRACT(EPOCH FROM now() - min(created_at))::double precision AS seconds FROM cases WHERE state IN ('queued', 'offered')`,
    ),
  ]);
  return { open: counts.rows, oldestUnclaimedSeconds: Math.max(0, Math.round(oldest.rows[0]?.seconds ?? 0)) };
}

/** `42s`, `7m`, `3h 05m`, `2d 4h`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** How staff read a state: queued and offered are both "waiting" for a nurse. */
export function stateLabel(e: Pick<QueueEntry, 'state' | 'offerRound' | 'claimedByName'>): string {
  switch (e.state) {
    case 'queued':
      return 'waiting (not yet offered)';
    case 'offered':
      return e.offerRound > 1 ? `offered (round ${e.offerRound})` : 'offered';
    case 'claimed':
      return `claimed by ${e.claimedByName ?? 'a nurse'}`;
    default:
      return e.state;
  }
}

/** Age that matters for the state: waiting since opened; claimed since claimed; closed when closed. */
export function ageOf(e: Pick<QueueEntry, 'state' | 'createdAt' | 'claimedAt' | 'closedAt'>, now = Date.now()): number {
  if (e.state === 'claimed' && e.claimedAt) return now - new Date(e.claimedAt).getTime();
  if ((e.state === 'resolved' || e.state === 'abandoned') && e.closedAt) return new Date(e.closedAt).getTime() - new Date(e.createdAt).getTime();
  return now - new Date(e.createdAt).getTime();
}
