import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopicFile } from '../../src/knowledge/front-matter.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { TOPIC_IDS } from '../../src/knowledge/topics.js';
import { MIN_QUESTIONS, SHORT_ANSWER_MAX } from '../../src/knowledge/units.js';
import { LANGUAGES } from '../../src/language/languages.js';
import { paths } from '../../src/paths.js';
import { measureSms, toGsm7 } from '../../src/render/sms-segments.js';
import { sentences } from '../../src/render/split-text.js';
import { EXTRAS } from './helpers.js';

// A phone number written out: North American (555) 010-4200 / 1-800-222-1222 / 1-800-QUIT-NOW, or
// an international +NN form. Topic files must use placeholders ({{phone}}, {{poison_control}}...).
const PHONE = /(?:\+\d{1,3}[\s-]?)?(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b|\b1[-\s]?8\d\d[-\s]?[A-Z0-9]{3,4}[-\s]?[A-Z0-9]{3,4}\b/;

describe('the knowledge base as shipped', async () => {
  const snapshot = await loadKnowledge({ extras: EXTRAS });

  it('has all 120 files valid: every topic id in every language', () => {
    expect(snapshot.topics).toHaveLength(TOPIC_IDS.length * LANGUAGES.length);
    for (const lang of LANGUAGES) {
      expect(snapshot.topics.filter((t) => t.lang === lang).map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    }
  });

  it('lint: no topic file writes a phone number; every number comes from clinic.yaml or the settings', () => {
    const found: string[] = [];
    for (const lang of LANGUAGES) {
      for (const id of TOPIC_IDS) {
        const source = readFileSync(join(paths.knowledge, lang, `${id}.md`), 'utf8');
        const match = PHONE.exec(source);
        if (match) found.push(`${lang}/${id}.md: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('lint: every unit exists in all four languages, with the same ids in the same topic', () => {
    for (const id of TOPIC_IDS) {
      const versions = LANGUAGES.map((lang) => snapshot.topics.find((t) => t.id === id && t.lang === lang)!);
      const units = versions.map((t) => t.units.map((u) => u.id).sort());
      for (const [i, ids] of units.entries()) expect(ids, `${LANGUAGES[i]}/${id}.md`).toEqual(units[0]);
    }
  });

  it(`every unit states its fact in a short answer of at most ${SHORT_ANSWER_MAX} characters, with at least ${MIN_QUESTIONS} example questions`, () => {
    for (const topic of snapshot.topics) {
      expect(topic.units.length, topic.file).toBeGreaterThanOrEqual(3);
      for (const unit of topic.units) {
        expect([...unit.short].length, `${topic.file}#${unit.id}`).toBeLessThanOrEqual(SHORT_ANSWER_MAX);
        expect(unit.short, `${topic.file}#${unit.id}`).not.toMatch(/^(here'?s|here is|aquí|以下|यहाँ)/i);
        expect(unit.questions.length, `${topic.file}#${unit.id}`).toBeGreaterThanOrEqual(MIN_QUESTIONS);
        if (topic.lang === 'hi') {
          expect(unit.shortRomanised, `${topic.file}#${unit.id}`).toMatch(/^[\x20-\x7e\u2013\u2014\u2019°₹]+$/);
          expect(unit.questions.filter((q) => !/\p{Script=Devanagari}/u.test(q)).length, `${topic.file}#${unit.id} romanised questions`).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('lint: every short answer opens with a sentence a two-segment SMS holds whole (GSM-7 after lookalikes, or UCS-2), so SMS never cuts the fact mid-sentence', () => {
    const over: string[] = [];
    for (const topic of snapshot.topics) {
      for (const unit of topic.units) {
        for (const short of [unit.short, unit.shortRomanised]) {
          if (!short) continue;
          const first = sentences(toGsm7(short), topic.lang)[0]!.trim();
          if (measureSms(first).segments > 2) over.push(`${topic.file}#${unit.id}: ${first}`);
        }
      }
    }
    expect(over).toEqual([]);
  });

  it('lists public sources and lay keywords for every topic; Hindi topics include romanised keywords', () => {
    for (const topic of snapshot.topics) {
      expect(topic.sources.length, topic.file).toBeGreaterThan(0);
      expect(topic.keywords.length, topic.file).toBeGreaterThanOrEqual(5);
      if (topic.lang === 'hi') expect(topic.keywords.some((k) => /^[a-z ]+$/i.test(k)), topic.file).toBe(true);
    }
  });

  it('fills every placeholder: no {{ left in any unit', () => {
    const left = snapshot.passages.filter((p) => p.pageContent.includes('{{') || p.metadata.questions.some((q) => q.includes('{{')));
    expect(left.map((p) => p.metadata.passageId)).toEqual([]);
    expect(snapshot.passages.some((p) => p.pageContent.includes('(555) 010-4200'))).toBe(true);
  });

  it('makes one passage per unit, each knowing its topic, unit, language and sources', () => {
    for (const topic of snapshot.topics) {
      const passages = snapshot.passages.filter((p) => p.metadata.topicId === topic.id && p.metadata.lang === topic.lang);
      expect(passages.map((p) => p.metadata.unitId), topic.file).toEqual(topic.units.map((u) => u.id));
      for (const p of passages) {
        expect(p.metadata).toMatchObject({ topicId: topic.id, lang: topic.lang, title: topic.title });
        expect(p.metadata.sources.length).toBeGreaterThan(0);
        expect(p.metadata.hash).toMatch(/^[0-9a-f]{32}$/);
      }
    }
  });

  it('keeps the front matter of every file valid', () => {
    for (const lang of LANGUAGES) {
      for (const id of TOPIC_IDS) expect(parseTopicFile(readFileSync(join(paths.knowledge, lang, `${id}.md`), 'utf8')).problems).toEqual([]);
    }
  });
});
