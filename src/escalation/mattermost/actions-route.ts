import express, { type Router } from 'express';
import type { Logger } from '../../logger.js';
import type { StaffAction } from '../desk.js';
import { verifyAction } from './action-signing.js';

const ID = /^[a-z0-9]{26}$/;

export interface ActionsRouteOptions {
  /** Undefined while Mattermost is not configured: clicks are refused. */
  actionSecret?: string;
  logger: Logger;
  /** Carries out a verified click (claims.ts); the answer is the clicker's ephemeral text. */
  act?(action: StaffAction): Promise<string>;
}

/**
 * `POST /mattermost/actions`: Mattermost's server calls it when a nurse clicks Claim or
 * Resolve. Only contexts we signed, for the post they were clicked on and not yet expired,
 * are accepted; the clicker must be staff in Mattermost (claims.ts asks the desk, by user id)
 * and nothing else in the payload is believed. The answer is shown to that nurse alone.
 */
export function createActionsRouter(options: ActionsRouteOptions): Router {
  const router = express.Router();

  router.post('/mattermost/actions', express.json({ limit: '64kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const verified = options.actionSecret ? verifyAction(options.actionSecret, body.context, body.post_id) : undefined;
      const userId = typeof body.user_id === 'string' && ID.test(body.user_id) ? body.user_id : undefined;
      const context = verified?.ok || verified?.reason === 'expired' ? verified.context : undefined;
      if (!context || !userId || !options.act) {
        options.logger.warn({ hasContext: !!body.context, reason: verified && !verified.ok ? verified.reason : 'unsigned' }, 'refused a Mattermost action with a bad signature');
        res.status(403).json({ error: { code: 'forbidden', message: 'This button was not signed by CareRelay.' } });
        return;
      }
      const action: StaffAction = { kind: context.action, caseId: context.caseId, userId, postId: context.postId };
      if (!verified?.ok) action.expiredAt = context.expiresAt;
      res.json({ ephemeral_text: await options.act(action) });
    } catch (err) {
      next(err);
    }
  });

  return router;
}
