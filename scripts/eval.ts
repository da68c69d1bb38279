/**
 * Answer quality on the answer corpus (corpus/answers/<part>/<lang>.jsonl): per language, topic
 * hit@1, unit hit@1 and "fact stated" for fact questions and follow-ups (the whole dialog engine,
 * as a patient meets it), how out-of-scope, gibberish and medicine messages are handled, reply
 * lengths per channel, and each retrieval signal's own unit hit@1 (lexical, classifier, fused).
 *
 *   npm run eval                       held-out part (the figures to report)
 *   npm run eval -- --part dev         the dev part (the only one to tune on)
 *   npm run eval -- --json             one JSON object
 *   npm run eval -- --part dev --misses  also list what went wrong (never for held-out)
 *   npm run eval -- --set symptoms     another set under corpus/answers/<set>/ (same parts, same rules)
 *   npm run eval -- --dir DIR [--misses] any folder of <lang>.jsonl files in the same format
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readScriptArgs } from './script-args.js';
import { parseConfig } from '../src/config.js';
import { createEngine } from '../src/engine/index.js';
import type { ConversationState } from '../src/engine/context.js';
import { LANGUAGES, type Language } from '../src/language/languages.js';
import { createLogger } from '../src/logger.js';
import { paths } from '../src/paths.js';
import { measureSms, profiles, renderReply } from '../src/render/index.js';
import { createKnowledgeSearch } from '../src/retrieval/knowledge-search.js';

export type Part = 'heldout' | 'dev';

export interface EvalItem {
  id: string;
  kind: 'fact' | 'followup' | 'oos' | 'gibberish' | 'medicine' | 'symptom';
  q: string;
  topic: string | null;
  unit: string | null;
  facts: string[];
  context?: string[];
}

export interface LanguageReport {
  language: Language;
  n: number;
  /** Fact questions and follow-ups. */
  answerable: number;
  topicHit1: number;
  unitHit1: number;
  factStated: number;
  followUps: { n: number; unitHit1: number; factStated: number };
  signals: { lexical: number; classifier: number; fused: number };
  outOfScope: { n: number; handled: number };
  gibberish: { n: number; rephrase: number; escalated: number };
  medicine: { n: number; toNurse: number };
  /** Symptoms no unit assesses: handed to a nurse, or (worse) answered by a unit as if it had. */
  symptom: { n: number; toNurse: number; answered: number };
  web: { medianChars: number };
  /** `cut`: answers whose SMS (two segments at most) leaves sentences out. */
  /** `factAnswers` / `factStated`: answers to questions with facts, and those whose SMS states one. */
  sms: { maxSegments: number; overTwo: number; cut: number; answers: number; factAnswers: number; factStated: number };
  voice: { cut: number };
  latency: { p50_ms: number; p99_ms: number };
  misses: string[];
}

/**
 * `part` is heldout or dev of the main set, `<set>/heldout` or `<set>/dev` of another set under
 * corpus/answers/, or a folder of `<lang>.jsonl` files in the same format (`--dir`).
 */
