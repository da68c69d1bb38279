import { isLanguage } from '../language/languages.js';
import type { OutboxJob } from '../outbox/outbox.js';
import { chooseNurses, WAVE_SIZE } from './assignment.js';
import type { Case } from './cases-store.js';
import { caseOrdering, deadlineFor, JOB, JOBS, type CasePostPayload, type EscalationDeps } from './deps.js';
import type { CaseNote, StaffAlert, StaffDesk } from './desk.js';
import type { PresenceTracker } from './presence.js';
import { notifyPatient } from './policy.js';

/** Choosing nurses wants presence as of now: status changes of others never reach the bot's websocket. */
const PRESENCE_MAX_AGE_MS = 1_000;

/**
 * Everything the case does on the staff desk, as outbox jobs: retried with backoff while
 * the desk is down, one at a time per case (ordering key), idempotent on retry.
 */
export interface CaseJobs {
  /** Registers the case jobs with the outbox. */
  register(): void;
  /** Puts the case on the desk: its room, card and first nurses (`generation` starts over a job that died). */
  enqueueOpen(c: Case, generation: number): Promise<void>;
  /** The next rung after a missed deadline: more nurses, then an alert to all staff. */
  enqueueRound(c: Case, round: number): Promise<void>;
  /** Posts into the case's room, after the card. */
  enqueueCasePost(payload: CasePostPayload): Promise<void>;
  /** Redraws the case card after the case changed (`reason` keeps one job per change). */
  enqueueCardRefresh(c: Case, reason: string): Promise<void>;
  /** Signs a post's buttons again after they expired (the card, or a triage alert). */
  enqueueRenewal(c: Case, postId: string, expiredAt: number): Promise<void>;
  /** Adds a nurse to the case's room (one who claimed from an alert outside it). */
  enqueueAddMember(c: Case, userId: string): Promise<void>;
}

