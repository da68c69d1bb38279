import { NOTICE_KEYS, noticeOnEscalation } from '../../escalation/policy.js';
import { isDidNotHelp, isHumanRequest } from '../../escalation/triggers.js';
import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';

const LOW_CONFIDENCE = 'lowConfidenceStreak';
const DID_NOT_HELP = 'didNotHelp';

/**
 * Decides whether this turn hands the conversation to a nurse (after the answer stage):
 * an explicit request for a person, two low-confidence answers in a row, or the patient
 * saying twice that the answers did not help. Stages before may already have escalated
 * (clinical questions). On escalation the patient is told what happens next (the
 * notice the escalation policy picks); the after-turn hook opens the case.
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
        const low = ctx.result.answer?.lowConfidence;
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
      if (!ctx.result.escalation?.patientNotified) {
        // Which notice is the escalation policy's decision; it is said in this turn's replies.
        const { config, clinic } = ctx.services;
        const notice = noticeOnEscalation(ctx.result.urgency, ctx.services.staffDesk, config.caseDeadlinesMs);
        if (notice) {
          const nurseLine = clinic.get('nurse_line', ctx.language) ?? clinic.get('phone', ctx.language) ?? '';
          // The request is made in this very turn: a "Talk to a nurse" button above the notice
          // (SMS: "Reply 1 for Talk to a nurse") would ask the patient for what is already done.
          dropNurseButton(ctx);
          ctx.reply(ctx.t(NOTICE_KEYS[notice.kind], { nurseLine, ...notice.vars }));
        }
        ctx.result.escalation = { patientNotified: true };
      }
      ctx.result.handledBy ??= 'escalation';
    }
    await next();
  };
}

/** Takes the nurse button off this turn's replies (the answer stage offers it with an uncertain or clinical answer). */
function dropNurseButton(ctx: TurnContext): void {
  const value = ctx.t('answers:nurseActionValue');
  for (const reply of ctx.replies) {
    if (!reply.actions?.some((a) => a.value === value)) continue;
    const rest = reply.actions.filter((a) => a.value !== value);
    if (rest.length) reply.actions = rest;
    else delete reply.actions;
  }
}
