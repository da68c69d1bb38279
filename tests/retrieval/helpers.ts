import { readFileSync } from 'node:fs';
import type { Language } from '../../src/language/languages.js';

export interface EvalQuestion {
  q: string;
  topic: string;
}

export const evalQuestions = (lang: Language): EvalQuestion[] =>
  readFileSync(new URL(`../fixtures/eval/${lang}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);

export const offTopicQuestions = (): { lang: Language; q: string }[] =>
  readFileSync(new URL('./fixtures/off-topic.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { lang: Language; q: string });
