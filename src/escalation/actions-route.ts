import express, { type Router } from 'express';
import type { Language } from '../language/languages.js';
import { toLanguage } from '../language/languages.js';
import type { Logger } from '../logger.js';
import type { TFunction } from '../i18n.js';
import { verifyAction } from './action-signing.js';
import type { Claims } from './claims.js';

const ID = /^[a-z0-9]{26}$/;

export interface ActionsRouteOptions {
  claims: Claims;
  /** Undefined while Mattermost is not configured: clicks are refused. */
  actionSecret?: string;
  logger: Logger;
  languages: Language[];
  defaultLanguage: Language;
  t(language: Language): TFunction;
}

/**
 * `POST /mattermost/actions`: Mattermost's server calls it when a nurse clicks Claim or
 * Resolve. Only contexts we signed, for the post they were clicked on and not yet expired,
 * are accepted; the clicker must be staff in Mattermost (claims.ts asks it, by user id) and
 * nothing else in the payload is believed. The answer is shown to that nurse alone.
 * Also `GET /escalation/strings/:lang`, the web chat's "Talk to a nurse" strings.
 */
export function createActionsRouter(options: ActionsRouteOptions): Router {
  const router = express.Router();

  router.post('/mattermost/actions', express.json({ limit: '64kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const verified = options.actionSecret ? verifyAction(options.actionSecret, body.context, body.post_id) : undefined;
      const userId = typeof body.user_id === 'string' && ID.test(body.user_id) ? body.user_id : undefined;
      const context = verified?.ok || verified?.reason === 'expired' ? verified.context : undefined;
      if (!context || !userId) {
        options.logger.warn({ hasContext: !!body.context, reason: verified && !verified.ok ? verified.reason : 'unsigned' }, 'refused a Mattermost action with a bad signature');
        res.status(403).json({ error: { code: 'forbidden', message: 'This button was not signed by CareRelay.' } });
        return;
      }
      const action = { caseId: context.caseId, userId, postId: context.postId };
      let text: string;
      if (!verified?.ok) text = await options.claims.renew(action, context.expiresAt);
      else if (context.action === 'claim') text = await options.claims.claim(action);
      else text = await options.claims.resolve(action);
      res.json({ ephemeral_text: text });
    } catch (err) {
      next(err);
    }
  });

  router.get('/escalation/strings/:lang', (req, res) => {
    const asked = toLanguage(req.params.lang);
    const language = asked && options.languages.includes(asked) ? asked : options.defaultLanguage;
    res.set('Cache-Control', 'public, max-age=300');
    res.json({ language, strings: options.t(language)('escalation:page', { returnObjects: true }) });
  });

  return router;
}
