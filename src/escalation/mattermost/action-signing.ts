import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a Claim or Resolve button carries back to us in `integration.context`. Mattermost
 * does not sign its calls to the action URL, so the context is our own proof: it names the
 * post the button sits on (the request's `post_id` must match) and expires, so a context
 * copied out of a log or a database cannot be replayed for ever or from another post.
 */
export interface ActionContext {
  action: 'claim' | 'resolve';
  caseId: string;
  /** The Mattermost post carrying the button. */
  postId: string;
  /** Milliseconds since the epoch after which the button must be re-signed. */
  expiresAt: number;
}

export type SignedActionContext = { action: ActionContext['action']; caseId: string; postId: string; exp: number; sig: string };

export type VerifiedAction = { ok: true; context: ActionContext } | { ok: false; reason: 'invalid' | 'wrong-post' | 'expired'; context?: ActionContext };

/** How long a signed button stays valid; an expired click re-signs the card (see claims.ts). */
export const ACTION_TTL_MS = 12 * 60 * 60_000;

const ACTIONS = new Set<ActionContext['action']>(['claim', 'resolve']);
const POST_ID = /^[a-z0-9]{26}$/;

function digest(secret: string, c: ActionContext): Buffer {
  // A fixed field order, so the signature does not depend on how JSON was re-serialised.
  return createHmac('sha256', secret).update(`carerelay-action/2\n${c.action}\n${c.caseId}\n${c.postId}\n${c.expiresAt}`).digest();
}

export function signAction(secret: string, context: Omit<ActionContext, 'expiresAt'> & { expiresAt?: number }, now = Date.now()): SignedActionContext {
  const full: ActionContext = { ...context, expiresAt: context.expiresAt ?? now + ACTION_TTL_MS };
  return { action: full.action, caseId: full.caseId, postId: full.postId, exp: full.expiresAt, sig: digest(secret, full).toString('hex') };
}

/**
 * Checks a context we are handed back: our signature (constant-time), the post it was
 * clicked on, and its age. A genuine but expired context is reported as such, with its
 * fields, so the caller can offer a fresh button.
 */
export function verifyAction(secret: string, raw: unknown, clickedPostId: unknown, now = Date.now()): VerifiedAction {
  if (!raw || typeof raw !== 'object') return { ok: false, reason: 'invalid' };
  const { action, caseId, postId, exp, sig } = raw as Record<string, unknown>;
  if (typeof action !== 'string' || !ACTIONS.has(action as ActionContext['action'])) return { ok: false, reason: 'invalid' };
  if (typeof caseId !== 'string' || caseId.length === 0 || caseId.length > 64) return { ok: false, reason: 'invalid' };
  if (typeof postId !== 'string' || !POST_ID.test(postId)) return { ok: false, reason: 'invalid' };
  if (typeof exp !== 'number' || !Number.isSafeInteger(exp)) return { ok: false, reason: 'invalid' };
  if (typeof sig !== 'string' || !/^[0-9a-f]{64}$/.test(sig)) return { ok: false, reason: 'invalid' };
  const context: ActionContext = { action: action as ActionContext['action'], caseId, postId, expiresAt: exp };
  const expected = digest(secret, context);
  const given = Buffer.from(sig, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (clickedPostId !== postId) return { ok: false, reason: 'wrong-post' };
  if (now > exp) return { ok: false, reason: 'expired', context };
  return { ok: true, context };
}
