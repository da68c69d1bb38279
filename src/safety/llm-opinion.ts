import type OpenAI from 'openai';
import { LANGUAGE_NAMES, type Language } from '../language/languages.js';
import { CATEGORIES, type Category } from './catalogue/flags.js';
import type { SecondOpinion } from './gate.js';
import { normaliseInput } from './text.js';

const CATEGORY_SET = new Set<string>(CATEGORIES);

function instructions(language: Language): string {
  return [
    'You triage messages that patients send to a clinic. Decide whether the message describes a red flag happening now or just now:',
    'a medical emergency, a poisoning, an overdose, thoughts of suicide or self-harm, sexual assault, or someone unsafe at home.',
    'Past events that are over, questions about signs, hypotheticals, idioms and mild or well-controlled problems are not red flags.',
    `The message is probably in ${LANGUAGE_NAMES[language]}, but may mix languages or be romanised.`,
    `Answer with JSON only: {"red_flag": true|false, "category": one of ${JSON.stringify(CATEGORIES)} or null}.`,
  ].join('\n');
}

/**
 * An LLM as the safety gate's third opinion. Asked only when the rules and the classifier found
 * nothing, within a short timeout; any failure or unreadable answer counts as "no opinion", so
 * it can raise a message to a red flag but never lower one.
 */
export function createLlmOpinion(options: { client: OpenAI; model: string; timeoutMs: number }): SecondOpinion {
  const { client, model, timeoutMs } = options;
  return {
    async check(text, language) {
      const completion = await client.chat.completions.create(
        {
          model,
          temperature: 0,
          max_tokens: 60,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: instructions(language) },
            { role: 'user', content: normaliseInput(text).slice(0, 4000) },
          ],
        },
        { timeout: timeoutMs, maxRetries: 0, signal: AbortSignal.timeout(timeoutMs) },
      );
      const content = completion.choices[0]?.message?.content ?? '';
      const json = /\{[\s\S]*\}/.exec(content)?.[0];
      if (!json) return null;
      const parsed = JSON.parse(json) as { red_flag?: unknown; category?: unknown };
      if (parsed.red_flag !== true) return null;
      const category = typeof parsed.category === 'string' && CATEGORY_SET.has(parsed.category) ? (parsed.category as Category) : 'other_emergency';
      return { category };
    },
  };
}
