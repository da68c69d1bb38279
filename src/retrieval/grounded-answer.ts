import type OpenAI from 'openai';
import type { Passage } from '../knowledge/passages.js';
import { LANGUAGE_NAMES, type Language } from '../language/languages.js';
import { markdownToChat } from './chat-text.js';

export interface GroundedAnswerInput {
  question: string;
  language: Language;
  clinicName: string;
  /** Retrieved passages, best first; the only facts the model may use. */
  passages: readonly Passage[];
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
    `Write in ${LANGUAGE_NAMES[language]} (language code ${language}), in plain text for a chat or SMS: short sentences, at most about 120 words, no Markdown headings or tables.`,
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

/** Chat completions against `config.llm` (any OpenAI-compatible endpoint), grounded in retrieved passages. */
export function createGroundedAnswerer(options: { client: OpenAI; model: string; timeoutMs: number }): GroundedAnswerer {
  const { client, model, timeoutMs } = options;
  return {
    model,
    async answer({ question, language, clinicName, passages }) {
      const completion = await client.chat.completions.create(
        {
          model,
          temperature: 0.2,
          max_tokens: 400,
          messages: [
            { role: 'system', content: instructions(clinicName, language) },
            { role: 'user', content: `<context>\n${contextBlock(passages)}\n</context>\n\nPatient's question: ${question}` },
          ],
        },
        // One attempt within the budget: a late answer is worse than the extractive one now.
        { timeout: timeoutMs, maxRetries: 0, signal: AbortSignal.timeout(timeoutMs) },
      );
      const text = completion.choices[0]?.message?.content?.trim();
      if (!text) throw new Error('the model returned an empty answer');
      return text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS).replace(/\s+\S*$/, '')}…` : text;
    },
  };
}
