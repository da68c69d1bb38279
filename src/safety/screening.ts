import type { ScreenId } from './types.js';
import { normalise, tokenise } from './text.js';

/**
 * Reading the answer to a screening question. Anything that is not a clear answer is
 * `unclear`, and the gate hands the conversation to a nurse: when unsure, a person decides.
 */
/** `unitless`: an age screen answered with a bare number ("he's 4"): weeks, months or years? */
export type ScreenAnswer = 'yes' | 'no' | 'unclear' | 'unitless';

// "maybe" and "I think so" count as yes: a possible red flag is treated as one.
const YES = new Set([
  'yes', 'yeah', 'yep', 'yup', 'ya', 'yea', 'y', 'sure', 'correct', 'maybe', 'possibly', 'probably', 'affirmative', 'think so',
  'si', 'claro', 'correcto', 'asi es', 'creo que si', 'tal vez', 'quizas', 'puede ser', 'a lo mejor',
  '是', '是的', '对', '对的', '有', '嗯', '可能', '好像是', '好像有', '有的', '好', '好的', '要', '需要', '可以',
  'haan', 'han', 'ha', 'haa', 'haanji', 'ji haan', 'ji han', 'shayad', 'हां', 'हाँ', 'जी', 'जी हां', 'शायद',
]);
const NO = new Set([
  'no', 'nope', 'nah', 'n', 'not really', 'none', 'neither', 'nothing', 'no no',
  'nada', 'ninguno', 'ninguna', 'para nada',
  '不', '不是', '没有', '没', '否', '都没有', '没有的',
  'nahi', 'nahin', 'nai', 'nhi', 'na', 'नहीं', 'नही', 'ना', 'bilkul nahi', 'बिलकुल नहीं',
]);

/**
 * The yes and no words of an answer, found as runs of up to three tokens (Chinese: characters).
 * A word inside a longer one of the other kind does not count: the "有" of "没有" is no "yes".
 */
function answerWords(tokens: string[]): { yes: boolean; no: boolean } {
  const found: { yes: boolean; start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 1; n <= 3 && i + n <= tokens.length; n++) {
      const slice = tokens.slice(i, i + n);
      for (const p of [slice.join(' '), slice.join('')]) {
        if (YES.has(p)) found.push({ yes: true, start: i, end: i + n - 1 });
        if (NO.has(p)) found.push({ yes: false, start: i, end: i + n - 1 });
      }
    }
  }
  const standing = found.filter((w) => !found.some((o) => o.yes !== w.yes && o.start <= w.start && w.end <= o.end && o.end - o.start > w.end - w.start));
  return { yes: standing.some((w) => w.yes), no: standing.some((w) => !w.yes) };
}

export function yesNo(text: string): ScreenAnswer {
  const tokens = tokenise(normalise(text)).map((t) => t.text);
  if (tokens.length === 0) return 'unclear';
  const { yes, no } = answerWords(tokens);
  if (yes && !no) return 'yes';
  // A bare "no" is an answer; "no, but she threw up twice" is a story a nurse should read.
  if (no && !yes && tokens.length <= 5) return 'no';
  return 'unclear';
}

const UNIT_MONTHS: [RegExp, number][] = [
  [/^(day|days|dia|dias|din|दिन|天|日)$/u, 1 / 30],
  [/^(week|weeks|wk|wks|semana|semanas|hafte|hafta|हफ्ते|हफ्ता|सप्ताह|周|星期|礼拜)$/u, 1 / 4.3],
  [/^(month|months|mo|mos|mes|meses|mahine|mahina|महीने|महीना|月|个月)$/u, 1],
  [/^(year|years|yr|yrs|ano|anos|saal|sal|साल|वर्ष|岁|年)$/u, 12],
];
// A baby born days or weeks ago is under 3 months whatever the exact count ("she was born last week").
const NEWBORN =
  /newborn|new born|recien nacid|नवजात|navjaat|新生儿|刚出生|刚生|上(个)?(星期|周|礼拜)(出生|生的)|前几天(出生|生的)|\bborn (yesterday|today|last night|this week|last week|this month|(\d+|a|one|two|three|few|a few|couple of|a couple of) (days?|weeks?) ago)\b|\bnacio (ayer|hoy|anoche|esta semana|la semana pasada|este mes|hace (\d+|un|una|dos|tres|unos|unas|pocos|pocas) (dias?|semanas?))\b|\b(paida|janam) (hua|hui|huya) (kal|aaj|pichle hafte|is hafte|\d+ din pehle)\b|\b(kal|aaj|pichle hafte|is hafte|\d+ din pehle) (hi )?(paida|janam)\b|(कल|आज|पिछले हफ्ते|इस हफ्ते) (पैदा|जन्म)/u;

