import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { LANGUAGES, isLanguage, type Language } from '../language/languages.js';
import { paths } from '../paths.js';
import { loadClinic, type ClinicFacts } from './clinic.js';
import { parseTopicFile } from './front-matter.js';
import { topicPassages, type KnowledgeTopic, type Passage } from './passages.js';
import { TOPIC_IDS, isTopicId } from './topics.js';
import { SHORT_ANSWER_MAX, parseUnits } from './units.js';

/** The knowledge files failed validation; `problems` has one line per file and field. */
export class KnowledgeError extends AppError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('knowledge_invalid', `Invalid knowledge base:\n${problems.map((p) => `  - ${p}`).join('\n')}`, { status: 500, expose: false });
    this.name = 'KnowledgeError';
    this.problems = problems;
  }
}

export interface KnowledgeSnapshot {
  topics: KnowledgeTopic[];
  passages: Passage[];
  /** Per language, examples of what the clinic's bot cannot help with (`out-of-scope.yaml`). */
  outOfScope: Partial<Record<Language, string[]>>;
  /** Per language, questions only a nurse should answer (`clinical-questions.yaml`). */
  clinical: Partial<Record<Language, string[]>>;
  /** Per language, general questions that look clinical but are answerable (`general-lookalikes.yaml`). */
  lookalikes: Partial<Record<Language, string[]>>;
  /** Per language, symptoms and complaints the knowledge base cannot assess (`symptom-statements.yaml`). */
  symptoms: Partial<Record<Language, string[]>>;
  languages: Language[];
  loadedAt: Date;
}

