import { isLanguage } from '../language/languages.js';
import type { OutboxJob } from '../outbox/outbox.js';
import { chooseNurses, WAVE_SIZE } from './assignment.js';
import {
  cardMessage,
  cardProps,
  channelDisplayName,
  interpreterNote,
  channelName,
  patientPost,
  priorityLabel,
  triageMessage,
  triageProps,
} from './mattermost/card.js';
import type { Case } from './cases-store.js';
import { caseOrdering, deadlineFor, JOB, JOBS, type CasePostPayload, type EscalationDeps, type MattermostSide } from './deps.js';
import { notifyPatient } from './policy.js';

/** Choosing nurses wants presence as of now: status changes of others never reach the bot's websocket. */
const PRESENCE_MAX_AGE_MS = 1_000;

/**
 * Everything the case does in Mattermost, as outbox jobs: retried with backoff while
 * Mattermost is down, one at a time per case (ordering key), idempotent on retry.
 */
export function createCaseJobs(deps: EscalationDeps) {
  const { cases, outbox, store, logger } = deps;

  const side = (): MattermostSide => {
    if (!deps.mattermost) throw new Error('Mattermost is not configured');
    return deps.mattermost;
  };
  /** Without a post id the buttons are left out: a post is made first, then signed for its own id. */
  const cardOptions = (m: MattermostSide, postId?: string) => ({ actionUrl: m.actionUrl(), actionSecret: m.settings.actionSecret, ...(postId ? { postId } : {}) });
  const isOpen = (c: Case | undefined): c is Case => !!c && (c.state === 'queued' || c.state === 'offered' || c.state === 'claimed');

  // --- enqueueing --------------------------------------------------------------------
  // Each enqueue also tries the job at once, in the caller (the outbox's fast path): cases
  // of different patients reach Mattermost in parallel, not one by one in the sweep.

  async function enqueueOpen(c: Case, generation: number): Promise<void> {
    const { id } = await outbox.enqueue(JOB.open, `case:${c.id}:open:${generation}`, { caseId: c.id }, { orderingKey: caseOrdering(c.id) });
    await cases.setOpenJob(c.id, id, generation);
  }
  async function enqueueRound(c: Case, round: number): Promise<void> {
    await outbox.enqueue(JOB.round, `case:${c.id}:round:${round}`, { caseId: c.id, round }, { orderingKey: caseOrdering(c.id) });
  }
  /** Posts into the case channel (after the card). `text` is ours; patient text is read from the store. */
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
    const m = side();
    const previous = await cases.offers(c.id);
    const recorded = previous.filter((o) => o.round === round);
    if (recorded.length) return { nurses: recorded.map((o) => o.nurse), languageMatched: recorded[0]!.languageMatched };
    const [pool, presence, load] = await Promise.all([m.gateway.pool(), m.presence.current(PRESENCE_MAX_AGE_MS), cases.loadByNurse()]);
    const pick = chooseNurses({
      pool,
      presence,
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

  /** Adds the round's nurses to the case channel and mentions them, so they are notified. */
  async function announceRound(c: Case, channelId: string, round: number, pick: { nurses: string[]; languageMatched: boolean }, mayExist: boolean): Promise<void> {
    const { nurses } = pick;
    if (nurses.length === 0) return;
    const m = side();
    await m.gateway.addMembers(channelId, nurses);
    const names = await Promise.all(nurses.map((id) => m.gateway.mention(id)));
    const minutes = Math.max(1, Math.round(deadlineFor(deps.config, c.priority) / 60_000));
    const interpreter = pick.languageMatched ? '' : `\n${interpreterNote(c.language)}`;
    const message = `${names.join(' ')} ${priorityLabel(c.priority)} case #${c.number} is waiting for a nurse. **Claim** it on the card above to take the conversation. Unclaimed after about ${minutes} min, it goes to other nurses.${interpreter}`;
    await m.gateway.postOnce(channelId, `case:${c.id}:offer:${round}`, { message }, mayExist);
  }

  async function alertTriage(c: Case, mention: 'here' | 'channel', why: 'unavailable' | 'unclaimed', mayExist: boolean): Promise<void> {
    const m = side();
    const { triageChannelId } = await m.gateway.ready();
    const waited = Math.max(1, Math.round((Date.now() - new Date(c.createdAt).getTime()) / 60_000));
    const key = `case:${c.id}:triage:${mention}`;
    const post = await m.gateway.postOnce(triageChannelId, key, { message: triageMessage(c, mention, why, waited), props: triageProps(c, cardOptions(m)) }, mayExist);
    await m.gateway.patchProps(post.id, key, triageProps(c, cardOptions(m, post.id)));
    await cases.appendEvent(c.id, 'triage_alerted', 'system', { mention, why }, key);
  }

  // --- job handlers ----------------------------------------------------------------------

  /** Case channel, card, first nurses (or the triage channel when nobody can take it). */
  async function runOpen(job: OutboxJob<{ caseId: string }>): Promise<void> {
    const m = side();
    const c = await cases.get(job.payload.caseId);
    if (!isOpen(c) || c.state !== 'queued') return;
    const mayExist = job.attempts > 1;
    let channelId = c.roomId;
    if (!channelId) {
      const channel = await m.gateway.ensurePrivateChannel(channelName(c), channelDisplayName(c), `CareRelay case #${c.number}`);
      await cases.setRoom(c.id, 'mattermost', channel.id, channel.name);
      channelId = channel.id;
    }
    // The card first: it is what the nurses need; choosing who to offer it to comes next.
    if (!c.cardId) {
      const history = await store.messages.history(c.conversationId, 200);
      const transcript = history.filter((msg) => c.transcriptUntil === null || msg.id <= c.transcriptUntil);
      const key = `case:${c.id}:card`;
      const card = await m.gateway.postOnce(channelId, key, { message: cardMessage(c, transcript), props: cardProps(c, cardOptions(m)) }, mayExist);
      // The buttons' signature names the post, so they go on once it exists (a retry lands here too).
      await m.gateway.patchProps(card.id, key, cardProps(c, cardOptions(m, card.id)));
      await cases.setCard(c.id, card.id);
      await cases.appendEvent(c.id, 'card_posted', 'system', { postId: card.id, channelId }, `case:${c.id}:card`);
    }
    const first = await pickRound(c, 1);
    await announceRound(c, channelId, 1, first, mayExist);
    if (first.nurses.length === 0) {
      await alertTriage(c, 'here', 'unavailable', mayExist);
      await notifyPatient(deps, c, 'unavailable');
    } else if (c.priority === 'emergency') {
      // Only now, with the card in front of nurses, may the patient be told they were alerted.
      await notifyPatient(deps, c, 'emergencyAlerted');
    }
    await cases.markOffered(c.id, deadlineFor(deps.config, c.priority));
  }

  /** A deadline passed without a claim: next nurses, then @channel in the triage channel. */
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
    const m = side();
    const c = await cases.get(job.payload.caseId);
    if (!c?.roomId) throw new Error('case channel not ready');
    let message = job.payload.text;
    if (job.payload.messageId !== undefined) {
      const inbound = await store.messages.get(job.payload.messageId);
      if (!inbound) return;
      const replies = await Promise.all((job.payload.replyIds ?? []).map((id) => store.messages.get(id)));
      message = patientPost(inbound.body, replies.filter((r) => r !== undefined).map((r) => r.body));
    }
    if (!message) return;
    const post = await m.gateway.postOnce(c.roomId, job.payload.key, { message }, job.attempts > 1);
    if (job.payload.messageId !== undefined) {
      await cases.appendEvent(c.id, 'relayed_to_nurses', 'patient', { messageId: job.payload.messageId, postId: post.id }, job.payload.key);
    }
    return { externalId: post.id };
  }

  async function runCardRefresh(job: OutboxJob<{ caseId: string; postId?: string }>): Promise<void> {
    const m = side();
    const c = await cases.get(job.payload.caseId);
    if (!c) return;
    const { postId } = job.payload;
    if (postId && postId !== c.cardId) {
      // A triage alert: only one of ours, in the triage channel, is re-signed.
      const [own, { triageChannelId }] = await Promise.all([m.gateway.ownPost(postId), m.gateway.ready()]);
      if (own && own.channelId === triageChannelId) await m.gateway.patchProps(postId, own.key, triageProps(c, cardOptions(m, postId)));
      return;
    }
    if (!c.cardId) return;
    await m.gateway.patchProps(c.cardId, `case:${c.id}:card`, cardProps(c, cardOptions(m, c.cardId)));
  }

  async function runAddMember(job: OutboxJob<{ caseId: string; userId: string }>): Promise<void> {
    const c = await cases.get(job.payload.caseId);
    if (!c?.roomId) throw new Error('case channel not ready');
    await side().gateway.addMembers(c.roomId, [job.payload.userId]);
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
    logger,
  };
}

export type CaseJobs = ReturnType<typeof createCaseJobs>;
