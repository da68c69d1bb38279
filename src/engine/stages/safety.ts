import { createEmergencyDetector, type EmergencyDetector } from '../../safety/detector.js';
import type { EmergencyHit } from '../../safety/types.js';
import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';

// Compiling the four lexicons takes a few hundred milliseconds: do it once per process.
let shared: EmergencyDetector | undefined;
const defaultDetector = () => (shared ??= createEmergencyDetector());

/**
 * The safety gate, on every turn (also while a nurse has the case). On an emergency the
 * patient is told at once what to do, the turn escalates with reason `emergency`, and the
 * pipeline stops here: no knowledge answer follows an emergency. Otherwise it passes on.
 */
export function safetyStage(detector: EmergencyDetector = defaultDetector()): Middleware<TurnContext> {
  return async (ctx, next) => {
    const hit = detector.detect(ctx.message.text, ctx.language);
    if (!hit) {
      await next();
      return;
    }
    ctx.result.urgency = 'emergency';
    ctx.result.escalate = true;
    ctx.result.reason = 'emergency';
    // The rule id, never the patient's words: details travel to logs and case posts.
    ctx.result.details.emergency = { category: hit.category, matched: hit.matched };
    ctx.result.handledBy = 'safety';
    ctx.reply(emergencyReply(ctx, hit));
    ctx.services.logger.info({ conversationId: ctx.conversation.id, category: hit.category, matched: hit.matched }, 'safety gate: emergency');
  };
}

/** Call-now first, then a one-line first-aid hint for the category; suicide risk gets the crisis line, warmly. */
function emergencyReply(ctx: TurnContext, hit: EmergencyHit): string {
  const t = (key: string, vars?: Record<string, string>) => ctx.t(`safety:${key}`, vars);
  if (hit.category === 'suicide') return [t('suicide.message'), t('suicide.flagged')].join('\n');
  const lines = [t('emergency.call'), t(`hint.${hit.category}`)];
  const poisonControl = ctx.services.clinic.get('poison_control', ctx.language);
  if (hit.category === 'overdose_poisoning' && poisonControl) lines.push(t('emergency.poisonControl', { poisonControl }));
  if (hit.categories.includes('suicide')) lines.push(t('emergency.crisisAlso'));
  lines.push(t('emergency.flagged'));
  return lines.join('\n');
}