export function createCaseJobs(deps: EscalationDeps): CaseJobs {
  const { cases, outbox, store } = deps;

  const side = (): { desk: StaffDesk; presence: PresenceTracker } => {
    if (!deps.desk || !deps.presence) throw new Error('no staff desk is configured');
    return { desk: deps.desk, presence: deps.presence };
  };
  const isOpen = (c: Case | undefined): c is Case => !!c && (c.state === 'queued' || c.state === 'offered' || c.state === 'claimed');

  // --- enqueueing --------------------------------------------------------------------
  // Each enqueue also tries the job at once, in the caller (the outbox's fast path): cases
  // of different patients reach the desk in parallel, not one by one in the sweep.

  async function enqueueOpen(c: Case, generation: number): Promise<void> {
    const { id } = await outbox.enqueue(JOB.open, `case:${c.id}:open:${generation}`, { caseId: c.id }, { orderingKey: caseOrdering(c.id) });
    await cases.setOpenJob(c.id, id, generation);
  }
  async function enqueueRound(c: Case, round: number): Promise<void> {
    await outbox.enqueue(JOB.round, `case:${c.id}:round:${round}`, { caseId: c.id, round }, { orderingKey: caseOrdering(c.id) });
  }
  /** Posts into the case's room (after the card). `note` is ours; patient text is read from the store. */
  async function enqueueCasePost(payload: CasePostPayload): Promise<void> {
    await outbox.enqueue(JOB.casePost, payload.key, payload, { orderingKey: caseOrdering(payload.caseId) });
  }
  async function enqueueCardRefresh(c: Case, reason: string): Promise<void> {
    await outbox.enqueue(JOB.card, `case:${c.id}:card:${reason}`, { caseId: c.id }, { orderingKey: caseOrdering(c.id) });
  }
  /** Signs a post's buttons again after they expired (the card, or a triage alert). */
  async function enqueueRenewal(c: Case, postId: string, expiredAt: number): Promise<void> {
    await outbox.enqueue(JOB.card, `case:${c.id}:renew:${postId}:${expiredAt}`, { caseId: c.id, postId }, { orderingKey: caseOrdering(c.id) });
  }
  async function enqueueAddMember(c: Case, userId: string): Promise<void> {
    await outbox.enqueue(JOB.addMember, `case:${c.id}:member:${userId}`, { caseId: c.id, userId }, { orderingKey: caseOrdering(c.id) });
  }

  // --- steps ---------------------------------------------------------------------------

  /**
   * Chooses the nurses for `round` and records them in the ledger. A retried round reuses
   * the nurses recorded for it instead of choosing again.
   */
  async function pickRound(c: Case, round: number): Promise<{ nurses: string[]; languageMatched: boolean }> {
    const { desk, presence } = side();
    const previous = await cases.offers(c.id);
    const recorded = previous.filter((o) => o.round === round);
    if (recorded.length) return { nurses: recorded.map((o) => o.nurse), languageMatched: recorded[0]!.languageMatched };
    const [pool, statuses, load] = await Promise.all([desk.pool(), presence.current(PRESENCE_MAX_AGE_MS), cases.loadByNurse()]);
    const pick = chooseNurses({
      pool,
      presence: statuses,
      roster: deps.roster,
      load,
      language: isLanguage(c.language) ? c.language : null,
      exclude: new Set(previous.map((o) => o.nurse)),
      count: WAVE_SIZE[c.priority],
    });
    for (const n of pick.nurses) {
      const detail = { nurse: n.id, round, status: n.status, load: n.load, languageMatched: pick.languageMatched };
      await cases.appendEvent(c.id, 'offered', 'system', detail, `case:${c.id}:offer:${round}:${n.id}`);
    }
    return { nurses: pick.nurses.map((n) => n.id), languageMatched: pick.nurses.length === 0 || pick.languageMatched };
  }

  /** Adds the round's nurses to the case's room and mentions them, so they are notified. */
  async function announceRound(c: Case, roomId: string, round: number, pick: { nurses: string[]; languageMatched: boolean }, mayExist: boolean): Promise<void> {
    const { nurses } = pick;
    if (nurses.length === 0) return;
    const { desk } = side();
    await desk.addStaff(roomId, nurses);
    const deadlineMinutes = Math.max(1, Math.round(deadlineFor(deps.config, c.priority) / 60_000));
    const note: CaseNote = { kind: 'offer', staff: nurses, deadlineMinutes, languageMatched: pick.languageMatched };
    await desk.postToCase({ ...c, roomId }, `case:${c.id}:offer:${round}`, note, mayExist);
  }

  /** Alerts all staff outside the case's room: those around (`here`), or everyone (`channel`). */
  async function alertTriage(c: Case, reach: StaffAlert['reach'], why: StaffAlert['why'], mayExist: boolean): Promise<void> {
    const waitedMinutes = Math.max(1, Math.round((deps.clock.now() - new Date(c.createdAt).getTime()) / 60_000));
    const key = `case:${c.id}:triage:${reach}`;
    await side().desk.alertStaff(c, { reach, why, waitedMinutes }, key, mayExist);
    await cases.appendEvent(c.id, 'triage_alerted', 'system', { mention: reach, why }, key);
  }

  // --- job handlers ----------------------------------------------------------------------

  /** Case room, card, first nurses (or an alert to all staff when nobody can take it). */
  async function runOpen(job: OutboxJob<{ caseId: string }>): Promise<void> {
    const { desk } = side();
    const c = await cases.get(job.payload.caseId);
    if (!isOpen(c) || c.state !== 'queued') return;
    const mayExist = job.attempts > 1;
    let roomId = c.roomId;
    if (!roomId) {
      const room = await desk.openRoom(c);
      await cases.setRoom(c.id, desk.name, room.id, room.name);
      roomId = room.id;
    }
    // The card first: it is what the nurses need; choosing who to offer it to comes next.
    if (!c.cardId) {
      const history = await store.messages.history(c.conversationId, 200);
      const transcript = history.filter((msg) => c.transcriptUntil === null || msg.id <= c.transcriptUntil);
      const cardId = await desk.postCard(c, roomId, transcript, mayExist);
      await cases.setCard(c.id, cardId);
      await cases.appendEvent(c.id, 'card_posted', 'system', { postId: cardId, channelId: roomId }, `case:${c.id}:card`);
    }
    const first = await pickRound(c, 1);
    await announceRound(c, roomId, 1, first, mayExist);
    if (first.nurses.length === 0) {
      await alertTriage(c, 'here', 'unavailable', mayExist);
      await notifyPatient(deps, c, 'unavailable');
    } else if (c.priority === 'emergency') {
      // Only now, with the card in front of nurses, may the patient be told they were alerted.
      await notifyPatient(deps, c, 'emergencyAlerted');
    }
    await cases.markOffered(c.id, deadlineFor(deps.config, c.priority));
  }

  /** A deadline passed without a claim: next nurses, then an alert to all staff. */
  async function runRound(job: OutboxJob<{ caseId: string; round: number }>): Promise<void> {
    const c = await cases.get(job.payload.caseId);
    if (!c || c.state !== 'offered' || !c.roomId) return;
    const mayExist = job.attempts > 1;
    const { round } = job.payload;
    if (round === 2) {
      const next = await pickRound(c, 2);
      await announceRound(c, c.roomId, 2, next, mayExist);
      if (next.nurses.length === 0) await alertTriage(c, 'channel', 'unclaimed', mayExist);
    } else if (round >= 3 && !(await cases.hasEvent(`case:${c.id}:triage:channel`))) {
      await alertTriage(c, 'channel', 'unclaimed', mayExist);
    }
  }

  async function runCasePost(job: OutboxJob<CasePostPayload>): Promise<void | { externalId?: string }> {
    const { desk } = side();
    const c = await cases.get(job.payload.caseId);
    if (!c?.roomId) throw new Error('case channel not ready');
    const { note, text, messageId } = job.payload;
    let said: CaseNote | undefined = note ?? (text ? { kind: 'text', text } : undefined);
    if (messageId !== undefined) {
      const inbound = await store.messages.get(messageId);
      if (!inbound) return;
      const replies = await Promise.all((job.payload.replyIds ?? []).map((id) => store.messages.get(id)));
      said = { kind: 'patient', body: inbound.body, replies: replies.filter((r) => r !== undefined).map((r) => r.body) };
    }
    if (!said) return;
    const postId = await desk.postToCase(c, job.payload.key, said, job.attempts > 1);
    if (messageId !== undefined) {
      await cases.appendEvent(c.id, 'relayed_to_nurses', 'patient', { messageId, postId }, job.payload.key);
    }
    return { externalId: postId };
  }

  async function runCardRefresh(job: OutboxJob<{ caseId: string; postId?: string }>): Promise<void> {
    const { desk } = side();
    const c = await cases.get(job.payload.caseId);
    if (!c) return;
    const { postId } = job.payload;
    if (postId) await desk.renewActions(c, postId);
    else await desk.refreshCard(c);
  }

  async function runAddMember(job: OutboxJob<{ caseId: string; userId: string }>): Promise<void> {
    const c = await cases.get(job.payload.caseId);
    if (!c?.roomId) throw new Error('case channel not ready');
    await side().desk.addStaff(c.roomId, [job.payload.userId]);
  }

  return {
    register(): void {
      outbox.register(JOBS.open, runOpen);
      outbox.register(JOBS.round, runRound);
      outbox.register(JOBS.casePost, runCasePost);
      outbox.register(JOBS.card, runCardRefresh);
      outbox.register(JOBS.addMember, runAddMember);
    },
    enqueueOpen,
    enqueueRound,
    enqueueCasePost,
    enqueueCardRefresh,
    enqueueRenewal,
    enqueueAddMember,
  };
}