export interface LoadKnowledgeOptions {
  dir?: string;
  /** Clinic facts for placeholders; read from `<dir>/clinic.yaml` when absent. */
  clinic?: ClinicFacts;
  /** Placeholders that come from settings, not clinic.yaml. */
  extras: { emergency_number: string; crisis_line: string };
  /** Languages that must be complete (every topic present). */
  languages?: readonly Language[];
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** Reads, validates and splits every topic file; throws a KnowledgeError listing every problem at once. */
export async function loadKnowledge(options: LoadKnowledgeOptions): Promise<KnowledgeSnapshot> {
  const dir = options.dir ?? paths.knowledge;
  const languages = options.languages ?? LANGUAGES;
  const problems: string[] = [];
  let clinic = options.clinic;
  if (!clinic) {
    try {
      clinic = loadClinic(join(dir, 'clinic.yaml'));
    } catch (err) {
      throw new KnowledgeError([`clinic.yaml: ${(err as Error).message}`]);
    }
  }
  const extras: Record<string, string> = { ...options.extras };
  const topics: KnowledgeTopic[] = [];
  const unitIds: UnitIds[] = [];
  const seen = new Set<string>();

  for (const lang of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    if (!isLanguage(lang)) {
      problems.push(`${lang}/: not a language directory (expected one of ${LANGUAGES.join(', ')})`);
      continue;
    }
    for (const name of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.md')).sort()) {
      const file = `${lang}/${name}`;
      seen.add(file);
      const topic = readTopic(join(dir, file), file, lang, name.replace(/\.md$/, ''), clinic, extras, problems, unitIds);
      if (topic) topics.push(topic);
    }
  }
  for (const lang of languages) {
    if (!existsSync(join(dir, lang))) continue;
    for (const id of TOPIC_IDS) if (!seen.has(`${lang}/${id}.md`)) problems.push(`${lang}/${id}.md: missing (every topic must exist in every language)`);
  }
  for (const lang of languages) if (!existsSync(join(dir, lang))) problems.push(`${lang}/: missing language directory`);
  problems.push(...unitsMissingALanguage(unitIds));
  const outOfScope = readExamples(dir, OUT_OF_SCOPE_FILE, problems);
  const clinical = readExamples(dir, 'clinical-questions.yaml', problems);
  const lookalikes = readExamples(dir, 'general-lookalikes.yaml', problems);
  const symptoms = readExamples(dir, 'symptom-statements.yaml', problems);
  if (problems.length) throw new KnowledgeError(problems);

  const passages: Passage[] = topics.flatMap(topicPassages);
  return { topics, passages, outOfScope, clinical, lookalikes, symptoms, languages: [...new Set(topics.map((t) => t.lang))], loadedAt: new Date() };
}

function readTopic(
  path: string,
  file: string,
  lang: Language,
  id: string,
  clinic: ClinicFacts,
  extras: Record<string, string>,
  problems: string[],
  unitIds: UnitIds[],
): KnowledgeTopic | undefined {
  const before = problems.length;
  const report = (line: string) => problems.push(`${file}: ${line}`);
  const { frontMatter, body, problems: parseProblems } = parseTopicFile(readFileSync(path, 'utf8'));
  parseProblems.forEach(report);
  if (!isTopicId(id)) report(`file name: "${id}" is not a known topic id`);
  if (frontMatter) {
    if (frontMatter.id !== id) report(`id: "${frontMatter.id}" does not match the file name "${id}"`);
    if (frontMatter.lang !== lang) report(`lang: "${frontMatter.lang}" does not match the directory "${lang}"`);
    for (const [field, text] of [['title', frontMatter.title], ['keywords', frontMatter.keywords.join(' ')]] as const) {
      if (text.includes('{{')) report(`${field}: placeholders are only allowed in the body`);
    }
  }
  const filled = clinic.fill(body, lang, extras);
  for (const match of filled.matchAll(PLACEHOLDER)) report(`body: unknown placeholder {{${match[1]}}} (not in clinic.yaml)`);
  const { overview, units, problems: unitProblems } = parseUnits(filled, lang);
  unitProblems.forEach(report);
  unitIds.push({ file, topic: id, units: units.map((u) => u.id) });
  if (units.length === 0 && unitProblems.length === 0) report('body: no answer units (write "## Title {#unit-id}" sections)');
  for (const unit of units) {
    for (const [field, text] of [['short answer', unit.short], ['Romanised', unit.shortRomanised ?? '']] as const) {
      const length = [...text].length;
      if (length > SHORT_ANSWER_MAX) report(`unit ${unit.id}: the ${field} is ${length} characters; keep it to ${SHORT_ANSWER_MAX}`);
    }
  }
  if (problems.length > before || !frontMatter || !isTopicId(id)) return undefined;
  return {
    id,
    lang,
    title: frontMatter.title,
    keywords: frontMatter.keywords,
    updated: frontMatter.updated,
    sources: frontMatter.sources,
    file,
    body: filled,
    overview,
    units,
  };
}

const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';
const examplesSchema = z.partialRecord(z.enum(LANGUAGES), z.array(z.string().trim().min(1)).min(1));

/** An optional YAML file of example messages per language. */
function readExamples(dir: string, file: string, problems: string[]): Partial<Record<Language, string[]>> {
  const path = join(dir, file);
  if (!existsSync(path)) return {};
  try {
    const parsed = examplesSchema.safeParse(parse(readFileSync(path, 'utf8')) ?? {});
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  } catch (err) {
    problems.push(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  return {};
}

interface UnitIds {
  file: string;
  topic: string;
  units: string[];
}

/** Every unit id of a topic must exist in each language the topic is written in (files with other problems count too). */
function unitsMissingALanguage(files: readonly UnitIds[]): string[] {
  const byTopic = new Map<string, UnitIds[]>();
  for (const file of files) byTopic.set(file.topic, [...(byTopic.get(file.topic) ?? []), file]);
  const problems: string[] = [];
  for (const versions of byTopic.values()) {
    const all = new Set(versions.flatMap((v) => v.units));
    for (const version of versions) {
      const missing = [...all].filter((id) => !version.units.includes(id));
      if (missing.length) problems.push(`${version.file}: missing unit(s) ${missing.join(', ')} (every unit must exist in every language)`);
    }
  }
  return problems;
}
