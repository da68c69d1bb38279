import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a Claim or Resolve button carries back to us in `integration.context`. */
export interface ActionContext {
  action: 'claim' | 'resolve';
  caseId: string;
}

export type SignedActionContext = ActionContext & { sig: string };

const ACTIONS = new Set<ActionContext['action']>(['claim', 'resolve']);

function digest(secret: string, context: ActionContext): Buffer {
  // A fixed field order, so the signature does not depend on how JSON was re-serialised.
  return createHmac('sha256', secret).update(`carerelay-action\n${context.action}\n${context.caseId}`).digest();
}

export function signAction(secret: string, context: ActionContext): SignedActionContext {
  return { ...context, sig: digest(secret, context).toString('hex') };
}

/** The context, if it is one we signed; constant-time comparison. */
export function verifyAction(secret: string, raw: unknown): ActionContext | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { action, caseId, sig } = raw as Record<string, unknown>;
  if (typeof action !== 'string' || !ACTIONS.has(action as ActionContext['action'])) return undefined;
  if (typeof caseId !== 'string' || caseId.length === 0 || caseId.length > 64) return undefined;
  if (typeof sig !== 'string' || !/^[0-9a-f]{64}$/.test(sig)) return undefined;
  const context: ActionContext = { action: action as ActionContext['action'], caseId };
  const expected = digest(secret, context);
  const given = Buffer.from(sig, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? context : undefined;
}
