import { createHash } from 'node:crypto';
import { Document } from '@langchain/core/documents';
import type { Language } from '../language/languages.js';
import type { TopicId } from './topics.js';
import type { AnswerUnit } from './units.js';

export interface TopicSource {
  title: string;
  url: string;
}

/** A validated topic file with its placeholders already filled. */
export interface KnowledgeTopic {
  id: TopicId;
  lang: Language;
  title: string;
  keywords: string[];
  updated: string;
  sources: TopicSource[];
  /** Path relative to the knowledge directory, e.g. `en/fever.md`. */
  file: string;
  /** Markdown after the front matter, placeholders filled. */
  body: string;
  /** The opening text before the first unit, placeholders filled. */
  overview: string;
  /** The topic's answer units in file order, placeholders filled. */
  units: AnswerUnit[];
}

export interface PassageMetadata {
  /** `<lang>/<topic-id>#<n>`: stable while the file keeps its sections in order. */
  passageId: string;
  topicId: TopicId;
  lang: Language;
  title: string;
  /** The unit's title (its `## ` heading). */
  section: string;
  /** The answer unit this passage is. */
  unitId: string;
  /** The unit's example patient questions (indexed for search, never shown). */
  questions: string[];
  /** Units of the same topic this one is the next step of (AnswerUnit.follows). */
  follows?: string[];
  /** The unit's short answer (the classifier learns its words too). */
  short: string;
  /** 0 for the opening passage, then in file order. */
  position: number;
  keywords: string[];
  updated: string;
  sources: TopicSource[];
  /** Content hash: an unchanged passage keeps its embedding. */
  hash: string;
}

export type Passage = Document<PassageMetadata>;

export function passageHash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** What an embedding model sees of a passage: its place in the knowledge base, then its text. */
export function embeddingText(title: string, section: string, text: string): string {
  return `${section ? `${title} — ${section}` : title}\n\n${text}`;
}

export const passageEmbeddingText = (p: Passage): string => embeddingText(p.metadata.title, p.metadata.section, p.pageContent);

/** One passage per answer unit (short answer, then the longer one), each carrying its topic's identity. */
export function topicPassages(topic: KnowledgeTopic): Passage[] {
  return topic.units.map((unit, position) => {
    const passageId = `${topic.lang}/${topic.id}#${unit.id}`;
    const text = unit.long ? `${unit.short}\n\n${unit.long}` : unit.short;
    const metadata: PassageMetadata = {
      passageId,
      topicId: topic.id,
      lang: topic.lang,
      title: topic.title,
      section: unit.title,
      unitId: unit.id,
      questions: unit.questions,
      ...(unit.follows ? { follows: unit.follows } : {}),
      short: unit.short,
      position,
      keywords: topic.keywords,
      updated: topic.updated,
      sources: unit.sources.length ? unit.sources : topic.sources,
      hash: passageHash([topic.lang, topic.id, embeddingText(topic.title, unit.title, text), unit.questions.join('\n')]),
    };
    return new Document({ id: passageId, pageContent: text, metadata });
  });
}
