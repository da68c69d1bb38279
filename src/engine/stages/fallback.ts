import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';

/** The last stage: nothing earlier answered, so say so plainly and point to the clinic. */
export function fallbackStage(): Middleware<TurnContext> {
  return async (ctx) => {
    if (ctx.replies.length > 0) return;
    ctx.reply(ctx.t('fallback'));
    ctx.result.handledBy = 'fallback';
  };
}
