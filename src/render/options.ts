import { normaliseText } from '../language/normalise.js';
import { ALL_PACKS } from '../language/packs/index.js';
import type { SuggestedAction } from '../message.js';
import type { StateStore } from '../state/state-store.js';

/**
 * Buttons on channels without buttons: the offered actions are numbered ("Reply 1 for …"),
 * remembered per contact in the state store, and a later bare number ("2", "two", "dos",
 * "二", "दो", "२") from that contact is turned back into the action's value.
 */
export interface NumberedOption {
  n: number;
  title: string;
  value: string;
}

export function numberActions(actions: readonly SuggestedAction[] | undefined, max = 9): NumberedOption[] {
  return (actions ?? []).slice(0, max).map((a, i) => ({ n: i + 1, title: a.title, value: a.value }));
}

// From the language packs: number words for 1-9, words said before the number ("option",
// "número", "第") and characters after it ("个", "号"), in every language.
const NUMBER_WORDS = new Map(ALL_PACKS.flatMap((p) => Object.entries(p.numbers.words).map(([w, n]) => [normaliseText(w), n] as const)));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = ALL_PACKS.flatMap((p) => p.numbers.before.map(normaliseText)).sort((a, b) => b.length - a.length);
const FILLER = new RegExp(`^(?:${BEFORE.map(escape).join('|')})\\s*`, 'u');
const AFTER = new RegExp(`[${escape(ALL_PACKS.map((p) => p.numbers.after).join(''))}]$`, 'u');

/** The choice a short reply names, if it is only a number (ASCII, full-width or Devanagari digits, or a number word). */
export function parseChoice(text: string): number | undefined {
  let t = normaliseText(text).trim().replace(/[\s.!?,;:。！？，；।)]+$/u, '');
  t = t.replace(FILLER, '').replace(AFTER, '').trim();
  if (/^[0-9]$/.test(t)) return Number(t);
  // Devanagari digits ० … ९ (U+0966 … U+096F); full-width digits became ASCII through NFKC.
  if (/^[\u0966-\u096f]$/u.test(t)) return t.codePointAt(0)! - 0x0966;
  return NUMBER_WORDS.get(t);
}

export function resolveChoice(text: string, options: readonly NumberedOption[]): NumberedOption | undefined {
  const n = parseChoice(text);
  return n === undefined ? undefined : options.find((o) => o.n === n);
}

const DAY_MS = 24 * 3600_000;
const key = (channel: string, address: string) => `render:options:${channel}:${address}`;

/** The last numbered options each contact was offered, so a bare number in reply picks one of them. */
export interface OptionMemory {
  /** Keeps the options just offered; an outbound message without options clears the old ones. */
  remember(channel: string, address: string, options: readonly NumberedOption[]): Promise<void>;
  /** The options the contact was last offered (none once used, cleared or expired). */
  recall(channel: string, address: string): Promise<NumberedOption[]>;
  /** Drops the contact's options (nothing they say next is read as a choice). */
  forget(channel: string, address: string): Promise<void>;
  /** The option a bare-number reply picks (consumed once used), or undefined for any other text. */
  resolve(channel: string, address: string, text: string): Promise<NumberedOption | undefined>;
}

/** Option memory shared by all instances through the state store. */
export function createOptionMemory(state: Pick<StateStore, 'get' | 'set' | 'del'>, ttlMs = DAY_MS): OptionMemory {
  return {
    /** Keeps the options just offered; an outbound message without options clears the old ones. */
    async remember(channel: string, address: string, options: readonly NumberedOption[]): Promise<void> {
      if (options.length) await state.set(key(channel, address), options, ttlMs);
      else await state.del(key(channel, address));
    },
    async recall(channel: string, address: string): Promise<NumberedOption[]> {
      return (await state.get<NumberedOption[]>(key(channel, address))) ?? [];
    },
    async forget(channel: string, address: string): Promise<void> {
      await state.del(key(channel, address));
    },
    /** The option a bare-number reply picks (consumed once used), or undefined for any other text. */
    async resolve(channel: string, address: string, text: string): Promise<NumberedOption | undefined> {
      if (parseChoice(text) === undefined) return undefined;
      const chosen = resolveChoice(text, await this.recall(channel, address));
      if (chosen) await state.del(key(channel, address));
      return chosen;
    },
  };
}
