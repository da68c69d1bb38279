/**
 * The shared renderer: one engine Reply → what a channel sends or says.
 *
 *   renderReply(reply, profiles.sms, { t })  →  { text, chunks, options, actions, sources, truncated }
 *
 * - `chunks` are the messages to send in order (or the one spoken turn on voice), each within
 *   the profile's limit, cut on sentence boundaries; the numbered options and citations stay
 *   whole at the end of the last chunk.
 * - Buttons become numbered options on `numbered` profiles (SMS, voice). Remember
 *   `options` per contact (`createOptionMemory(state).remember(...)`) and map a bare-number reply
 *   back to the option's value with `.resolve(...)` before accepting the inbound message.
 * - `actions` / `sources` come back untouched for channels that draw buttons / source cards.
 * - `t` is i18next bound to the reply's language (`services.t(reply.language)`); strings live in
 *   the `channels` namespace (render.*). Without `t`, options read "1) title" and citations are left out.
 *
 * Helpers for other channels: `splitText` (sentence-aware chunking with any `fits` rule),
 * `measureSms` / `splitIntoSegments` (GSM-7 / UCS-2 segments), `toSpeech`, `stripMarkdown`.
 */
import type { TFunction } from '../i18n.js';
import type { Reply, SourceRef, SuggestedAction } from '../message.js';
import { numberActions, type NumberedOption } from './options.js';
import { collapseBlankLines, normaliseBullets, stripMarkdown } from './plain-text.js';
import type { ChannelProfile } from './profiles.js';
import { measureSms, toGsm7 } from './sms-segments.js';
import { toSpeech } from './speech.js';
import { sentences, splitText } from './split-text.js';

export { profiles, smsProfile, type ChannelProfile, type ProfileName } from './profiles.js';
export { splitText, sentences, type SplitOptions } from './split-text.js';
export { measureSms, smsEncoding, splitIntoSegments, toGsm7, SMS_LIMITS, type SmsEncoding, type SmsMeasure } from './sms-segments.js';
export { toSpeech, sayNumbers, spellPhoneNumber, type SpeechOptions } from './speech.js';
export { stripMarkdown, removeLinks, normaliseBullets } from './plain-text.js';
export { createOptionMemory, numberActions, parseChoice, resolveChoice, type NumberedOption, type OptionMemory } from './options.js';

export interface RenderOptions {
  /** i18next for the reply's language. */
  t?: TFunction;
  /** Voice: numbers to read digit by digit (the emergency number, the crisis line). */
  spell?: string[];
}

export interface RenderedReply {
  /** The whole rendered text, before chunking. */
  text: string;
  /** What to send, in order; at most `profile.maxChunks`. */
  chunks: string[];
  /** Part of the body was dropped to respect `maxChunks` (voice keeps the first sentences). */
  truncated: boolean;
  /** Options written or said as numbers; remember them to map "2" back to a value. */
  options: NumberedOption[];
  /** Actions left for native buttons (empty on numbered profiles). */
  actions: SuggestedAction[];
  /** Sources left as data (structured profiles only). */
  sources: SourceRef[];
}

/** The length rule of a profile: characters as the provider counts them, and SMS segments. */
export function fitsProfile(profile: ChannelProfile): (text: string) => boolean {
  return (text) => {
    const length = profile.countBy === 'codepoints' ? countCodePoints(text) : text.length;
    if (length > profile.maxChars) return false;
    return profile.maxSegments === undefined || measureSms(text).segments <= profile.maxSegments;
  };
}

function countCodePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function body(reply: Reply, profile: ChannelProfile, options: RenderOptions): string {
  if (profile.markup === 'markdown') return reply.text.trim();
  if (profile.markup === 'plain') return collapseBlankLines(normaliseBullets(stripMarkdown(reply.text, 'keep')));
  return toSpeech(reply.text, {
    locale: reply.language,
    linkPhrase: options.t?.('channels:render.website'),
    andMore: options.t?.('channels:render.andMore'),
    spell: options.spell,
  });
}

function citation(reply: Reply, profile: ChannelProfile, t: TFunction | undefined): string {
  const sources = (reply.sources ?? []).slice(0, 2);
  if (!sources.length || !t || profile.citations === 'structured' || profile.citations === 'none') return '';
  const list = new Intl.ListFormat(reply.language, { type: 'conjunction' });
  if (profile.markup === 'speech') return t('channels:render.voiceSources', { titles: list.format(sources.map((s) => s.title)) });
  const named = sources.map((s) => (profile.citations === 'links' && s.url ? `${s.title} (${s.url})` : s.title));
  return t('channels:render.sources', { titles: list.format(named) });
}

