/**
 * A message with nothing to understand: keyboard mashing ("asdfgh jkl"), random letters, or only
 * emoji and punctuation. It gets a request to rephrase, never a nurse case. Real words in any of
 * our scripts (Han, Devanagari) are never gibberish here; retrieval decides about those.
 */
const LETTER = /\p{L}/u;
const NON_LATIN_WORD = /[\p{Script=Han}\p{Script=Devanagari}]/u;
const LATIN_WORD = /[a-zà-ÿ]+/giu;
const VOWEL = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/iu;
const CONSONANT_RUN = /[^aeiouyàáâäèéêëìíîïòóôöùúûü\d\s]{5,}/iu;
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function mashed(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length <= 2) return false;
  if ((w.length >= 5 && !VOWEL.test(w)) || CONSONANT_RUN.test(w)) return true;
  // Four or more letters in keyboard-row order ("asdf", "hjkl"), or one letter over and over.
  for (const row of KEYBOARD_ROWS) for (let i = 0; i + 4 <= w.length; i++) if (row.includes(w.slice(i, i + 4))) return true;
  return /^(.)\1{3,}$/.test(w);
}

/**
 * A keyboard row typed across words ("qwe rty"): five letters in row order once the words are
 * joined. Not consonant runs nor four letters there: real words meet in "clicks when" and "lower tummy".
 */
function rowAcrossWords(letters: string): boolean {
  for (const row of KEYBOARD_ROWS) for (let i = 0; i + 5 <= letters.length; i++) if (row.includes(letters.slice(i, i + 5))) return true;
  return false;
}

export function isGibberish(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return true;
  if (!LETTER.test(trimmed)) return true;
  // One character over and over ("哈哈哈哈哈哈", "जजजजज") says nothing either.
  if (/^(\p{L})\1{4,}[\s!?.。！？]*$/u.test(trimmed)) return true;
  if (NON_LATIN_WORD.test(trimmed)) return false;
  const words = trimmed.match(LATIN_WORD) ?? [];
  const long = words.filter((w) => w.length > 2);
  // Letters typed with no vowels to speak of ("kjh lkj lkj", "mnbv cxz"), or a keyboard row across words ("qwe rty").
  const letters = words.join('').toLowerCase();
  if (letters.length >= 6 && (letters.match(new RegExp(VOWEL.source, 'giu')) ?? []).length / letters.length < 0.12) return true;
  if (letters.length >= 6 && rowAcrossWords(letters)) return true;
  // Short words alone ("bp?", "ok") are for retrieval to judge.
  if (long.length === 0) return false;
  return long.filter(mashed).length / long.length >= 0.6;
}
