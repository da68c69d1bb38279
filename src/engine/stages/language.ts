import { detectLanguage } from '../../language/detect.js';
import { toLanguage, type Language } from '../../language/languages.js';
import type { Middleware } from '../pipeline.js';
import type { TurnContext } from '../context.js';

// Words a patient uses to ask for a language, in any of the four.
const SWITCH_WORDS: Record<string, Language> = {
  english: 'en', inglés: 'en', ingles: 'en', 英语: 'en', 英文: 'en', अंग्रेज़ी: 'en', अंग्रेजी: 'en', angrezi: 'en',
  español: 'es', espanol: 'es', spanish: 'es', castellano: 'es', 西班牙语: 'es', स्पेनिश: 'es',
  中文: 'zh', 汉语: 'zh', 普通话: 'zh', 华语: 'zh', chinese: 'zh', mandarin: 'zh', chino: 'zh', चीनी: 'zh',
  हिंदी: 'hi', हिन्दी: 'hi', hindi: 'hi',
};

/** `/lang es`, `español`, `in english please`, `हिंदी में`: the requested language, if the message is a request. */
export function parseLanguageSwitch(text: string): Language | 'unknown' | undefined {
  const trimmed = text.trim().toLowerCase();
  const command = /^\/(?:lang|language|idioma)(?:\s+(\S+))?$/.exec(trimmed);
  if (command) return command[1] ? toLanguage(command[1]) ?? SWITCH_WORDS[command[1]] ?? 'unknown' : 'unknown';
  const words = trimmed.replace(/[.!?¡¿。！？,，]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length > 4) return undefined;
  const asked = words.map((w) => SWITCH_WORDS[w]).filter(Boolean);
  const filler = new Set(['in', 'please', 'en', 'por', 'favor', 'speak', 'hablar', 'hablo', 'habla', 'में', 'me', 'mein', 'baat', 'karo', 'karein', 'बात', 'करें', '请', '说', '用']);
  if (asked.length === 1 && words.every((w) => SWITCH_WORDS[w] || filler.has(w))) return asked[0];
  // Chinese is written without spaces: "请用中文" / "说中文".
  if (words.length === 1 && /^(请)?(用|说)?(中文|汉语|普通话)(回答|说)?(吧)?$/.test(words[0]!)) return 'zh';
  return undefined;
}

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
    await next();
  };
}
