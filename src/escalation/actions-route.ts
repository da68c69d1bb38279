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
 * Resolve. Only contexts we signed are accepted; the answer is shown to that nurse alone.
 * Also `GET /escalation/strings/:lang`, the web chat's "Talk to a nurse" strings.
 */
export function createActionsRouter(options: ActionsRouteOptions): Router {
  const router = express.Router();

  router.post('/mattermost/actions', express.json({ limit: '64kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const context = options.actionSecret ? verifyAction(options.actionSecret, body.context) : undefined;
      const userId = typeof body.user_id === 'string' && ID.test(body.user_id) ? body.user_id : undefined;
      if (!context || !userId) {
        options.logger.warn({ hasContext: !!body.context }, 'refused a Mattermost action with a bad signature');
        res.status(403).json({ error: { code: 'forbidden', message: 'This button was not signed by CareRelay.' } });
        return;
      }
      const action = {
        caseId: context.caseId,
        userId,
        userName: typeof body.user_name === 'string' ? body.user_name.slice(0, 64) : 'a nurse',
        channelId: typeof body.channel_id === 'string' ? body.channel_id : '',
      };
      const text = context.action === 'claim' ? await options.claims.claim(action) : await options.claims.resolve(action);
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
