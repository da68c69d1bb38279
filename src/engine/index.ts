import { staffDeskConfigured, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createI18n, type TFunction } from '../i18n.js';
import type { Language } from '../language/languages.js';
import { loadClinic } from '../knowledge/clinic.js';
import { isTopicId, OFFICE_TOPICS, type TopicId } from '../knowledge/topics.js';
import { CONFIDENCE_THRESHOLD } from '../retrieval/confidence.js';
import { createDefaultSafetyGate } from '../safety/default-gate.js';
import type { Logger } from '../logger.js';
import { createKnowledgeService, type KnowledgeService } from '../retrieval/knowledge-service.js';
import type { Category } from '../safety/catalogue/flags.js';
import type { EngineServices, TurnContext } from './context.js';
import { createDialogEngine, type DialogEngine } from './engine.js';
import type { Middleware } from './pipeline.js';
import { answerStage } from './stages/answer.js';
import { escalationStage } from './stages/escalation.js';
import { fallbackStage } from './stages/fallback.js';
import { handoffStage } from './stages/handoff.js';
import { intentStage } from './stages/intent.js';
import { languageStage } from './stages/language.js';
import { safetyStage, type OfficeMatter, type WaitingAdvice } from './stages/safety.js';

const INTERPOLATED_KEPT = 2_000;

/** A cache key for a key and its variables when they are a few short strings or numbers; otherwise none. */
function interpolationKey(key: string, options: unknown): string | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  let out = key;
  let n = 0;
  for (const [name, value] of Object.entries(options)) {
    if (++n > 4) return undefined;
    if (typeof value === 'number') out += `\u0000${name}\u0001${value}`;
    else if (typeof value === 'string' && value.length <= 200) out += `\u0000${name}\u0001${value}`;
    else return undefined;
  }
  return out;
}

export async function createEngineServices(config: Config, logger: Logger): Promise<EngineServices> {
  const clinic = loadClinic();
  const i18n = await createI18n(
    { clinicName: clinic.name, emergencyNumber: config.emergencyNumber, crisisLine: config.crisisLine },
    config.defaultLanguage,
  );
  // One bound t() per language, made once: stages ask for it many times a turn. A string asked
  // for by its key alone never changes (the variables are the clinic's), and i18next takes tens
  // of microseconds to resolve one (menu buttons are six per greeting): those are kept. So are
  // strings whose variables are a few short plain values (a unit's "More:" line, a numbered
  // option), up to INTERPOLATED_KEPT of them; anything else goes to i18next every time.
  const bound = new Map<string, TFunction>();
  const t = (language: Language, script?: 'latin'): TFunction => {
    const code = script === 'latin' && language === 'hi' ? 'hi-Latn' : language;
    let fn = bound.get(code);
    if (!fn) {
      const fixed = i18n.getFixedT(code);
      const plain = new Map<string, unknown>();
      const interpolated = new Map<string, unknown>();
      const memo = ((key: unknown, ...rest: unknown[]) => {
        const call = () => (fixed as unknown as (...args: unknown[]) => unknown)(key, ...rest);
        if (typeof key !== 'string') return call();
        if (rest.length === 0) {
          let value = plain.get(key);
          if (value === undefined) plain.set(key, (value = fixed(key)));
          return value;
        }
        const cacheKey = rest.length === 1 ? interpolationKey(key, rest[0]) : undefined;
        if (cacheKey === undefined) return call();
        let value = interpolated.get(cacheKey);
        if (value === undefined) {
          value = call();
          if (interpolated.size >= INTERPOLATED_KEPT) interpolated.clear();
          interpolated.set(cacheKey, value);
        }
        return value;
      }) as unknown as TFunction;
      bound.set(code, (fn = memo));
    }
    return fn;
  };
  return { config, logger, clinic, t, safetyGate: createDefaultSafetyGate(config), staffDesk: staffDeskConfigured(config) };
}

/** The turn pipeline, in order: language → safety gate → handoff → intent → answer → escalation. */
export function defaultStages(knowledge?: KnowledgeService): Middleware<TurnContext>[] {
  const answer = knowledge ? [answerStage(knowledge)] : [];
  const waiting = knowledge ? waitingAdviceFrom(knowledge) : undefined;
  const office = knowledge ? officeMatterFrom(knowledge, OFFICE_TOPICS) : undefined;
  const inSafetyMode = knowledge ? officeMatterFrom(knowledge, SAFETY_MODE_TOPICS) : undefined;
  return [languageStage(), safetyStage(undefined, waiting, office, inSafetyMode), handoffStage(), intentStage(), ...answer, escalationStage(), fallbackStage()];
}

/** What the knowledge base may answer right after a red flag: office matters, and where and when to get emergency care. */
const SAFETY_MODE_TOPICS: ReadonlySet<TopicId> = new Set<TopicId>([...OFFICE_TOPICS, 'urgent-vs-emergency', 'emergency-warning-signs']);

/** A confident answer from one of these topics, not a clinical question (the same search the answer then reuses from cache). */
function officeMatterFrom(knowledge: KnowledgeService, topics: ReadonlySet<TopicId>): OfficeMatter {
  return (text, language) => {
    const found = knowledge.searchLexical(text, language);
    const top = found.topics[0]?.id;
    // A complaint is never an office matter, whatever office words it shares ("it happens when I
    // take the stairs" is not about the clinic's stairs).
    return Boolean(top && isTopicId(top) && topics.has(top) && found.confidence >= CONFIDENCE_THRESHOLD && !found.clinical && !found.outOfScope && !found.leansToSymptom);
  };
}

/** `db` enables embeddings (pgvector) when configured; the knowledge base is indexed before this resolves. */
export async function createEngine(
  config: Config,
  logger: Logger,
  options: { db?: Database; knowledge?: KnowledgeService; lazyIndex?: boolean | 'background' } = {},
): Promise<{ engine: DialogEngine; services: EngineServices; knowledge: KnowledgeService }> {
  const services = await createEngineServices(config, logger);
  const knowledge = options.knowledge ?? (await createKnowledgeService({ config, logger, db: options.db, lazyIndex: options.lazyIndex }));
  return { engine: createDialogEngine(services, defaultStages(knowledge)), services, knowledge };
}

// The knowledge unit that says what to do until the ambulance comes, per emergency category.
const WAITING_UNITS: Partial<Record<Category, string>> = {
  stroke: 'stroke-while-waiting',
  chest_pain: 'while-waiting',
  unresponsive: 'while-waiting',
  breathing: 'while-waiting',
  bleeding: 'while-waiting',
  seizure: 'while-waiting',
  head_injury: 'while-waiting',
  other_emergency: 'while-waiting',
};

function waitingAdviceFrom(knowledge: KnowledgeService): WaitingAdvice {
  return (category, language, romanised) => {
    const unit = WAITING_UNITS[category];
    if (!unit) return undefined;
    const found = knowledge.topic('emergency-warning-signs', language)?.units.find((u) => u.id === unit);
    return romanised && found?.shortRomanised ? found.shortRomanised : found?.short;
  };
}
