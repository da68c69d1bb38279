import type { Passage } from '../knowledge/passages.js';
import type { TopicId } from '../knowledge/topics.js';

export interface ScoredPassage {
  passage: Passage;
  score: number;
  /** Share of the query's tokens the passage contains (lexical hits only). */
  coverage?: number;
}

export interface TopicHit {
  id: TopicId;
  title: string;
  /** The best passage's score. */
  score: number;
  /** This topic's matching passages, best first. */
  passages: ScoredPassage[];
}

/** Passage hits → topics, most relevant first; a topic scores as its best passage. */
export function aggregateTopics(hits: readonly ScoredPassage[]): TopicHit[] {
  const topics = new Map<TopicId, TopicHit>();
  for (const hit of hits) {
    const id = hit.passage.metadata.topicId;
    const topic = topics.get(id);
    if (!topic) topics.set(id, { id, title: hit.passage.metadata.title, score: hit.score, passages: [hit] });
    else {
      topic.passages.push(hit);
      topic.score = Math.max(topic.score, hit.score);
    }
  }
  for (const topic of topics.values()) topic.passages.sort((a, b) => b.score - a.score);
  return [...topics.values()].sort((a, b) => b.score - a.score);
}
