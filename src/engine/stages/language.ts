import { detectLanguage } from '../../language/detect.js';
import { toLanguage, type Language } from '../../language/languages.js';
import { normaliseText } from '../../language/normalise.js';
import { ALL_PACKS } from '../../language/packs/index.js';
import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';

// From the language packs: every language's names for every language ("inglés" → en, "中文" → zh),
// the words around them ("por favor", "में"), slash-command names and whole-message phrases.
const SWITCH_WORDS = new Map<string, Language>(
  ALL_PACKS.flatMap((p) => Object.entries(p.switching.names).flatMap(([code, names]) => names.map((n) => [normaliseText(n), code as Language] as const))),
);
const FILLER = new Set(ALL_PACKS.flatMap((p) => p.switching.filler.map(normaliseText)));
const COMMAND = new RegExp(`^/(?:${ALL_PACKS.flatMap((p) => p.switching.commands).join('|')})(?:\\s+(\\S+))?$`);
const PHRASES = ALL_PACKS.flatMap((p) => p.switching.phrases);

/** `/lang es`, `español`, `in english please`, `हिंदी में`: the requested language, if the message is a request. */
export function parseLanguageSwitch(text: string): Language | 'unknown' | undefined {
  const trimmed = normaliseText(text).trim();
  const command = COMMAND.exec(trimmed);
  if (command) return command[1] ? toLanguage(command[1]) ?? SWITCH_WORDS.get(command[1]) ?? 'unknown' : 'unknown';
  const words = trimmed.replace(/[.!?¡¿。！？,，]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length > 4) return undefined;
  const asked = words.map((w) => SWITCH_WORDS.get(w)).filter(Boolean);
  if (asked.length === 1 && words.every((w) => SWITCH_WORDS.has(w) || FILLER.has(w))) return asked[0];
  if (words.length === 1) return PHRASES.find((p) => p.pattern.test(words[0]!))?.language;
  return undefined;
}

const DEVANAGARI = /\p{Script=Devanagari}/u;
const LATIN_WORD = /\p{Script=Latin}{2,}/gu;

/**
 * Which script a Hindi message is written in: Devanagari, Latin letters ("clinic kab khulta hai"),
 * or undecided (a lone "ok" or "haan" keeps the conversation's script).
 */
export function hindiScript(language: Language, text: string): 'devanagari' | 'latin' | undefined {
  if (language !== 'hi') return undefined;
  if (DEVANAGARI.test(text)) return 'devanagari';
  return (text.match(LATIN_WORD)?.length ?? 0) >= 2 ? 'latin' : undefined;
}

/** The turn is Hindi written in Latin letters (decided below, kept in the conversation's state). */
export const writesLatinHindi = (ctx: TurnContext): boolean => ctx.language === 'hi' && ctx.state.romanised === true;

/**
 * Decides the turn's language: an explicit request wins and is answered here; otherwise a
 * confident detection, then the conversation's language, then the channel's hint.
 */
export function languageStage(): Middleware<TurnContext> {
  return async (ctx, next) => {
    const { config } = ctx.services;
    const allowed = (l: Language | undefined): l is Language => l !== undefined && config.languages.includes(l);
    const requested = parseLanguageSwitch(ctx.message.text);
    if (requested !== undefined) {
      if (requested !== 'unknown' && allowed(requested)) {
        ctx.language = requested;
        ctx.state.language = requested;
        ctx.state.languageChosen = true;
        ctx.reply(ctx.t('language.switched'));
      } else {
        ctx.reply(ctx.t('language.unknown', { languages: config.languages.join(', ') }));
      }
      ctx.result.handledBy = 'language';
      return;
    }

    const detected = ctx.message.kind === 'postback' ? undefined : detectLanguage(ctx.message.text);
    const hint = toLanguage(ctx.message.locale);
    const current = ctx.state.language;
    // A chosen language yields only to strong evidence (a different script or a long sentence).
    const threshold = ctx.state.languageChosen ? 0.85 : current ? 0.5 : 0.3;
    let language: Language | undefined;
    if (detected && allowed(detected.language) && detected.confidence >= threshold) language = detected.language;
    else if (allowed(current)) language = current;
    else if (allowed(hint)) language = hint;
    else if (detected && allowed(detected.language)) language = detected.language;
    ctx.language = language ?? config.defaultLanguage;
    if (ctx.state.language !== ctx.language) {
      ctx.state.language = ctx.language;
      if (ctx.state.languageChosen && current !== ctx.language) ctx.state.languageChosen = false;
    }
    if (ctx.message.kind !== 'postback') {
      const script = hindiScript(ctx.language, ctx.message.text);
      if (script === 'latin') ctx.state.romanised = true;
      else if (script === 'devanagari' || ctx.language !== 'hi') delete ctx.state.romanised;
    }
    await next();
  };
}