/** The age in months that an answer gives ("6 weeks", "tiene 2 meses", "三个月", "2 mahine"), if it gives one. */
export function ageInMonths(text: string): number | undefined {
  const norm = normalise(text);
  if (NEWBORN.test(norm)) return 0;
  const tokens = tokenise(norm);
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i]!.num;
    if (n === undefined) continue;
    // The unit follows the number, maybe after "个" or "old" ("2 个 月", "3 weeks old"); Chinese is
    // tokenised by character, so a two-character unit ("6个星期") is also read as one.
    const [a = '', b = '', c = ''] = tokens.slice(i + 1, i + 4).map((t) => t.text);
    for (const word of [a, b, a + b, b + c]) {
      const unit = word ? UNIT_MONTHS.find(([re]) => re.test(word)) : undefined;
      if (unit) return n * unit[1];
    }
  }
  return undefined;
}

/** The one number an answer to "how old?" gives without a unit ("he's 4", "2"), if that is all it gives. */
export function unitlessAge(text: string): number | undefined {
  if (ageInMonths(text) !== undefined) return undefined;
  const numbers = tokenise(normalise(text)).flatMap((t) => (t.num === undefined ? [] : [t.num]));
  const [n] = numbers;
  return numbers.length === 1 && n !== undefined && Number.isInteger(n) && n >= 0 && n <= 18 ? n : undefined;
}

/**
 * The signs (rule concepts) that answer a screening question "yes" when the patient names one
 * instead of saying yes: "he threw up twice" to the head-injury question, "she took 15 of them"
 * to the ingestion question. Read only where yes or no did not decide; a negated sign ("no
 * vomiting") is not a sign.
 */
export const SCREEN_YES_SIGNS: Partial<Record<ScreenId, ReadonlySet<string>>> = {
  head: new Set(['VOMIT', 'CONFUSED', 'DROWSY', 'NOT_WAKING', 'UNRESPONSIVE', 'FAINTED', 'SEIZURE', 'SEIZURE_NOW', 'FIT', 'BLOOD_THINNER', 'CLEAR_FLUID', 'SPEECH', 'VISION_LOSS', 'BALANCE_LOSS']),
  ingestion: new Set(['CHILD', 'BABY', 'LARGE_AMOUNT', 'PILL_COUNT', 'TAKEN_COUNT', 'DROWSY', 'CONFUSED', 'NOT_WAKING', 'UNRESPONSIVE', 'BREATH_TROUBLE', 'SLOW_BREATHING', 'SUICIDAL']),
  signs: new Set(['BREATH_TROUBLE', 'NOT_BREATHING', 'CHEST_PAIN', 'FAINTED', 'UNRESPONSIVE', 'NOT_WAKING', 'SEIZURE', 'SEIZURE_NOW', 'CONFUSED', 'ARM_WEAK', 'ONE_SIDE_WEAK', 'FACE_DROOP', 'SPEECH', 'VISION_LOSS', 'HEAVY_BLEED', 'SUICIDAL', 'PASSIVE_IDEATION', 'SELF_HARM_NOW', 'HARM_OTHERS', 'CYANOSIS']),
  mood: new Set(['SUICIDAL', 'PASSIVE_IDEATION', 'SELF_HARM', 'SELF_HARM_NOW', 'SUICIDE_MEANS', 'PLAN_COMMIT']),
};

/** Reads the answer to a screening question: "yes" raises the flag the question was about. */
export function readScreenAnswer(screen: ScreenId, text: string): ScreenAnswer {
  if (screen === 'age') {
    const months = ageInMonths(text);
    if (months === undefined) return unitlessAge(text) === undefined ? 'unclear' : 'unitless';
    return months < 3 ? 'yes' : 'no';
  }
  return yesNo(text);
}
