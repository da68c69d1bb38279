import { isLanguage, type Language } from '../language/languages.js';
import type { Reply } from '../message.js';
import type { Case } from './cases-store.js';
import type { EscalationDeps } from './deps.js';

export type NoticeKind = 'connecting' | 'emergencyAlerted' | 'unconfigured' | 'unavailable' | 'claimed' | 'resolved' | 'abandoned';

const KEYS: Record<NoticeKind, string> = {
  connecting: 'escalation:stage.connecting',
  unconfigured: 'escalation:stage.unconfigured',
  emergencyAlerted: 'escalation:patient.emergencyAlerted',
  unavailable: 'escalation:patient.unavailable',
  claimed: 'escalation:patient.claimed',
  resolved: 'escalation:patient.resolved',
  abandoned: 'escalation:patient.abandoned',
};

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
  const text = deps.services.t(language)(KEYS[kind], {
    nurseLine: clinic.get('nurse_line', language) ?? clinic.get('phone', language) ?? '',
    clinicPhone: clinic.get('phone', language) ?? '',
    ...vars,
  });
  const role: Reply['role'] = kind === 'claimed' ? 'system' : 'bot';
  await deps.processor.deliver(conversation, { role, text, language }, { caseNotice: marker, caseId: c.id });
}
