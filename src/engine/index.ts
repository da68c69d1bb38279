import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createI18n, type TFunction } from '../i18n.js';
import type { Language } from '../language/languages.js';
import { loadClinic } from '../knowledge/clinic.js';
import { createDefaultSafetyGate } from '../safety/default-gate.js';
import type { Logger } from '../logger.js';
import { createKnowledgeService, type KnowledgeService } from '../retrieval/knowledge-service.js';
import type { EngineServices, TurnContext } from './context.js';
import { createDialogEngine, type DialogEngine } from './engine.js';
import type { Middleware } from './pipeline.js';
import { answerStage } from './stages/answer.js';
import { escalationStage } from './stages/escalation.js';
import { fallbackStage } from './stages/fallback.js';
import { handoffStage } from './stages/handoff.js';
import { intentStage } from './stages/intent.js';
import { languageStage } from './stages/language.js';
import { safetyStage } from './stages/safety.js';

export async function createEngineServices(config: Config, logger: Logger): Promise<EngineServices> {
  const clinic = loadClinic();
  const i18n = await createI18n(
    { clinicName: clinic.name, emergencyNumber: config.emergencyNumber, crisisLine: config.crisisLine },
    config.defaultLanguage,
  );
  // One bound t() per language, made once: stages ask for it many times a turn.
  const bound = new Map<Language, TFunction>();
  const t = (language: Language): TFunction => {
    let fn = bound.get(language);
    if (!fn) bound.set(language, (fn = i18n.getFixedT(language)));
    return fn;
  };
  return { config, logger, clinic, t, safetyGate: createDefaultSafetyGate(config) };
}

/** The turn pipeline, in order: language → safety gate → handoff → intent → answer → escalation. */
export function defaultStages(knowledge?: KnowledgeService): Middleware<TurnContext>[] {
  const answer = knowledge ? [answerStage(knowledge)] : [];
  return [languageStage(), safetyStage(), handoffStage(), intentStage(), ...answer, escalationStage(), fallbackStage()];
}

/** `db` enables embeddings (pgvector) when configured; the knowledge base is indexed before this resolves. */
export async function createEngine(
  config: Config,
  logger: Logger,
  options: { db?: Database; knowledge?: KnowledgeService } = {},
): Promise<{ engine: DialogEngine; services: EngineServices; knowledge: KnowledgeService }> {
  const services = await createEngineServices(config, logger);
  const knowledge = options.knowledge ?? (await createKnowledgeService({ config, logger, db: options.db }));
  return { engine: createDialogEngine(services, defaultStages(knowledge)), services, knowledge };
}
