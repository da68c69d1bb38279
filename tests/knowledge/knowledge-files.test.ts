import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopicFile } from '../../src/knowledge/front-matter.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { splitSections } from '../../src/knowledge/passages.js';
import { TOPIC_IDS } from '../../src/knowledge/topics.js';
import { LANGUAGES } from '../../src/language/languages.js';
import { paths } from '../../src/paths.js';
import { EXTRAS } from './helpers.js';

describe('the knowledge base as shipped', async () => {
  const snapshot = await loadKnowledge({ extras: EXTRAS });

  it('has all 120 files valid: every topic id in every language', () => {
    expect(snapshot.topics).toHaveLength(TOPIC_IDS.length * LANGUAGES.length);
    for (const lang of LANGUAGES) {
      expect(snapshot.topics.filter((t) => t.lang === lang).map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    }
  });

  it.each(LANGUAGES)('%s: every topic is 150–600 words (Chinese: 300–1000 characters)', (lang) => {
    const outside: string[] = [];
    for (const id of TOPIC_IDS) {
      const { body } = parseTopicFile(readFileSync(join(paths.knowledge, lang, `${id}.md`), 'utf8'));
      const size = lang === 'zh' ? (body.match(/\p{Script=Han}/gu) ?? []).length : (body.replace(/[#*>•-]+/g, ' ').match(/\S+/g) ?? []).length;
      const [min, max] = lang === 'zh' ? [300, 1000] : [150, 600];
      if (size < min || size > max) outside.push(`${lang}/${id}.md: ${size}`);
    }
    expect(outside).toEqual([]);
  });

  it('lists public sources and lay keywords for every topic; Hindi topics include romanised keywords', () => {
    for (const topic of snapshot.topics) {
      expect(topic.sources.length, topic.file).toBeGreaterThan(0);
      expect(topic.keywords.length, topic.file).toBeGreaterThanOrEqual(5);
      if (topic.lang === 'hi') expect(topic.keywords.some((k) => /^[a-z ]+$/i.test(k)), topic.file).toBe(true);
    }
  });

  it('fills every placeholder: no {{ left in any passage', () => {
    const left = snapshot.passages.filter((p) => p.pageContent.includes('{{'));
    expect(left.map((p) => p.metadata.passageId)).toEqual([]);
    expect(snapshot.passages.some((p) => p.pageContent.includes('(555) 010-4200'))).toBe(true);
  });

  it('makes one passage per section, each knowing its topic, language, title and section', () => {
    for (const topic of snapshot.topics) {
      const passages = snapshot.passages.filter((p) => p.metadata.topicId === topic.id && p.metadata.lang === topic.lang);
      const sections = splitSections(topic.body);
      expect(passages.length, topic.file).toBeGreaterThanOrEqual(sections.length);
      expect(new Set(passages.map((p) => p.metadata.section))).toEqual(new Set(sections.map((s) => s.heading)));
      for (const p of passages) {
        expect(p.metadata).toMatchObject({ topicId: topic.id, lang: topic.lang, title: topic.title, keywords: topic.keywords, sources: topic.sources });
        expect(p.metadata.hash).toMatch(/^[0-9a-f]{32}$/);
        expect(p.pageContent).not.toMatch(/^---/);
      }
    }
  });
});
