import type { Language } from '../language/languages.js';
import type { TopicSource } from './passages.js';

/**
 * One answer unit: a fact patients ask about, with the questions they ask it with, a short
 * answer that states it (every channel; read aloud on voice) and a longer one for the web.
 * Written in a topic file as a `## Title {#unit-id}` section (knowledge/README.md).
 */
export interface AnswerUnit {
  id: string;
  title: string;
  /** At most SHORT_ANSWER_MAX characters once placeholders are filled. */
  short: string;
  /** Hindi files: the short answer in romanised Hindi, for patients who write in Latin letters. */
  shortRomanised?: string;
  /** Markdown; may be empty. */
  long: string;
  /** The unit's own public sources; empty means the topic's sources apply. */
  sources: TopicSource[];
  /** Example patient questions in the file's language (lexical search and the unit classifier). */
  questions: string[];
  /**
   * Units of the same topic this one is the next step of (`Follows: stroke-signs`): after one of
   * them, a question this unit answers is taken as meant for it ("what do I do while I wait?" after
   * the signs of a stroke is the stroke's wait, not a heart attack's).
   */
  follows?: string[];
}

export interface ParsedUnits {
  /** Text before the first unit: the topic's overview. */
  overview: string;
  units: AnswerUnit[];
  problems: string[];
}

export const SHORT_ANSWER_MAX = 300;
export const MIN_QUESTIONS = 8;

const HEADING = /^##[ \t]+(.+?)[ \t]*\{#([^}\s]*)\}[ \t]*$/;
const UNIT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LINK = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

/** Splits a topic body into its overview and units; never throws, so every problem is listed. */
export function parseUnits(body: string, lang: Language): ParsedUnits {
  const problems: string[] = [];
  const units: AnswerUnit[] = [];
  const overview: string[] = [];
  let current: { id: string; title: string; lines: string[] } | undefined;
  const sections: { id: string; title: string; lines: string[] }[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (/^##[ \t]/.test(line)) {
      const heading = HEADING.exec(line);
      if (!heading) {
        problems.push(`body: "${line.trim()}" has no unit id (write "## Title {#unit-id}")`);
        current = undefined;
        continue;
      }
      current = { title: heading[1]!.trim(), id: heading[2]!, lines: [] };
      sections.push(current);
    } else if (current) current.lines.push(line);
    else overview.push(line);
  }
  const seen = new Set<string>();
  for (const section of sections) {
    const where = `unit ${section.id || '(empty id)'}`;
    if (!UNIT_ID.test(section.id)) problems.push(`${where}: the id must be kebab-case ASCII`);
    if (seen.has(section.id)) problems.push(`${where}: the id appears twice in this file`);
    seen.add(section.id);
    const unit = parseSection(section, lang, (p) => problems.push(`${where}: ${p}`));
    if (unit) units.push(unit);
  }
  for (const unit of units) {
    for (const id of unit.follows ?? []) {
      if (id === unit.id || !units.some((u) => u.id === id)) problems.push(`unit ${unit.id}: "Follows:" names ${id}, which is not another unit of this topic`);
    }
  }
  return { overview: overview.join('\n').trim(), units, problems };
}

function parseSection(section: { id: string; title: string; lines: string[] }, lang: Language, report: (p: string) => void): AnswerUnit | undefined {
  const lines = [...section.lines];
  while (lines.length && !lines[0]!.trim()) lines.shift();
  const quote: string[] = [];
  while (lines.length && /^>/.test(lines[0]!)) quote.push(lines.shift()!.replace(/^>[ \t]?/, ''));
  const short = quote.join(' ').replace(/\s+/g, ' ').trim();
  if (!short) report('the short answer is missing (the section must start with a "> " line)');

  let shortRomanised: string | undefined;
  let follows: string[] = [];
  let sources: { title: string; url: string }[] = [];
  const questions: string[] = [];
  const long: string[] = [];
  let inQuestions = false;
  for (const line of lines) {
    const field = /^(Romanised|Sources|Questions|Follows):[ \t]*(.*)$/.exec(line);
    if (field) {
      inQuestions = field[1] === 'Questions';
      if (field[1] === 'Romanised') shortRomanised = field[2]!.trim();
      if (field[1] === 'Follows') {
        follows = field[2]!.split(',').map((id) => id.trim()).filter(Boolean);
        if (!follows.length || follows.some((id) => !UNIT_ID.test(id))) report('"Follows:" lists the ids of units of this topic, separated by commas');
      }
      if (field[1] === 'Sources') {
        sources = [...field[2]!.matchAll(LINK)].map((m) => ({ title: m[1]!.trim(), url: m[2]! }));
        if (!sources.length) report('"Sources:" lists no [title](https://...) link');
      }
      continue;
    }
    if (inQuestions) {
      const item = /^[ \t]*[-*][ \t]+(.+)$/.exec(line);
      if (item) questions.push(item[1]!.trim());
      else if (line.trim()) report(`"${line.trim().slice(0, 40)}" under "Questions:" is not a "- " list item`);
      continue;
    }
    long.push(line);
  }
  if (lang === 'hi' && !shortRomanised) report('Hindi units need a "Romanised:" line (the short answer in Latin letters)');
  if (lang !== 'hi' && shortRomanised) report('"Romanised:" is for Hindi files only');
  if (questions.length < MIN_QUESTIONS) report(`${questions.length} example questions; list at least ${MIN_QUESTIONS} under "Questions:"`);
  if (!short) return undefined;
  return {
    id: section.id,
    title: section.title,
    short,
    ...(shortRomanised ? { shortRomanised } : {}),
    long: long.join('\n').trim(),
    sources,
    questions,
    ...(follows.length ? { follows } : {}),
  };
}
