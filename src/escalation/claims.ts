import type { CaseJobs } from './case-jobs.js';
import type { Case } from './cases-store.js';
import type { EscalationDeps } from './deps.js';
import { notifyPatient } from './patient-notices.js';

export interface StaffAction {
  caseId: string;
  userId: string;
  userName: string;
  /** The channel the button was clicked in (the case channel or the triage channel). */
  channelId: string;
}

const stateWords: Record<string, string> = { resolved: 'resolved', abandoned: 'closed', queued: 'waiting', offered: 'waiting' };

/** Claim and Resolve, as the nurses' buttons ask for them; the answer is the clicker's ephemeral text. */
export function createClaims(deps: EscalationDeps, jobs: CaseJobs) {
  const { cases, store } = deps;

  async function displayName(userId: string, userName: string): Promise<string> {
    const gateway = deps.mattermost?.gateway;
    const known = gateway?.cachedNurse(userId);
    if (known) return known.firstName;
    try {
      return gateway ? (await gateway.nurse(userId)).firstName : userName;
    } catch {
      return userName;
    }
  }

  const refusal = (c: Case | undefined, userId: string): string => {
    if (!c) return 'This case no longer exists.';
    if (c.state === 'claimed') {
      return c.claimedBy === userId ? `You have already claimed case #${c.number}.` : `Case #${c.number} is already claimed by ${c.claimedByName ?? 'another nurse'}.`;
    }
    return `Case #${c.number} is already ${stateWords[c.state] ?? c.state}.`;
  };

  return {
    async claim(action: StaffAction): Promise<string> {
      const name = await displayName(action.userId, action.userName);
      const { claimed, case: c } = await cases.claim(action.caseId, action.userId, name);
      if (!claimed || !c) return refusal(c, action.userId);
      await store.conversations.setMode(c.conversationId, 'handoff');
      if (c.mmChannelId && action.channelId !== c.mmChannelId) await jobs.enqueueAddMember(c, action.userId);
      await jobs.enqueueCardRefresh(c, 'claimed');
      await jobs.enqueueCasePost({ caseId: c.id, key: `case:${c.id}:claimed`, text: `:white_check_mark: ${name} claimed this case. Messages here now go to the patient.` });
      await notifyPatient(deps, c, 'claimed', { name });
      return `You claimed case #${c.number}. Write in the case channel to reply to the patient; start with // for internal notes.`;
    },

    async resolve(action: StaffAction): Promise<string> {
      const c = await cases.close(action.caseId, 'resolved', `mm:${action.userId}`, action.userId);
      if (!c) return refusal(await cases.get(action.caseId), action.userId);
      const name = await displayName(action.userId, action.userName);
      const conversation = await store.conversations.get(c.conversationId);
      if (conversation?.mode === 'handoff') await store.conversations.setMode(conversation.id, 'bot');
      await jobs.enqueueCardRefresh(c, 'resolved');
      await jobs.enqueueCasePost({ caseId: c.id, key: `case:${c.id}:resolved`, text: `:ballot_box_with_check: ${name} resolved this case. The patient is back with the assistant; messages here no longer reach them.` });
      await notifyPatient(deps, c, 'resolved');
      return `Case #${c.number} resolved.`;
    },
  };
}

export type Claims = ReturnType<typeof createClaims>;
