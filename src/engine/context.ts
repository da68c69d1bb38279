import type { Config } from '../config.js';
import type { TFunction } from '../i18n.js';
import type { ClinicFacts } from '../knowledge/clinic.js';
import type { Language } from '../language/languages.js';
import type { Logger } from '../logger.js';
import type { Message, Reply, SourceRef } from '../message.js';
import type { ConversationMode } from '../store/store.js';
import type { Category, Disposition } from '../safety/catalogue/flags.js';
import type { SafetyGate } from '../safety/gate.js';
import type { ScreenId } from '../safety/types.js';
import type { AnswerContext } from '../retrieval/follow-up.js';

export type Urgency = 'emergency' | 'urgent' | 'routine';

/** What a conversation remembers between turns (kept in the state store). */
export interface ConversationState {
  language?: Language;
  /** The patient chose the language explicitly; detection no longer overrides it on weak evidence. */
  languageChosen?: boolean;
  turns: number;
  /** Stages keep their own counters here (low-confidence streaks, "did not help" streaks...). */
  counters: Record<string, number>;
  /** After a red flag: the next turns are answered with care and the numbers again, never small talk. */
  safety?: { flag: string; disposition: Disposition; category: Category; turnsLeft: number };
  /** A screening question was asked; the next message answers it. */
  screening?: { screen: ScreenId; flag: string };
  /** The topic and question the last answer was about: follow-ups lean on it. */
  answerContext?: AnswerContext;
  /** The last few messages both ways, shortened (the LLM answer sees them). */
  recent?: RecentTurn[];
}

export interface RecentTurn {
  role: 'patient' | 'bot';
  text: string;
}

export const initialState = (): ConversationState => ({ turns: 0, counters: {} });

/** What one turn decided, as `ask --json` reports it. */
export interface TurnResult {
  urgency: Urgency;
  escalate: boolean;
  reason: string | null;
  sources: SourceRef[];
  /** Which stage answered: greeting, help, language, answer, fallback, ... */
  handledBy?: string;
  /** Stage-specific facts for the layer that acts on the result (e.g. which emergency category). */
  details: Record<string, unknown>;
}

export interface EngineServices {
  config: Config;
  logger: Logger;
  clinic: ClinicFacts;
  t(language: Language): TFunction;
  /** The safety gate with this deployment's detectors (an LLM opinion when configured). */
  safetyGate?: SafetyGate;
}

export interface TurnContext {
  readonly message: Message;
  readonly conversation: { id: string; channel: string; mode: ConversationMode; isNew: boolean };
  state: ConversationState;
  language: Language;
  /** i18next bound to the turn's current language. */
  readonly t: TFunction;
  readonly replies: Reply[];
  reply(text: string, extra?: Partial<Omit<Reply, 'text'>>): void;
  result: TurnResult;
  readonly services: EngineServices;
}