export function readItems(part: Part | string, language: Language): EvalItem[] {
  const file = /^(?:[a-z0-9-]+\/)?(?:heldout|dev)$/.test(part) ? join(paths.root, 'corpus', 'answers', part, `${language}.jsonl`) : join(part, `${language}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalItem);
}

const ratio = (k: number, n: number) => (n ? Number((k / n).toFixed(3)) : 0);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

export async function evaluate(part: Part | string, languages: readonly Language[] = LANGUAGES): Promise<LanguageReport[]> {
  const config = parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: join(paths.root, 'data') });
  const logger = createLogger('silent');
  const { engine, services, knowledge } = await createEngine(config, logger);
  if (!knowledge) throw new Error('no knowledge base');
  // Signals and latency from an uncached search (the engine's own search keeps recent results).
  const uncached = createKnowledgeSearch({ index: () => knowledge.index, logger, cacheSize: 0 });
  const reports: LanguageReport[] = [];
  let conversation = 0;
  for (const language of languages) {
    const items = readItems(part, language);
    const r: LanguageReport = {
      language,
      n: items.length,
      answerable: 0,
      topicHit1: 0,
      unitHit1: 0,
      factStated: 0,
      followUps: { n: 0, unitHit1: 0, factStated: 0 },
      signals: { lexical: 0, classifier: 0, fused: 0 },
      outOfScope: { n: 0, handled: 0 },
      gibberish: { n: 0, rephrase: 0, escalated: 0 },
      medicine: { n: 0, toNurse: 0 },
      symptom: { n: 0, toNurse: 0, answered: 0 },
      web: { medianChars: 0 },
      sms: { maxSegments: 0, overTwo: 0, cut: 0, answers: 0, factAnswers: 0, factStated: 0 },
      voice: { cut: 0 },
      latency: { p50_ms: 0, p99_ms: 0 },
      misses: [],
    };
    const webLengths: number[] = [];
    const latencies: number[] = [];
    const t = services.t(language);
    for (const item of items) {
      conversation += 1;
      let state: ConversationState | undefined = { turns: 0, counters: {}, language, languageChosen: true };
      const turn = async (text: string) => {
        const out = await engine.handle({
          message: { channel: 'eval', conversation: { id: `eval-${conversation}` }, from: { id: 'eval', role: 'patient' }, text, kind: 'text', timestamp: new Date() },
          conversation: { id: `eval-${conversation}`, channel: 'eval', mode: 'bot', isNew: state?.turns === 0 },
          state,
        });
        state = out.state;
        return out;
      };
      for (const before of item.context ?? []) await turn(before);
      const out = await turn(item.q);
      const web = out.replies.map((reply) => renderReply(reply, profiles.webchat, { t }).text).join('\n\n');
      const unit = out.result.answer?.unit ?? null;
      const topic = out.result.sources[0]?.id ?? null;
      const miss = (why: string) => r.misses.push(`${item.id} [${item.kind}] ${why}  ←  ${item.context ? `${item.context.join(' / ')} // ` : ''}${item.q}`);

      if (item.kind === 'fact' || item.kind === 'followup') {
        r.answerable += 1;
        const topicOk = topic === item.topic;
        const unitOk = topicOk && unit === item.unit;
        const factOk = item.facts.length === 0 ? unitOk : item.facts.some((f) => new RegExp(f, 'iu').test(web));
        if (topicOk) r.topicHit1 += 1;
        if (unitOk) r.unitHit1 += 1;
        if (factOk) r.factStated += 1;
        if (item.kind === 'followup') {
          r.followUps.n += 1;
          if (unitOk) r.followUps.unitHit1 += 1;
          if (factOk) r.followUps.factStated += 1;
        }
        if (!unitOk || !factOk) miss(`expected ${item.topic}#${item.unit}, got ${topic}#${unit}${factOk ? '' : ' (fact missing)'} [${out.result.handledBy}]`);
        if (out.result.handledBy === 'answer' && unit) {
          webLengths.push(web.length);
          const smsText = out.replies.map((reply) => renderReply(reply, profiles.sms, { t }).text).join('\n\n');
          if (factOk && item.facts.length) {
            r.sms.factAnswers += 1;
            if (item.facts.some((f) => new RegExp(f, 'iu').test(smsText))) r.sms.factStated += 1;
            else miss(`${item.topic}#${item.unit}: the SMS reply leaves the fact out`);
          }
          for (const reply of out.replies) {
            const sms = renderReply(reply, profiles.sms, { t });
            const segments = Math.max(...sms.chunks.map((c) => measureSms(c).segments)) * sms.chunks.length;
            r.sms.maxSegments = Math.max(r.sms.maxSegments, segments);
            if (segments > 2) r.sms.overTwo += 1;
            r.sms.answers += 1;
            if (sms.truncated) r.sms.cut += 1;
            if (renderReply(reply, profiles.voice, { t }).truncated && reply.brief === undefined) r.voice.cut += 1;
          }
        }
        if (item.kind === 'fact') {
          const started = performance.now();
          const result = uncached.searchLexical(item.q, language);
          latencies.push(performance.now() - started);
          const want = `${item.topic}#${item.unit}`;
          if (result.signals.lexical[0] === want) r.signals.lexical += 1;
          if (result.signals.classifier[0] === want) r.signals.classifier += 1;
          const best = result.passages[0]?.passage.metadata;
          if (best && `${best.topicId}#${best.unitId}` === want) r.signals.fused += 1;
        }
      } else if (item.kind === 'oos') {
        r.outOfScope.n += 1;
        if (out.result.answer?.outOfScope === true) r.outOfScope.handled += 1;
        else miss(`not out of scope: ${out.result.handledBy} ${topic}#${unit}`);
      } else if (item.kind === 'gibberish') {
        r.gibberish.n += 1;
        if (out.result.answer?.gibberish === true) r.gibberish.rephrase += 1;
        else miss(`not a rephrase prompt: ${out.result.handledBy}`);
        if (out.result.escalate) r.gibberish.escalated += 1;
      } else if (item.kind === 'medicine') {
        r.medicine.n += 1;
        if (out.result.escalate && out.result.reason === 'clinical') r.medicine.toNurse += 1;
        else miss(`not handed to a nurse: ${out.result.handledBy} ${topic}#${unit}`);
      } else if (item.kind === 'symptom') {
        r.symptom.n += 1;
        // A unit's answer presented as the answer to a symptom it does not assess.
        const answered = out.result.handledBy === 'answer' && unit !== null && out.result.answer?.lowConfidence === false && !out.result.escalate;
        if (answered) r.symptom.answered += 1;
        if (out.result.escalate) r.symptom.toNurse += 1;
        else miss(`not handed to a nurse: ${out.result.handledBy} ${topic}#${unit}${answered ? ' (answered by the unit)' : ''}`);
      }
    }
    const facts = items.filter((i) => i.kind === 'fact').length;
    webLengths.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    reports.push({
      ...r,
      topicHit1: ratio(r.topicHit1, r.answerable),
      unitHit1: ratio(r.unitHit1, r.answerable),
      factStated: ratio(r.factStated, r.answerable),
      followUps: { n: r.followUps.n, unitHit1: ratio(r.followUps.unitHit1, r.followUps.n), factStated: ratio(r.followUps.factStated, r.followUps.n) },
      signals: { lexical: ratio(r.signals.lexical, facts), classifier: ratio(r.signals.classifier, facts), fused: ratio(r.signals.fused, facts) },
      web: { medianChars: percentile(webLengths, 50) },
      latency: { p50_ms: Number(percentile(latencies, 50).toFixed(3)), p99_ms: Number(percentile(latencies, 99).toFixed(3)) },
    });
  }
  await knowledge.close();
  return reports;
}

