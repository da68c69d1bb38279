import type { Clock } from '../clock.js';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { EngineServices } from '../engine/context.js';
import type { Logger } from '../logger.js';
import { jobKind, type Outbox } from '../outbox/outbox.js';
import type { StateStore } from '../state/state-store.js';
import type { Store } from '../store/store.js';
import type { TurnProcessor } from '../turns.js';
import type { CasesStore, Priority } from './cases-store.js';
import type { CaseNote, StaffDesk } from './desk.js';
import type { PresenceTracker } from './presence.js';
import type { StaffRoster } from './staff.js';

export interface EscalationDeps {
  config: Config;
  logger: Logger;
  store: Store;
  state: StateStore;
  cases: CasesStore;
  outbox: Outbox;
  processor: Pick<TurnProcessor, 'deliver'>;
  services: EngineServices;
  roster: StaffRoster;
  /** The time for caches and intervals (src/clock.ts). */
  clock: Clock;
  /** The staff desk and who is around on it: both present only when a desk is configured. */
  desk?: StaffDesk;
  presence?: PresenceTracker;
}

export const deadlineFor = (config: Config, priority: Priority) => config.caseDeadlinesMs[priority];

/** Outbox job kinds this module registers. */
export const JOB = {
  open: 'escalation.open',
  round: 'escalation.round',
  casePost: 'escalation.case-post',
  card: 'escalation.card',
  addMember: 'escalation.add-member',
  relay: 'escalation.relay',
} as const;

const caseId = z.string().min(1);
const name = z.string();

/** The notes a case post job carries: never the patient's words (read by message id), never desk-worded text. */
export type QueuedNote = Exclude<CaseNote, { kind: 'patient' } | { kind: 'text' }>;

/** What a case post says, desk-neutral: the desk words it (see CaseNote). */
const caseNote: z.ZodType<QueuedNote> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), staff: z.array(z.string().min(1)), deadlineMinutes: z.number(), languageMatched: z.boolean() }),
  z.object({ kind: z.literal('raised'), priority: z.enum(['emergency', 'urgent', 'routine']), reason: z.string().nullable() }),
  z.object({ kind: z.literal('claimed'), name }),
  z.object({ kind: z.literal('resolved'), name }),
  z.object({ kind: z.literal('undelivered'), final: z.boolean(), writtenAt: z.string().nullable(), reason: z.string() }),
]);

/** The payload schema of each kind: checked by the outbox whenever a row is read back to run. */
export const JOBS = {
  open: jobKind(JOB.open, z.object({ caseId })),
  round: jobKind(JOB.round, z.object({ caseId, round: z.number().int().min(1) })),
  /**
   * `note` is ours (`text`: already worded, from rows queued by an older build); a patient's
   * words are read from the store by message id, never kept in the payload.
   */
  casePost: jobKind(
    JOB.casePost,
    z.object({
      caseId,
      key: z.string().min(1),
      note: caseNote.optional(),
      text: z.string().optional(),
      messageId: z.number().int().optional(),
      replyIds: z.array(z.number().int()).optional(),
    }),
  ),
  /** Refreshes the case card, or (with `postId`) re-signs a triage alert's buttons. */
  card: jobKind(JOB.card, z.object({ caseId, postId: z.string().optional() })),
  addMember: jobKind(JOB.addMember, z.object({ caseId, userId: z.string().min(1) })),
  /** A staff message heard in a case channel, on its way to the patient. */
  relay: jobKind(JOB.relay, z.object({ postId: z.string().min(1), channelId: z.string().min(1), userId: z.string().min(1), message: z.string() })),
};
export type CasePostPayload = z.infer<typeof JOBS.casePost.schema>;
export type RelayPayload = z.infer<typeof JOBS.relay.schema>;

/** Case jobs share an ordering key so the card always comes before anything posted after it. */
export const caseOrdering = (caseId: string) => `case:${caseId}`;
