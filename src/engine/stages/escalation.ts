import { isDidNotHelp, isHumanRequest } from '../../escalation/triggers.js';
import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';

const LOW_CONFIDENCE = 'lowConfidenceStreak';
const DID_NOT_HELP = 'didNotHelp';

/** Minutes to promise: the first deadline of the case's priority, never less than 2. */
export function expectedWaitMinutes(deadlineMs: number): number {
  return Math.max(2, Math.ceil(deadlineMs / 60_000));
}

/**
 * Decides whether this turn hands the conversation to a nurse (after the answer stage):
 * an explicit request for a person, two low-confidence answers in a row, or the patient
 * saying twice that the answers did not help. Stages before may already have escalated
 * (clinical questions). On escalation it tells the patient what happens next; the
 * after-turn hook opens the case.
 */
export function escalationStage(): Middleware<TurnContext> {
  return async (ctx, next) => {
    const { counters } = ctx.state;
    const text = ctx.message.text;
    const escalate = (reason: string) => {
      ctx.result.escalate = true;
      ctx.result.reason = reason;
    };

    if (!ctx.result.escalate) {
      if (isHumanRequest(text)) {
        escalate('human_request');
      } else {
        if (isDidNotHelp(text)) {
          counters[DID_NOT_HELP] = (counters[DID_NOT_HELP] ?? 0) + 1;
          if (counters[DID_NOT_HELP]! >= 2) escalate('repeated_failure');
        }
        const low = ctx.result.details.lowConfidence;
        if (low === true) {
          counters[LOW_CONFIDENCE] = (counters[LOW_CONFIDENCE] ?? 0) + 1;
          if (!ctx.result.escalate && counters[LOW_CONFIDENCE]! >= 2) escalate('low_confidence');
        } else if (low === false) {
          counters[LOW_CONFIDENCE] = 0;
        }
        if (!ctx.result.escalate && isDidNotHelp(text) && ctx.replies.length === 0) {
          ctx.reply(ctx.t('escalation:stage.didNotHelp'));
          ctx.result.handledBy = 'escalation';
        }
      }
    }

    if (ctx.result.escalate) {
      delete counters[LOW_CONFIDENCE];
      delete counters[DID_NOT_HELP];
      if (ctx.result.details.escalationNotice !== true) {
        const { config, clinic } = ctx.services;
        const nurseLine = clinic.get('nurse_line', ctx.language) ?? clinic.get('phone', ctx.language) ?? '';
        if (!config.mattermost) {
          ctx.reply(ctx.t('escalation:stage.unconfigured', { nurseLine }));
        } else if (ctx.result.urgency === 'emergency') {
          // "Our nurses were alerted" is said by the case-open job, once the case has reached them.
        } else {
          ctx.reply(ctx.t('escalation:stage.connecting', { minutes: expectedWaitMinutes(config.caseDeadlinesMs[ctx.result.urgency]) }));
        }
        ctx.result.details.escalationNotice = true;
      }
      ctx.result.handledBy ??= 'escalation';
    }
    await next();
  };
}
