import type { Language } from '../language/languages.js';
import type { KnowledgeSearch, RetrievalResult } from './knowledge-search.js';
import { aggregateTopics, type ScoredPassage } from './topics.js';

/** What the conversation was about, kept in conversation state between turns. */
export interface AnswerContext {
  topic: string;
  unit?: string;
  /** The patient's message that led there (the question a follow-up leans on). */
  question: string;
  /** The turn it was set on; context older than MAX_AGE_TURNS is forgotten. */
  turn: number;
}

export const MAX_AGE_TURNS = 4;

// Openers of a follow-up in each language: "what about…", "and…", "y los…", "aur…", "那…", "还有…".
// The end is a space, punctuation or the end (not \b, which knows no Devanagari or Han letters:
// "तो उस समय…" never matched); Han openers need nothing after them ("那周末呢").
const MARKER =
  /^(?:(?:and|also|what about|how about|and what about|what if|or|but|plus|so|then|is it|are they|does it|will i|y|e|o|pero|tambi[eé]n|qu[eé] tal|y si|y el|y la|y los|y las|entonces|aur|to|toh|bhi|phir|और|तो|फिर|या)(?=[\s\p{P}]|$)|那|那么|还有|另外|如果|要是)/iu;
// Words that point back at what was said before: "will I be charged for that?", "what should he do", "can I see a counselor there?".
const POINTS_BACK =
  /(?:^|[\s\p{P}])(?:it|that|this|those|them|one|there|he|she|they|him|her|eso|esa|ese|esto|ello|ah[ií]|usme|uska|uski|uske|iska|iski|iske|wahan|waha|उसमें|उसका|उसकी|उसके|उस|इसका|इसकी|इसके|वहाँ)(?=[\s\p{P}]|$)/iu;
// A follow-up that points back may run longer than a bare one.
const POINTING_MAX_WORDS = 12;
const HAN_TRAILING_QUESTION = /呢[？?]?$/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/** A message that leans on what came before: short, or opening like a follow-up. */
export function isFollowUp(text: string): boolean {
  const trimmed = text.trim();
  if (MARKER.test(trimmed) || HAN_TRAILING_QUESTION.test(trimmed)) return true;
  const han = (trimmed.match(/\p{Script=Han}/gu) ?? []).length;
  if (han > 0) return han <= 8 || (han <= 16 && /[它那这该]/u.test(trimmed));
  const words = (trimmed.match(WORDS) ?? []).length;
  return words <= 5 || (words <= POINTING_MAX_WORDS && POINTS_BACK.test(trimmed));
}

/**
 * How much the previous question's words count, the pull of the previous topic, and the push away
 * from the answer just given: a follow-up asks for something next to it ("what about sunday?"
 * after the weekday hours), not the same answer again, yet the previous question's words all
 * point there.
 */
export const FOLLOW_UP = { combinedWeight: 1.2, topicBonus: 0.3, sameUnitPenalty: 0.15, nextStepFloor: 0.5 };

/**
 * The unit that is the next step of the one just answered (`Follows:` in the knowledge base), when
 * the message finds it too: at least `nextStepFloor` of the best hit's score. "What should I do
 * while waiting for the ambulance?" reads as complete, and alone finds the general wait (aspirin
 * for a heart attack); after the signs of a stroke it is the stroke's wait.
 */
function nextStep(passages: readonly ScoredPassage[], context: AnswerContext): ScoredPassage | undefined {
  const unit = context.unit;
  const best = passages[0];
  if (!unit || !best) return undefined;
  const next = passages.find((p) => p.passage.metadata.topicId === context.topic && p.passage.metadata.follows?.includes(unit));
  return next && next !== best && next.score >= FOLLOW_UP.nextStepFloor * best.score ? next : undefined;
}

/** The passages with `first` moved to the top, scored just above the best. */
function withFirst(passages: readonly ScoredPassage[], first: ScoredPassage): ScoredPassage[] {
  const top = passages[0]!.score;
  return [{ ...first, score: top + 1e-6 }, ...passages.filter((p) => p !== first)];
}

/**
 * Retrieval for a follow-up: the message on its own and together with the question it follows
 * ("what about sunday?" after "when are you open on weekdays"), both rankings' scores relative to
 * the best hit of either and added, with a pull towards the topic the conversation was on. Without
 * context, or for a self-contained question, the message alone.
 */
export async function searchWithContext(
  search: KnowledgeSearch,
  text: string,
  language: Language,
  context: AnswerContext | undefined,
): Promise<RetrievalResult & { usedContext: boolean }> {
  const alone = await search.search(text, language);
  if (!context || !isFollowUp(text)) {
    const next = context && nextStep(alone.passages, context);
    if (!next) return { ...alone, usedContext: false };
    const passages = withFirst(alone.passages, next);
    return { ...alone, passages, topics: aggregateTopics(passages), usedContext: true };
  }
  const combined = await search.search(`${context.question}\n${text}`, language);
  const scores = new Map<string, ScoredPassage>();
  // One scale for both rankings: a message that matches little on its own ("what should she do")
  // counts for less than the question it follows, not the same after each is scaled to its best.
  const top = Math.max(alone.passages[0]?.score ?? 0, combined.passages[0]?.score ?? 0) || 1;
  const add = (hits: readonly ScoredPassage[], weight: number) => {
    for (const hit of hits) {
      const id = hit.passage.metadata.passageId;
      const entry = scores.get(id) ?? { passage: hit.passage, score: 0 };
      entry.score += (weight * hit.score) / top;
      scores.set(id, entry);
    }
  };
  add(alone.passages, 1);
  add(combined.passages, FOLLOW_UP.combinedWeight);
  for (const entry of scores.values()) {
    if (entry.passage.metadata.topicId !== context.topic) continue;
    entry.score += FOLLOW_UP.topicBonus;
    if (context.unit && entry.passage.metadata.unitId === context.unit) entry.score -= FOLLOW_UP.sameUnitPenalty;
  }
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
  const next = nextStep(ranked, context);
  const passages = next ? withFirst(ranked, next) : ranked;
  return {
    ...combined,
    query: text,
    passages,
    topics: aggregateTopics(passages),
    confidence: Math.max(alone.confidence, combined.confidence),
    outOfScope: alone.outOfScope && combined.outOfScope,
    clinical: alone.clinical,
    usedContext: true,
  };
}
