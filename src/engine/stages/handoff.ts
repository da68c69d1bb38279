import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';

/**
 * While a nurse has the conversation (mode `handoff`), the bot stays out of it: no
 * knowledge answers, no fallback. Only the stages before this one (language, the safety
 * gate) still act. The after-turn escalation hook posts the message into the case channel.
 */
export function handoffStage(): Middleware<TurnContext> {
  return async (ctx, next) => {
    if (ctx.conversation.mode !== 'handoff') {
      await next();
      return;
    }
    ctx.result.handledBy = 'handoff';
  };
}
