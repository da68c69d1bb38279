import type { TurnResult, Urgency } from '../engine/context.js';
import { isLanguage, type Language } from '../language/languages.js';
import type { Reply } from '../message.js';
import type { ConversationMode } from '../store/store.js';
import type { Case } from './cases-store.js';
import type { EscalationDeps } from './deps.js';

/**
 * The escalation policy: the one place that decides what a patient is told about a hand-over
 * and when the conversation passes between the assistant and staff. The engine only decides
 * `{escalate, reason, urgency}`; the escalation stage and the after-turn hook both ask
 * `noticeOnEscalation` which notice goes with it, and every mode change goes through
 * `handOver` / `handBack`.
 */

export type NoticeKind = 'connecting' | 'emergencyAlerted' | 'unconfigured' | 'unavailable' | 'claimed' | 'resolved' | 'abandoned';

export const NOTICE_KEYS: Record<NoticeKind, string> = {
  connecting: 'escalation:stage.connecting',
  unconfigured: 'escalation:stage.unconfigured',
  emergencyAlerted: 'escalation:patient.emergencyAlerted',
  unavailable: 'escalation:patient.unavailable',
  claimed: 'escalation:patient.claimed',
  resolved: 'escalation:patient.resolved',
  abandoned: 'escalation:patient.abandoned',
};

/** Minutes to promise: the first deadline of the case's priority, never less than 2. */
export function expectedWaitMinutes(deadlineMs: number): number {
  return Math.max(2, Math.ceil(deadlineMs / 60_000));
}

/**
 * The notice that goes with an escalating turn, said at once. An emergency gets none here: the
 * safety reply already gave the numbers to call, and "our nurses were alerted" waits until the
 * case has reached them (the case-open job). Without a staff desk the patient is given the
 * nurse line instead of a wait.
 */
export function noticeOnEscalation(
  urgency: Urgency,
  deskConfigured: boolean,
  deadlinesMs: Record<Urgency, number>,
): { kind: 'connecting' | 'unconfigured'; vars: Record<string, number> } | undefined {
  if (urgency === 'emergency') return undefined;
  if (!deskConfigured) return { kind: 'unconfigured', vars: {} };
  return { kind: 'connecting', vars: { minutes: expectedWaitMinutes(deadlinesMs[urgency]) } };
}

/** Conversation modes, as far as escalation changes them. */
export interface ModeWriter {
  setMode(id: string, mode: ConversationMode, onlyFrom?: ConversationMode): Promise<void>;
}

/** Staff have the conversation: the assistant stops answering (the safety gate still runs). */
export function handOver(conversations: ModeWriter, conversationId: string): Promise<void> {
  return conversations.setMode(conversationId, 'handoff');
}

/** The case ended (resolved, closed, abandoned): the assistant answers again, unless the conversation was closed meanwhile. */
export function handBack(conversations: ModeWriter, conversationId: string): Promise<void> {
  return conversations.setMode(conversationId, 'bot', 'handoff');
}

/**
 * Short, plain facts from the turn's sections for the case card (ids and numbers, never message
 * text), under the keys case cards have always shown: `emergency.*` for a red flag,
 * `safetyScreen.*` for a screening question, and the answer stage's topic, unit and mode.
 */
export function caseDetails(result: TurnResult): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const put = (key: string, value: unknown) => {
    if ((typeof value === 'string' && value.length <= 60) || typeof value === 'number') out[key] = value;
  };
  const { redFlag, screen } = result.safety ?? {};
  if (redFlag) {
    put('emergency.category', redFlag.category);
    put('emergency.flag', redFlag.flag);
    put('emergency.disposition', redFlag.disposition);
    put('emergency.matched', redFlag.matched);
  }
  if (screen) {
    put('safetyScreen.screen', screen.screen);
    put('safetyScreen.matched', screen.matched);
    put('safetyScreen.answer', screen.answer);
  }
  const answer = result.answer ?? {};
  put('clinical', answer.clinical);
  put('retrieval', answer.retrieval);
  put('answer', answer.kind);
  put('topic', answer.topic);
  put('unit', answer.unit);
  put('llmFallback', answer.llmFallback);
  return out;
}

/**
 * Tells the patient, in their language and on their channel, what is happening with their
 * case. Once per case and kind, also when a job is retried: the stored message carries a
 * marker that is checked first.
 */
export async function notifyPatient(deps: EscalationDeps, c: Case, kind: NoticeKind, vars: Record<string, string | number> = {}): Promise<void> {
  const marker = `${kind}:${c.id}`;
  const conversation = await deps.store.conversations.get(c.conversationId);
  if (!conversation) return;
  if (await deps.cases.messageWithMeta(conversation.id, 'caseNotice', marker)) return;
  const language: Language = isLanguage(c.language) ? c.language : (conversation.language ?? deps.config.defaultLanguage);
  const { clinic } = deps.services;
  const text = deps.services.t(language)(NOTICE_KEYS[kind], {
    nurseLine: clinic.get('nurse_line', language) ?? clinic.get('phone', language) ?? '',
    clinicPhone: clinic.get('phone', language) ?? '',
    ...vars,
  });
  const role: Reply['role'] = kind === 'claimed' ? 'system' : 'bot';
  await deps.processor.deliver(conversation, { role, text, language }, { caseNotice: marker, caseId: c.id }, `notice:${marker}`);
}
