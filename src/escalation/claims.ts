import type { CaseJobs } from './case-jobs.js';
import type { Case } from './cases-store.js';
import type { EscalationDeps } from './deps.js';
import type { StaffAction } from './desk.js';
import { handBack, handOver, notifyPatient } from './policy.js';

export type { StaffAction } from './desk.js';

export const NOT_STAFF_TEXT = 'Only nurses in the triage channel can claim or resolve cases.';
const isClaimable = (c: Case) => c.state === 'queued' || c.state === 'offered';

const stateWords: Record<string, string> = { resolved: 'resolved', abandoned: 'closed', queued: 'waiting', offered: 'waiting' };

/** Claim and Resolve, as the nurses' buttons ask for them; each answer is the text only the clicker sees. */
export interface Claims {
  /** A nurse takes the case: the patient is handed over to them, and told. */
  claim(action: StaffAction): Promise<string>;
  /** A nurse closes the case: the patient goes back to the bot, and is told. */
  resolve(action: StaffAction): Promise<string>;
  /** A genuine button past its expiry: staff get it signed again on the same post. */
  renew(action: StaffAction, expiredAt: number): Promise<string>;
  /** What the desk hands in: an expired action is renewed, a genuine one carried out. */
  act(action: StaffAction): Promise<string>;
}

export function createClaims(deps: EscalationDeps, jobs: CaseJobs): Claims {
  const { cases, store } = deps;

  /** The clicker as the desk knows them, if they are staff for this case; never the payload's name. */
  async function staffFor(userId: string, c: Case) {
    const desk = deps.desk;
    return desk ? desk.staffMember(userId, c.roomId ?? undefined) : undefined;
  }

  const refusal = (c: Case | undefined, userId: string): string => {
    if (!c) return 'This case no longer exists.';
    if (c.state === 'claimed') {
      return c.claimedBy === userId ? `You have already claimed case #${c.number}.` : `Case #${c.number} is already claimed by ${c.claimedByName ?? 'another nurse'}.`;
    }
    return `Case #${c.number} is already ${stateWords[c.state] ?? c.state}.`;
  };

  const api: Claims = {
    async claim(action: StaffAction): Promise<string> {
      const current = await cases.get(action.caseId);
      if (!current) return refusal(undefined, action.userId);
      const nurse = await staffFor(action.userId, current);
      if (!nurse) return NOT_STAFF_TEXT;
      // Single use: a claim clicked (or replayed) again changes nothing and says so.
      if (!isClaimable(current)) return refusal(current, action.userId);
      const name = nurse.firstName;
      const { claimed, case: c } = await cases.claim(action.caseId, action.userId, name);
      if (!claimed || !c) return refusal(c, action.userId);
      await handOver(store.conversations, c.conversationId);
      // Claimed from an alert: the nurse is not in the private case room yet.
      if (c.roomId && action.postId !== c.cardId) await jobs.enqueueAddMember(c, action.userId);
      await jobs.enqueueCardRefresh(c, 'claimed');
      await jobs.enqueueCasePost({ caseId: c.id, key: `case:${c.id}:claimed`, note: { kind: 'claimed', name } });
      await notifyPatient(deps, c, 'claimed', { name });
      return `You claimed case #${c.number}. Write in the case channel to reply to the patient; start with // for internal notes.`;
    },

    async resolve(action: StaffAction): Promise<string> {
      const current = await cases.get(action.caseId);
      if (!current) return refusal(undefined, action.userId);
      const nurse = await staffFor(action.userId, current);
      if (!nurse) return NOT_STAFF_TEXT;
      const c = await cases.close(action.caseId, 'resolved', `mm:${action.userId}`, action.userId);
      if (!c) return refusal(await cases.get(action.caseId), action.userId);
      const name = nurse.firstName;
      await handBack(store.conversations, c.conversationId);
      await jobs.enqueueCardRefresh(c, 'resolved');
      await jobs.enqueueCasePost({ caseId: c.id, key: `case:${c.id}:resolved`, note: { kind: 'resolved', name } });
      await notifyPatient(deps, c, 'resolved');
      return `Case #${c.number} resolved.`;
    },

    /** A genuine button past its expiry: staff get it signed again on the same post. */
    async renew(action: StaffAction, expiredAt: number): Promise<string> {
      const c = await cases.get(action.caseId);
      if (!c) return refusal(undefined, action.userId);
      if (!(await staffFor(action.userId, c))) return NOT_STAFF_TEXT;
      await jobs.enqueueRenewal(c, action.postId, expiredAt);
      return 'This button had expired and has been renewed. Please click it again.';
    },

    /** What the desk hands in: an expired action is renewed, a genuine one carried out. */
    act(action: StaffAction): Promise<string> {
      if (action.expiredAt !== undefined) return api.renew(action, action.expiredAt);
      return action.kind === 'claim' ? api.claim(action) : api.resolve(action);
    },
  };
  return api;
}