function table(reports: LanguageReport[]): string {
  const header = ['lang', 'n', 'topic@1', 'unit@1', 'fact', 'follow-up unit/fact', 'lex/cls/fused', 'oos', 'gibberish', 'medicine', 'symptom (answered)', 'web median', 'sms>2', 'sms cut', 'sms fact', 'voice cut', 'p99 ms'];
  const rows = reports.map((r) => [
    r.language,
    String(r.n),
    r.topicHit1.toFixed(3),
    r.unitHit1.toFixed(3),
    r.factStated.toFixed(3),
    `${r.followUps.unitHit1.toFixed(2)}/${r.followUps.factStated.toFixed(2)} (${r.followUps.n})`,
    `${r.signals.lexical.toFixed(2)}/${r.signals.classifier.toFixed(2)}/${r.signals.fused.toFixed(2)}`,
    `${r.outOfScope.handled}/${r.outOfScope.n}`,
    `${r.gibberish.rephrase}/${r.gibberish.n}${r.gibberish.escalated ? ` (${r.gibberish.escalated} cases)` : ''}`,
    `${r.medicine.toNurse}/${r.medicine.n}`,
    r.symptom.n ? `${r.symptom.toNurse}/${r.symptom.n} (${r.symptom.answered})` : '-',
    String(r.web.medianChars),
    String(r.sms.overTwo),
    ratio(r.sms.cut, r.sms.answers).toFixed(2),
    ratio(r.sms.factStated, r.sms.factAnswers).toFixed(2),
    String(r.voice.cut),
    r.latency.p99_ms.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const values = readScriptArgs(
    'eval',
    `usage: npm run eval [-- options]
  --part heldout|dev  the part to score (default heldout: the figures to report; tune on dev only)
  --set <name>        another set under corpus/answers/<name>/ (same parts)
  --dir <folder>      any folder of <lang>.jsonl files in the same format
  --lang en,es        only these languages
  --json              one JSON object instead of the table
  --misses            also list what went wrong (dev or --dir only)`,
    {
      part: { type: 'string', default: 'heldout' },
      dir: { type: 'string' },
      set: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
    },
  );
  // A folder of new questions (e.g. a set written to measure before it becomes examples).
  if (!values.dir && values.part !== 'heldout' && values.part !== 'dev') {
    process.stderr.write('eval: --part is heldout or dev\n');
    return 2;
  }
  if (values.set !== undefined && !/^[a-z0-9-]+$/.test(values.set)) {
    process.stderr.write('eval: --set is the name of a folder under corpus/answers/ (lowercase letters, digits, dashes)\n');
    return 2;
  }
  const part = values.dir ?? (values.set ? `${values.set}/${values.part}` : (values.part as Part));
  if (values.misses && !values.dir && values.part === 'heldout') {
    process.stderr.write('eval: --misses is for the dev part only (the held-out part is never used for tuning)\n');
    return 2;
  }
  const languages = values.lang ? (values.lang.split(',') as Language[]) : LANGUAGES;
  process.stderr.write(`evaluating the ${part} part (${languages.join(', ')})…\n`);
  const reports = await evaluate(part, languages);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ part, languages: reports.map(({ misses, ...r }) => (values.misses ? { ...r, misses } : r)) })}\n`);
  } else {
    process.stdout.write(`${part}\n${table(reports)}\n`);
    if (values.misses) for (const r of reports) for (const m of r.misses) process.stdout.write(`${r.language}  ${m}\n`);
  }
  return 0;
}

// Run as a script (npm run eval), not when imported by the benchmark or tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
