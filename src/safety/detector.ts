import type { Language } from '../language/languages.js';
import { normalise, tokenise } from './text.js';
import { knownWords } from './known-words.js';
import { assessMessage, categoryOf, compileLanguage, type CompiledLanguage } from './evaluate.js';
import type { ConceptEvidence } from './classifier/features.js';
import { en } from './rules/en.js';
import { es } from './rules/es.js';
import { hi } from './rules/hi.js';
import { zh } from './rules/zh.js';
import type { EmergencyHit, LanguageRules, ScreenHit } from './types.js';

export const SAFETY_RULES: Record<Language, LanguageRules> = { en, es, zh, hi };

export interface EmergencyDetector {
  /**
   * Checks one message. `language` is the conversation's language; the rule sets of every
   * language whose script appears in the text are checked too, because patients mix languages
   * ("my baby de 2 meses tiene fiebre") and a language guess on a short message can be wrong.
   */
  detect(text: string, language?: Language): EmergencyHit | null;
  /** Both answers from one pass over the message, and the concept evidence behind them (for the classifier). */
  inspect(text: string, language?: Language): { hit: EmergencyHit | null; screen: ScreenHit | null; evidence?: ConceptEvidence; normalised?: string; tokens?: number };
  /** A screening question this message calls for, when no red flag is raised. */
  screening(text: string, language?: Language): ScreenHit | null;
}

const HAN = /\p{Script=Han}/u;
const DEVANAGARI = /\p{Script=Devanagari}/u;
const LATIN = /\p{Script=Latin}/u;

function languagesFor(text: string, language: Language | undefined): Language[] {
  const out = new Set<Language>(language ? [language] : []);
  if (HAN.test(text)) out.add('zh');
  if (DEVANAGARI.test(text)) out.add('hi');
  // Latin letters: English, Spanish or romanised Hindi.
  if (LATIN.test(text)) for (const l of ['en', 'es', 'hi'] as const) out.add(l);
  return [...out];
}

export function createEmergencyDetector(rules: Record<Language, LanguageRules> = SAFETY_RULES, known: ReadonlySet<string> = knownWords()): EmergencyDetector {
  const compiled = new Map<Language, CompiledLanguage>(Object.values(rules).map((r) => [r.language, compileLanguage(r, known)]));
  const none = { hits: [], live: [], cancelled: [], guards: [] };
  const inspect = (text: string, language?: Language): { hit: EmergencyHit | null; screen: ScreenHit | null; evidence: ConceptEvidence; normalised: string; tokens: number } => {
    // The text as read and its token count go back with the verdict, so the gate's classifier need not read it again.
    const normalised = normalise(text);
    const tokens = tokenise(normalised);
    const { hits, ...evidence } = tokens.length === 0 ? none : assessMessage(tokens, languagesFor(text, language).flatMap((l) => compiled.get(l) ?? []));
    const read = { normalised, tokens: tokens.length };
    const flags = hits.filter((h) => !h.rule.screen);
    const first = flags[0];
    if (first) {
      const hit = { flag: first.rule.flag, category: categoryOf(first.rule), matched: first.matched, categories: [...new Set(flags.map((h) => categoryOf(h.rule)))], flags: [...new Set(flags.map((h) => h.rule.flag))] };
      return { hit, screen: null, evidence, ...read };
    }
    // A question that stands on its own comes before one asked only ahead of a classifier alarm:
    // "feeling low and hopeless" is asked about thoughts of suicide whatever the classifier says.
    const screen = hits.find((h) => h.rule.screen && !h.rule.beforeClassifierOnly) ?? hits[0];
    return {
      hit: null,
      screen: screen?.rule.screen ? { screen: screen.rule.screen, flag: screen.rule.flag, matched: screen.matched, ...(screen.rule.beforeClassifierOnly ? { beforeClassifierOnly: true } : {}) } : null,
      evidence,
      ...read,
    };
  };
  return {
    inspect,
    detect: (text, language) => inspect(text, language).hit,
    screening: (text, language) => inspect(text, language).screen,
  };
}
