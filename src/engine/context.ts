import type { Config } from '../config.js';
import type { TFunction } from '../i18n.js';
import type { ClinicFacts } from '../knowledge/clinic.js';
import type { Language } from '../language/languages.js';
import type { Logger } from '../logger.js';
import type { Message, Reply, SourceRef } from '../message.js';
import type { ConversationMode } from '../store/store.js';
import type { Category, Disposition } from '../safety/catalogue/flags.js';
import type { DetectorName, SafetyGate } from '../safety/gate.js';
import type { ScreenAnswer } from '../safety/screening.js';
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
  /** `hint`: the first-aid line's key when the red flag chose one other than its category's (src/safety/replies.ts). */
  /** The patient writes Hindi in Latin letters: fixed lines come in Latin letters too (locales/hi-Latn). */
  romanised?: boolean;
  safety?: { flag: string; disposition: Disposition; category: Category; turnsLeft: number; hint?: string; helper?: boolean };
  /** A screening question was asked; the next message answers it. */
  /** `age`: the bare number a first answer gave ("he's 4"), asked again as "4 weeks, months or years?". */
  screening?: { screen: ScreenId; flag: string; question?: string; age?: number };
  /**
   * A yes-or-no question the bot just asked: `nurse`, "would you like me to bring in a nurse?" (a
   * "yes" asks for one); `more`, "anything else I can help you with?" (a "no" is a goodbye).
   */
  offer?: 'nurse' | 'more';
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

/** What the safety gate found this turn (ids, never the patient's words: these reach logs and case posts). */
export interface SafetyOutcome {
  /** The red flag raised. */
  redFlag?: { category: Category; flag: string; disposition: Disposition; matched: string; detectors: DetectorName[] };
  /** A screening question asked (`matched`), or the answer to the one asked last turn (`answer`). */
  screen?: { screen: ScreenId; matched?: string; answer?: ScreenAnswer };
  /** In safety mode, the "while you wait" advice was added to the reminder. */
  waitingAdvice?: boolean;
}

/** How the answer stage answered (or why it did not). */
export interface AnswerOutcome {
  /** `extractive`: a knowledge unit's own words; `llm`: a model's answer grounded in units. */
  kind?: 'extractive' | 'llm';
  topic?: string;
  unit?: string;
  /** Retrieval confidence, 0–1 (1 for a topic or unit chosen from buttons). */
  confidence?: number;
  /** True when the answer was a "not sure" (counts towards a low-confidence hand-over); false for a real answer. */
  lowConfidence?: boolean;
  /** Which retrieval mode ranked the passages. */
  retrieval?: string;
  /** The question leaned on the previous answer's topic. */
  followUp?: boolean;
  gibberish?: boolean;
  outOfScope?: boolean;
  /** A clinical question handed to a nurse: medicine, lab_value, diagnosis... */
  clinical?: string;
  /** Why the LLM answer failed and the extractive one was given instead. */
  llmFallback?: string;
}

/** What the escalation stage did beyond the decision itself. */
export interface EscalationOutcome {
  /** The turn's replies already tell the patient what happens next (the after-turn hook must not say it again). */
  patientNotified: boolean;
}

/**
 * What one turn decided. `urgency`, `escalate`, `reason` and `sources` are what `ask --json`
 * reports; the named sections are the stages' facts for the layer that acts on the result.
 */
export interface TurnResult {
  urgency: Urgency;
  escalate: boolean;
  reason: string | null;
  sources: SourceRef[];
  /** Which stage answered: greeting, help, language, answer, fallback, ... */
  handledBy?: string;
  safety?: SafetyOutcome;
  answer?: AnswerOutcome;
  escalation?: EscalationOutcome;
}

export interface EngineServices {
  config: Config;
  logger: Logger;
  clinic: ClinicFacts;
  /** `script` 'latin': Hindi's strings in Latin letters where they have them (locales/hi-Latn). */
  t(language: Language, script?: 'latin'): TFunction;
  /** The safety gate with this deployment's detectors (an LLM opinion when configured). */
  safetyGate?: SafetyGate;
  /**
   * A staff desk is configured, so a hand-over reaches staff at once: patients are promised a
   * nurse, not only given the nurse line. Which desk it is is none of the engine's business.
   */
  staffDesk: boolean;
}

export interface TurnContext {
  /** The patient's message; after a `now` check answered "no", the safety stage puts back the message it held. */
  message: Message;
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
