import type { Config } from '../config.js';
import { createI18n } from '../i18n.js';
import { loadClinic } from '../knowledge/clinic.js';
import type { Logger } from '../logger.js';
import type { EngineServices, TurnContext } from './context.js';
import { createDialogEngine, type DialogEngine } from './engine.js';
import type { Middleware } from './pipeline.js';
import { fallbackStage } from './stages/fallback.js';
import { intentStage } from './stages/intent.js';
import { languageStage } from './stages/language.js';

export async function createEngineServices(config: Config, logger: Logger): Promise<EngineServices> {
  const clinic = loadClinic();
  const i18n = await createI18n(
    { clinicName: clinic.name, emergencyNumber: config.emergencyNumber, crisisLine: config.crisisLine },
    config.defaultLanguage,
  );
  return { config, logger, clinic, t: (language) => i18n.getFixedT(language) };
}

/** The turn pipeline, in order: language → safety gate → handoff → intent → answer → escalation. */
export function defaultStages(): Middleware<TurnContext>[] {
  return [languageStage(), intentStage(), fallbackStage()];
}

export async function createEngine(config: Config, logger: Logger): Promise<{ engine: DialogEngine; services: EngineServices }> {
  const services = await createEngineServices(config, logger);
  return { engine: createDialogEngine(services, defaultStages()), services };
}
