import type { Language } from '../../src/language/languages.js';
import { normaliseText } from '../../src/language/normalise.js';
import { ALL_PACKS } from '../../src/language/packs/index.js';

/**
 * Carrier keywords (each language pack's `smsKeywords`). A message that is only one of these
 * words (any case, surrounding spaces and punctuation ignored) is a request to the messaging
 * program, not a question for the bot. English words are the ones US carriers and Twilio act
 * on; the Spanish ones are honoured too because our Spanish-speaking patients use them.
 */
export type KeywordAction = 'optOut' | 'optIn' | 'help';

export interface Keyword {
  action: KeywordAction;
  /** The keyword's language, for the confirmation when the contact's language is unknown. */
  language: Language;
  /** Only an opt-in when the number is opted out (YES / SÍ mean "yes" in a conversation). */
  onlyWhenOptedOut?: boolean;
}

const WORDS = new Map<string, Keyword>();
for (const { code: language, smsKeywords: k } of ALL_PACKS) {
  const add = (words: readonly string[], keyword: Keyword) => words.forEach((w) => WORDS.set(normaliseText(w), keyword));
  add(k.optOut, { action: 'optOut', language });
  add(k.optIn, { action: 'optIn', language });
  add(k.optInWhenOptedOut, { action: 'optIn', language, onlyWhenOptedOut: true });
  add(k.help, { action: 'help', language });
}

export function parseKeyword(body: string): Keyword | undefined {
  const word = normaliseText(body)
    .trim()
    .replace(/^[\s"'¡¿.!?*]+|[\s"'.!?*]+$/gu, '');
  return WORDS.get(word);
}
