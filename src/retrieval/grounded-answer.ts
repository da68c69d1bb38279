import type { Passage } from '../knowledge/passages.js';
import { LANGUAGE_NAMES, type Language } from '../language/languages.js';
import { markdownToChat } from './chat-text.js';
import type { ChatFailover } from './chat-failover.js';

export interface GroundedAnswerInput {
  question: string;
  language: Language;
  clinicName: string;
  /** Retrieved answer units, best first; the only facts the model may use. */
  passages: readonly Passage[];
  /** The conversation's last messages, oldest first (follow-ups make sense only with them). */
  history?: readonly { role: 'patient' | 'bot'; text: string }[];
}

export interface GroundedAnswerer {
  readonly model: string;
  /** The model's answer, or a rejection (timeout, HTTP error, empty reply): callers fall back. */
  answer(input: GroundedAnswerInput): Promise<string>;
}

const MAX_ANSWER_CHARS = 1200;

function instructions(clinicName: string, language: Language): string {
  return [
    `You are the patient messaging assistant of ${clinicName}.`,
    'Answer the patient using only the numbered passages inside <context>. Do not add facts, numbers, phone numbers or links that are not in them.',
    'If the passages do not answer the question, say so in one sentence and suggest calling the clinic or asking for a nurse.',
    'Never diagnose, never give an individual dose, never tell someone to start, stop or change a medicine.',
    'Earlier messages of the conversation come before the question: use them to understand a short follow-up, never as facts.',
    'Start with the answer itself, in one or two sentences; no preamble.',
    `Write in ${LANGUAGE_NAMES[language]} (language code ${language}), in plain text for a chat or SMS: short sentences, at most about 60 words, no Markdown headings or tables.`,
    'Cite the passages you used with their numbers in square brackets, e.g. [1].',
  ].join('\n');
}

function contextBlock(passages: readonly Passage[]): string {
  return passages
    .map((p, i) => {
      const where = p.metadata.section ? `${p.metadata.title} — ${p.metadata.section}` : p.metadata.title;
      return `[${i + 1}] ${where}\n${markdownToChat(p.pageContent)}`;
    })
    .join('\n\n');
}

/** Chat completions against `config.llm` and its fallbacks, grounded in retrieved answer units. */
export function createGroundedAnswerer(options: { chat: ChatFailover; model: string }): GroundedAnswerer {
  const { chat, model } = options;
  return {
    model,
    async answer({ question, language, clinicName, passages, history = [] }) {
      const { text } = await chat.complete([
        { role: 'system', content: instructions(clinicName, language) },
        ...history.map((turn) => ({ role: turn.role === 'patient' ? ('user' as const) : ('assistant' as const), content: turn.text })),
        { role: 'user', content: `<context>\n${contextBlock(passages)}\n</context>\n\nPatient's question: ${question}` },
      ]);
      return text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS).replace(/\s+\S*$/, '')}…` : text;
    },
  };
}
