import express, { type Router } from 'express';
import type { TFunction } from '../i18n.js';
import { toLanguage, type Language } from '../language/languages.js';

export interface StringsRouteOptions {
  languages: Language[];
  defaultLanguage: Language;
  /** `script` 'latin': Hindi's strings in Latin letters. */
  t(language: Language, script?: 'latin'): TFunction;
}

/** `GET /escalation/strings/:lang[?script=latin]`: the web chat's "Talk to a nurse" strings. */
export function createStringsRouter(options: StringsRouteOptions): Router {
  const router = express.Router();
  router.get('/escalation/strings/:lang', (req, res) => {
    const asked = toLanguage(req.params.lang);
    const language = asked && options.languages.includes(asked) ? asked : options.defaultLanguage;
    res.set('Cache-Control', 'public, max-age=300');
    const script = language === 'hi' && req.query.script === 'latin' ? 'latin' : undefined;
    res.json({ language, ...(script ? { script } : {}), strings: options.t(language, script)('escalation:page', { returnObjects: true }) });
  });
  return router;
}
