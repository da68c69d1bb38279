import type { Language } from '../language/languages.js';

import type { Category } from './catalogue/flags.js';

export { CATEGORIES, type Category } from './catalogue/flags.js';

/**
 * Screening questions: the baby's age, whose medicine and how much, danger signs after a head
 * knock, thoughts of suicide, `now`: is anyone hurt or in danger now (a rule hit in a message
 * that otherwise reads as routine, see RULE_CHECK_BELOW in gate.ts), and `signs`: any of the
 * signs that make it an emergency, with the number to call if so (a message only the classifier
 * finds alarming, and not sure enough: see `alarmThreshold` in gate.ts).
 */
export const SCREENS = ['age', 'ingestion', 'head', 'mood', 'now', 'signs'] as const;
export type ScreenId = (typeof SCREENS)[number];

/**
 * A phrase is a space-separated list of slots, matched against consecutive tokens:
 * - `word`: that word; words of 5+ letters also match with one typo (Damerau-Levenshtein ≤ 1, same first letter);
 * - `stem*`: any word starting with `stem` (stems of 5+ letters also tolerate one typo);
 * - `a|b|c`: any one of these words (each may be a stem);
 * - `…`: skip up to four tokens;
 * - `<n:LO-HI>`: a number from LO to HI, in digits or as a number word of the language.
 * Chinese is matched character by character, so `胸口 … 痛` is three slots and a gap.
 */
export type Phrase = string;

/** Concept names that the detector treats as guards, not symptoms. */
export const GUARD_CONCEPTS = [
  /** Negation words ("no", "not", "sin", "nahi", "没有"): cancel a symptom right next to them. */
  'NEGATION',
  /** Conditionals ("if", "si", "agar", "如果"): cancel symptoms after them in the same clause. */
  'HYPOTHETICAL',
  /** The end of a condition ("gala atak jaye to...", "噎住的话"): cancels symptoms before it in its clause. */
  'HYPOTHETICAL_END',
  /** Question openers ("what are the", "how do i know", "cuáles son"): cancel symptoms after them in the sentence... */
  'INFO_QUESTION',
  /** ...and topic words ("signs of", "síntomas de", "lakshan", "症状"): cancel the whole sentence... */
  'INFO_TOPIC',
  /** ...unless the sentence also reports something happening now ("is this", "right now", "现在"). */
  'PRESENT',
  /** Long-ago markers ("last year", "hace dos años", "pichle saal", "去年"): cancel symptoms in their clause. */
  'PAST',
  /** Resolution ("it stopped", "ya se paró", "ab ruk gaya", "止住了"): cancel symptoms mentioned before it. */
  'RESOLVED',
  /** Figures of speech and set phrases ("killing me", "me muero de risa", "笑死", "blood test"): symptom words inside them do not count. */
  'IDIOM',
  /** Words that start a new clause ("but", "pero", "lekin", "但是"), as a comma does. */
  'CLAUSE_BREAK',
] as const;
export type GuardConcept = (typeof GUARD_CONCEPTS)[number];

export interface Rule {
  /** Stable id, reported as `matched` (never the patient's text). */
  id: string;
  /** The red flag of the catalogue (src/safety/catalogue/flags.ts) this rule recognises. */
  flag: string;
  /**
   * Set on rules that cannot decide alone ("my baby has a fever": how old?): the gate asks this
   * screening question instead of raising the flag, and the answer decides.
   */
  screen?: ScreenId;
  /**
   * The screening question is asked only in place of a classifier's flag, never on its own: "how do
   * I bring down my kid's fever" is answered, "my son has a fever of 101" that the classifier reads
   * as an emergency is asked the child's age instead.
   */
  beforeClassifierOnly?: boolean;
  /** Every item must be present (a concept name, or a list of alternatives), not negated, past or hypothetical. */
  all: (string | string[])[];
  /** The rule does not fire if any of these concepts is present (e.g. MINOR for "small blister"). */
  unless?: string[];
  /** The `all` matches must lie within this many tokens of each other (Chinese: characters). Default: whole message. */
  window?: number;
  /** Why the rule exists, when the id does not say it. */
  note?: string;
  /**
   * Concepts of `all` that only set the scene (a baby in the message) and so do not speak for the
   * rule's category when the classifier alone names it (gate.ts SPEAKS_FOR): a baby is no sign of suicide.
   */
  contextOnly?: string[];
}

export interface LanguageRules {
  language: Language;
  /** Concept name → phrases. Upper-case names by convention; guard concepts use the names in GUARD_CONCEPTS. */
  concepts: Record<string, Phrase[]>;
  rules: Rule[];
  /** How far (in tokens) a negation reaches before / after a symptom. Hindi also negates after the verb. */
  negation: { before: number; after: number };
  /** Words a negation does not reach past ("doesn't help and blurry vision": "and"). */
  negationStops?: string[];
  /**
   * Words a negation's reach does not count: Hindi postpositions between a thing and the verb
   * that negates it ("ख़ुदकुशी के बारे में न सोचा" is "never thought about suicide").
   */
  negationSkips?: string[];
  /**
   * Guard words of this language that are everyday words of another language written in the
   * same letters (Hindi "mat", "par", "han"; Spanish "ni", "sin", "si"; English words that
   * Hinglish borrows as topic words): they guard this language's symptoms only. Other guards
   * are pooled across the languages checked, because patients mix them.
   */
  localGuards?: string[];
  /**
   * The languages whose guards reach this language's symptoms, besides its own (default: all).
   * Chinese is mixed with English, not with Spanish or Hindi, whose short words are pinyin
   * syllables there ("ni" 你, "si" 死, "han" 汗).
   */
  mixesWith?: Language[];
  /** Number words for `<n:…>` slots (digits always work). */
  numbers?: Record<string, number>;
}

export interface ScreenHit {
  screen: ScreenId;
  /** The flag a "yes" confirms. */
  flag: string;
  matched: string;
  /** From a rule whose question stands only in place of a classifier's flag (Rule.beforeClassifierOnly). */
  beforeClassifierOnly?: boolean;
}

export interface EmergencyHit {
  /** The red flag of the catalogue, most specific first. */
  flag: string;
  category: Category;
  /** Rule id, e.g. `en.chest_pain.pain`; safe to log and store. */
  matched: string;
  /** Every category that fired, most specific first (e.g. overdose + suicide). */
  categories: Category[];
  /** Every red flag that fired, in the same order (low blood sugar behind a stroke-like picture). */
  flags: string[];
}
