/**
 * What a phone channel does after a turn, independent of the phone system: the words to say
 * (rendered for the ear), their language, and whether the call continues, goes to a nurse or
 * ends. Twilio Voice turns the plan into TwiML; the generic transcript route into JSON.
 */
import type { TurnVerdict } from '../../src/channel/contract.js';
import type { TFunction } from '../../src/i18n.js';
import type { Language } from '../../src/language/languages.js';
import type { Reply } from '../../src/message.js';
import { profiles, renderReply, sayNumbers, type NumberedOption } from '../../src/render/index.js';

export type VoiceAction = 'continue' | 'transfer' | 'hangup';

export interface VoicePlan {
  speech: string;
  language: Language;
  action: VoiceAction;
  transferTo?: string;
  emergency: boolean;
  /** Numbered options said in this turn (remember them so "two" or key 2 picks one). */
  options: NumberedOption[];
}

export interface VoicePlanContext {
  t(language: Language): TFunction;
  fallbackLanguage: Language;
  /** NURSE_LINE_NUMBER: where a call goes in an emergency or when the caller asks for a person. */
  nurseLine?: string;
  /** Read digit by digit. */
  spell: string[];
  /** Add "anything else?" after an answer that leaves the call open (not for nurse messages mid-call). */
  askAnythingElse?: boolean;
}

export const isEmergency = (result: Pick<TurnVerdict, 'urgency' | 'reason'> | undefined): boolean =>
  result?.urgency === 'emergency' || result?.reason === 'emergency';

/** A reply as it should sound: a nurse's message is introduced first. */
function spoken(reply: Reply, t: TFunction, spell: string[]): { text: string; options: NumberedOption[] } {
  const rendered = renderReply(reply, profiles.voice, { t, spell });
  const speech = rendered.chunks.join(' ');
  if (reply.role !== 'nurse') return { text: speech, options: rendered.options };
  const intro = reply.senderName ? t('channels:voice.nurseMessage', { name: reply.senderName }) : t('channels:voice.nurseMessageUnnamed');
  return { text: `${intro} ${speech}`, options: rendered.options };
}

export function planVoiceTurn(replies: Reply[], result: TurnVerdict | undefined, ctx: VoicePlanContext): VoicePlan {
  const language = replies.at(-1)?.language ?? ctx.fallbackLanguage;
  const t = ctx.t(language);
  const parts: string[] = [];
  let options: NumberedOption[] = [];
  for (const reply of replies) {
    const s = spoken(reply, ctx.t(reply.language), ctx.spell);
    if (s.text) parts.push(s.text);
    if (s.options.length) options = s.options;
  }
  const emergency = isEmergency(result);
  const asked = replies.find((r) => r.voice?.action === 'transfer');
  const wantsNurse = emergency || Boolean(asked) || (result?.escalate === true && result.reason === 'human_request');
  const transferTo = asked?.voice?.transferTo ?? ctx.nurseLine;

  let action: VoiceAction = 'continue';
  if (wantsNurse && transferTo) {
    action = 'transfer';
    parts.push(t('channels:voice.transferring'));
  } else if (emergency) {
    // No one to transfer to: the caller must hang up and dial the emergency number themselves.
    action = 'hangup';
    parts.push(t('channels:voice.emergencyHangUp'));
  } else if (wantsNurse) {
    parts.push(t('channels:voice.noNurseLine'));
  } else if (replies.some((r) => r.voice?.action === 'hangup')) {
    action = 'hangup';
  } else if (ctx.askAnythingElse !== false && !options.length && parts.length) {
    parts.push(t('channels:voice.anythingElse'));
  }
  // The channel's own sentences carry {{emergencyNumber}} too: read it digit by digit like the replies.
  return { speech: sayNumbers(parts.join(' '), ctx.spell), language, action, ...(action === 'transfer' ? { transferTo } : {}), emergency, options };
}

// A caller ending the call in their own words ("No, thanks. Bye!", "Adiós", "再见", "बस इतना ही, धन्यवाद"):
// at least one farewell, and nothing else but thanks and small words.
const FAREWELLS = [
  'good ?bye', 'bye(?: bye)?', "that'?s all", 'nothing else', 'no thanks?(?: you)?',
  'adi[oó]s', 'hasta luego', 'eso es todo', 'nada m[aá]s', 'no gracias',
  '再见', '拜拜', '没有了', '不用了',
  'अलविदा', 'बस इतना ही', 'नहीं धन्यवाद', 'alvida', 'bas itna hi',
];
const SMALL_WORDS = ['no', 'ok', 'okay', 'vale', 'bueno', 'thank you', 'thanks?', 'very much', 'gracias', 'muchas', '谢谢', '好的', '好', 'धन्यवाद', 'शुक्रिया', 'ठीक है', 'नहीं', 'जी', 'ji'];
const FAREWELL = new RegExp(`(?<![\\p{L}\\p{M}])(?:${FAREWELLS.join('|')})(?![\\p{L}\\p{M}])`, 'giu');
const SMALL = new RegExp(`(?<![\\p{L}\\p{M}])(?:${SMALL_WORDS.join('|')})(?![\\p{L}\\p{M}])`, 'giu');

export function isGoodbye(speech: string): boolean {
  const text = speech.toLowerCase().replace(/[^\p{L}\p{M}'\s]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!text || text.length > 60 || !new RegExp(FAREWELL.source, 'iu').test(text)) return false;
  return text.replace(FAREWELL, ' ').replace(SMALL, ' ').trim() === '';
}
