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

// Number words a caller may say or a patient may type for 1-9, in the four languages.
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  एक: 1, दो: 2, तीन: 3, चार: 4, पांच: 5, पाँच: 5, छह: 6, छः: 6, सात: 7, आठ: 8, नौ: 9,
  ek: 1, do: 2, teen: 3, char: 4, paanch: 5, chhah: 6, saat: 7, aath: 8, nau: 9,
};
const FILLER = /^(?:option|opción|opcion|número|numero|number|no\.?|选项|第|विकल्प|नंबर)\s*/iu;

/** The choice a short reply names, if it is only a number (ASCII, full-width or Devanagari digits, or a number word). */
export function parseChoice(text: string): number | undefined {
  let t = text.normalize('NFKC').trim().toLowerCase().replace(/[\s.!?,;:。！？，；।)]+$/u, '');
  t = t.replace(FILLER, '').replace(/[个号项]$/u, '').trim();
  if (/^[0-9]$/.test(t)) return Number(t);
  // Devanagari digits ० … ९ (U+0966 … U+096F); full-width digits became ASCII through NFKC.
  if (/^[\u0966-\u096f]$/u.test(t)) return t.codePointAt(0)! - 0x0966;
  return NUMBER_WORDS[t];
}

export function resolveChoice(text: string, options: readonly NumberedOption[]): NumberedOption | undefined {
  const n = parseChoice(text);
  return n === undefined ? undefined : options.find((o) => o.n === n);
}

const DAY_MS = 24 * 3600_000;
const key = (channel: string, address: string) => `render:options:${channel}:${address}`;

/** The last numbered options each contact was offered, shared by all instances through the state store. */
export function createOptionMemory(state: StateStore, ttlMs = DAY_MS) {
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

export type OptionMemory = ReturnType<typeof createOptionMemory>;
