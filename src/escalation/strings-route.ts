import express, { type Router } from 'express';
import type { TFunction } from '../i18n.js';
import { toLanguage, type Language } from '../language/languages.js';

export interface StringsRouteOptions {
  languages: Language[];
  defaultLanguage: Language;
  t(language: Language): TFunction;
}

/** `GET /escalation/strings/:lang`: the web chat's "Talk to a nurse" strings. */
export function createStringsRouter(options: StringsRouteOptions): Router {
  const router = express.Router();
  router.get('/escalation/strings/:lang', (req, res) => {
    const asked = toLanguage(req.params.lang);
    const language = asked && options.languages.includes(asked) ? asked : options.defaultLanguage;
    res.set('Cache-Control', 'public, max-age=300');
    res.json({ language, strings: options.t(language)('escalation:page', { returnObjects: true }) });
  });
  return router;
}
