import type { Language } from '../language/languages.js';
import type { Message, Reply } from '../message.js';
import type { ConversationMode } from '../store/store.js';
import { initialState, type ConversationState, type EngineServices, type TurnContext, type TurnResult } from './context.js';
import { compose, type Middleware } from './pipeline.js';

export interface TurnInput {
  message: Message;
  conversation: { id: string; channel: string; mode: ConversationMode; isNew: boolean };
  state?: ConversationState;
}

export interface TurnOutput {
  language: Language;
  replies: Reply[];
  result: TurnResult;
  state: ConversationState;
}

export interface DialogEngine {
  handle(input: TurnInput): Promise<TurnOutput>;
}

/** Runs one turn through the stages. Pure with respect to storage: the caller stores and delivers. */
export function createDialogEngine(services: EngineServices, stages: Middleware<TurnContext>[]): DialogEngine {
  const run = compose(stages);
  return {
    async handle({ message, conversation, state }) {
      const replies: Reply[] = [];
      const turnState: ConversationState = state ? structuredClone(state) : initialState();
      turnState.turns += 1;
      const ctx: TurnContext = {
        message,
        conversation,
        state: turnState,
        language: turnState.language ?? services.config.defaultLanguage,
        // Hindi written in Latin letters reads the bot's fixed lines in Latin letters too (where they exist).
        get t() {
          return services.t(this.language, this.state.romanised ? 'latin' : undefined);
        },
        replies,
        reply(text, extra = {}) {
          replies.push({ role: 'bot', language: ctx.language, ...(ctx.language === 'hi' && ctx.state.romanised ? { script: 'latin' as const } : {}), ...extra, text });
        },
        result: { urgency: 'routine', escalate: false, reason: null, sources: [] },
        services,
      };
      await run(ctx);
      rememberTurn(ctx.state, message.text, replies);
      return { language: ctx.language, replies, result: ctx.result, state: ctx.state };
    },
  };
}

const RECENT_TURNS = 6;
const RECENT_CHARS = 400;

/** Keeps the last few messages both ways, shortened, for answers that need the conversation. */
function rememberTurn(state: ConversationState, text: string, replies: readonly Reply[]): void {
  const shorten = (s: string) => (s.length > RECENT_CHARS ? `${s.slice(0, RECENT_CHARS)}…` : s);
  const turns = [
    ...(state.recent ?? []),
    { role: 'patient' as const, text: shorten(text) },
    ...replies.filter((r) => r.role === 'bot').map((r) => ({ role: 'bot' as const, text: shorten(r.brief ?? r.text) })),
  ];
  state.recent = turns.slice(-RECENT_TURNS);
}
