import type { Language } from '../../src/language/languages.js';

/**
 * Carrier keywords. A message that is only one of these words (any case, surrounding spaces
 * and punctuation ignored) is a request to the messaging program, not a question for the bot.
 * English words are the ones US carriers and Twilio act on; the Spanish ones are honoured too
 * because our Spanish-speaking patients use them.
 */
export type KeywordAction = 'optOut' | 'optIn' | 'help';

export interface Keyword {
  action: KeywordAction;
  /** The keyword's language, for the confirmation when the contact's language is unknown. */
  language: Language;
  /** Only an opt-in when the number is opted out (YES / SÍ mean "yes" in a conversation). */
  onlyWhenOptedOut?: boolean;
}

const WORDS: Record<string, Keyword> = {};
const add = (words: string[], keyword: Keyword) => words.forEach((w) => (WORDS[w] = keyword));

add(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'], { action: 'optOut', language: 'en' });
add(['ALTO', 'PARAR', 'PARE', 'DETENER', 'CANCELAR', 'BAJA'], { action: 'optOut', language: 'es' });
add(['START', 'UNSTOP'], { action: 'optIn', language: 'en' });
add(['COMENZAR', 'INICIAR', 'REANUDAR'], { action: 'optIn', language: 'es' });
add(['YES'], { action: 'optIn', language: 'en', onlyWhenOptedOut: true });
add(['SI', 'SÍ'], { action: 'optIn', language: 'es', onlyWhenOptedOut: true });
add(['HELP', 'INFO'], { action: 'help', language: 'en' });
add(['AYUDA', 'INFORMACION', 'INFORMACIÓN'], { action: 'help', language: 'es' });

export function parseKeyword(body: string): Keyword | undefined {
  const word = body
    .normalize('NFC')
    .trim()
    .replace(/^[\s"'¡¿.!?*]+|[\s"'.!?*]+$/gu, '')
    .toUpperCase();
  return WORDS[word];
}
