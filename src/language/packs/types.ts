import type { Language } from '../languages.js';

/**
 * Everything CareRelay knows about one language outside its translations (locales/<lang>/) and
 * its knowledge base (knowledge/<lang>/): one folder per language, src/language/packs/<lang>/.
 * Adding a language is a new folder, its locales and knowledge, and its code in LANGUAGES.
 * Word lists are compared after `normaliseText` (src/language/normalise.ts); Latin-script stop
 * words are written folded (no accents), as the tokenizer compares them.
 */
export interface LanguagePack {
  code: Language;
  /** The language's own name, as menus show it. */
  name: string;
  /** Its name in English, the staff's working language (case cards). */
  englishName: string;
  /**
   * Retrieval: words that carry no topic in a question (any script the language is written in,
   * romanised forms too), and single characters that carry none (scripts without spaces).
   */
  stopWords: { words: readonly string[]; chars: string };
  /** Retrieval: the stem of a folded Latin-script word as this language's index sees it. */
  stem(word: string): string;
  /** A short reply that only names a number (a numbered option): number words for 1-9, words said before or after it. */
  numbers: { words: Readonly<Record<string, number>>; before: readonly string[]; after: string };
  /**
   * Asking for a language in this language: its names for languages ("inglés" → en), the
   * words around them ("por favor"), slash-command names (`/idioma es`), and whole-message
   * phrases (Chinese is written without spaces: "请用中文").
   */
  switching: {
    names: Partial<Record<Language, readonly string[]>>;
    filler: readonly string[];
    commands: readonly string[];
    phrases: readonly { pattern: RegExp; language: Language }[];
  };
  /**
   * Carrier keywords in this language: a message that is only one of these words is a request
   * to the messaging program (SMS, WhatsApp), not a question. `optInWhenOptedOut` words ("yes")
   * resubscribe only a number that opted out.
   */
  smsKeywords: { optOut: readonly string[]; optIn: readonly string[]; optInWhenOptedOut: readonly string[]; help: readonly string[] };
  /**
   * Twilio Voice: the speech-recognition tag (<Gather language>), the text-to-speech tag
   * (<Say language>) and the Amazon Polly neural voice that speaks that locale natively.
   */
  voice: { gather: string; say: string; voice: string };
  /**
   * Language detection in Latin script: words that mark the language, those of them that are
   * also common words elsewhere (they count less), its grammar words (what makes a sentence
   * this language rather than borrowed nouns), and word endings that mark it.
   */
  detection: { words: readonly string[]; ambiguous: readonly string[]; grammar: readonly string[]; endings: RegExp | null };
  /**
   * The safety gate's lexicon for this language and its corpus, by path from the package root.
   * The safety gate (src/safety) owns them; the pack only says where they are.
   */
  safety: { rules: string; corpus: readonly string[] };
}

/** The safety lexicon and corpus paths of `code`, laid out as src/safety and corpus/safety lay them. */
export const safetyFiles = (code: Language): LanguagePack['safety'] => ({
  rules: `src/safety/rules/${code}.ts`,
  corpus: ['train', 'dev', 'heldout'].map((part) => `corpus/safety/${part}/${code}.jsonl`),
});
