import { createHash } from 'node:crypto';
import { Document } from '@langchain/core/documents';
import { MarkdownTextSplitter } from '@langchain/textsplitters';
import type { Language } from '../language/languages.js';
import type { TopicId } from './topics.js';

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
}

export interface PassageMetadata {
  /** `<lang>/<topic-id>#<n>`: stable while the file keeps its sections in order. */
  passageId: string;
  topicId: TopicId;
  lang: Language;
  title: string;
  /** The `## ` heading the text sits under; empty for the opening paragraph(s). */
  section: string;
  /** 0 for the opening passage, then in file order. */
  position: number;
  keywords: string[];
  updated: string;
  sources: TopicSource[];
  /** Content hash: an unchanged passage keeps its embedding. */
  hash: string;
}

export type Passage = Document<PassageMetadata>;

export interface Section {
  heading: string;
  text: string;
}

/** Splits a body at `## ` headings; text before the first heading is the lead section (heading ''). */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: '', text: '' };
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (heading) {
      sections.push(current);
      current = { heading: heading[1]!.trim(), text: '' };
    } else {
      current.text += `${line}\n`;
    }
  }
  sections.push(current);
  return sections.map((s) => ({ heading: s.heading, text: s.text.trim() })).filter((s) => s.text.length > 0 || s.heading.length > 0);
}

// Sections are short by design; only unusually long ones are cut, at paragraph or list boundaries.
const splitter = new MarkdownTextSplitter({ chunkSize: 1200, chunkOverlap: 150 });

export function passageHash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** What an embedding model sees of a passage: its place in the knowledge base, then its text. */
export function embeddingText(title: string, section: string, text: string): string {
  return `${section ? `${title} — ${section}` : title}\n\n${text}`;
}

export const passageEmbeddingText = (p: Passage): string => embeddingText(p.metadata.title, p.metadata.section, p.pageContent);

/** One passage per `## ` section (long sections split further), each carrying its topic's identity. */
export async function topicPassages(topic: KnowledgeTopic): Promise<Passage[]> {
  const passages: Passage[] = [];
  for (const section of splitSections(topic.body)) {
    const chunks = section.text.length > splitter.chunkSize ? await splitter.splitText(section.text) : [section.text];
    for (const chunk of chunks) {
      const position = passages.length;
      const passageId = `${topic.lang}/${topic.id}#${position}`;
      const metadata: PassageMetadata = {
        passageId,
        topicId: topic.id,
        lang: topic.lang,
        title: topic.title,
        section: section.heading,
        position,
        keywords: topic.keywords,
        updated: topic.updated,
        sources: topic.sources,
        hash: passageHash([topic.lang, topic.id, embeddingText(topic.title, section.heading, chunk)]),
      };
      passages.push(new Document({ id: passageId, pageContent: chunk, metadata }));
    }
  }
  return passages;
}
