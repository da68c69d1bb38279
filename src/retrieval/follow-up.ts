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
const MARKER =
  /^(?:and|also|what about|how about|and what about|what if|or|but|plus|is it|are they|does it|will i|y|e|o|pero|tambi[eé]n|qu[eé] tal|y si|y el|y la|y los|y las|aur|to|toh|bhi|और|तो|那|那么|还有|另外|如果|要是|周末呢)\b/iu;
const HAN_TRAILING_QUESTION = /呢[？?]?$/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/** A message that leans on what came before: short, or opening like a follow-up. */
export function isFollowUp(text: string): boolean {
  const trimmed = text.trim();
  if (MARKER.test(trimmed) || HAN_TRAILING_QUESTION.test(trimmed)) return true;
  const han = (trimmed.match(/\p{Script=Han}/gu) ?? []).length;
  if (han > 0) return han <= 8;
  return (trimmed.match(WORDS) ?? []).length <= 5;
}

/** How much the previous question's words count, and the pull of the previous topic. */
export const FOLLOW_UP = { combinedWeight: 1.2, topicBonus: 0.3 };

/**
 * Retrieval for a follow-up: the message on its own and together with the question it follows
 * ("what about sunday?" after "when are you open on weekdays"), each ranking's scores relative to
 * its best hit and added, with a pull towards the topic the conversation was on. Without
 * context, or for a self-contained question, the message alone.
 */
export async function searchWithContext(
  search: KnowledgeSearch,
  text: string,
  language: Language,
  context: AnswerContext | undefined,
): Promise<RetrievalResult & { usedContext: boolean }> {
  const alone = await search.search(text, language);
  if (!context || !isFollowUp(text)) return { ...alone, usedContext: false };
  const combined = await search.search(`${context.question}\n${text}`, language);
  const scores = new Map<string, ScoredPassage>();
  const add = (hits: readonly ScoredPassage[], weight: number) => {
    const top = hits[0]?.score || 1;
    for (const hit of hits) {
      const id = hit.passage.metadata.passageId;
      const entry = scores.get(id) ?? { passage: hit.passage, score: 0 };
      entry.score += (weight * hit.score) / top;
      scores.set(id, entry);
    }
  };
  add(alone.passages, 1);
  add(combined.passages, FOLLOW_UP.combinedWeight);
  for (const entry of scores.values()) if (entry.passage.metadata.topicId === context.topic) entry.score += FOLLOW_UP.topicBonus;
  const passages = [...scores.values()].sort((a, b) => b.score - a.score);
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