function optionLines(options: NumberedOption[], profile: ChannelProfile, t: TFunction | undefined): string {
  if (!options.length) return '';
  const key = profile.markup === 'speech' ? 'channels:render.voiceOption' : 'channels:render.smsOption';
  const lines = options.map((o) => (t ? t(key, { n: o.n, title: o.title }) : `${o.n}) ${o.title}`));
  return lines.join(profile.markup === 'speech' ? ' ' : '\n');
}

/** What a profile's texts go through before they are measured and sent (GSM-7 lookalikes on SMS). */
const encoderFor = (profile: ChannelProfile): ((text: string) => string) => (profile.gsmLookalikes ? toGsm7 : (text) => text);

export function renderReply(reply: Reply, profile: ChannelProfile, options: RenderOptions = {}): RenderedReply {
  if (reply.brief !== undefined && profile.brief) return renderBrief(reply, profile, profile.brief, options);
  const { t } = options;
  const numbered = profile.actions === 'numbered' ? numberActions(reply.actions) : [];
  const encode = encoderFor(profile);
  const head = encode(body(reply, profile, options));
  const tail = encode([citation(reply, profile, t), optionLines(numbered, profile, t)].filter(Boolean).join(profile.markup === 'speech' ? ' ' : '\n\n'));
  const sep = profile.markup === 'speech' ? ' ' : '\n\n';
  const fits = fitsProfile(profile);
  const split = (text: string, rule = fits) => splitText(text, { fits: rule, locale: reply.language });

  const bodyChunks = split(head);
  let chunks = bodyChunks.slice(0, profile.maxChunks);
  let truncated = bodyChunks.length > chunks.length;
  if (tail) {
    const last = chunks.at(-1);
    if (last !== undefined && fits(last + sep + tail)) chunks[chunks.length - 1] = last + sep + tail;
    else if (chunks.length < profile.maxChunks) chunks.push(...split(tail));
    else {
      // No room left: shorten the last body chunk so the options and sources still fit after it.
      const shortened = last === undefined ? [] : split(last, (s) => fits(s + sep + tail));
      const keep = shortened[0];
      chunks = [...chunks.slice(0, -1), ...(keep ? [keep + sep + tail] : split(tail))];
      truncated = truncated || shortened.length > 1 || !keep;
    }
  }
  return {
    text: [head, tail].filter(Boolean).join(sep),
    chunks,
    truncated,
    options: numbered,
    actions: profile.actions === 'native' ? [...(reply.actions ?? [])] : [],
    sources: profile.citations === 'structured' ? [...(reply.sources ?? [])] : [],
  };
}

/**
 * The answer alone, in whole sentences that fit one chunk (and the segment budget): the first
 * sentences state the fact, so what is left out is detail the web's longer answer has. Only a
 * first sentence too long on its own is cut, at a clause or word boundary.
 */
function renderBrief(reply: Reply, profile: ChannelProfile, brief: NonNullable<ChannelProfile['brief']>, options: RenderOptions): RenderedReply {
  const fitsChunk = fitsProfile(profile);
  const fits = (text: string) => {
    if (!fitsChunk(text)) return false;
    if (brief.maxSegments === undefined) return true;
    const { encoding, segments } = measureSms(text);
    return segments <= (encoding === 'UCS-2' ? (brief.maxSegmentsUcs2 ?? brief.maxSegments) : brief.maxSegments);
  };
  const head = encoderFor(profile)(body({ ...reply, text: reply.brief! }, profile, options));
  let kept = '';
  let truncated = false;
  for (const sentence of sentences(head, reply.language)) {
    const next = (kept + sentence).trim();
    if (!fits(next)) {
      truncated = true;
      break;
    }
    kept += sentence;
  }
  kept = kept.trim();
  if (!kept) kept = splitText(head, { fits, locale: reply.language })[0] ?? '';
  // The answer alone: "tell me more" is the web's (a caller is asked "anything else?" instead).
  return { text: kept, chunks: [kept], truncated, options: [], actions: [], sources: [] };
}
