/**
 * Typo-tolerant word lookup: is a typed word within one edit (insert, delete, substitute, or swap
 * of neighbours: optimal-string-alignment Damerau-Levenshtein ≤ 1) of a lexicon word?
 *
 * Why not a library: the npm ones (`damerau-levenshtein`, `fastest-levenshtein`, ...) compute a
 * full distance for one pair, so checking a word against a lexicon means hundreds of calls per
 * token on every turn. Here a deletion index (the SymSpell idea) finds the few candidates in
 * O(word length) lookups and a linear bounded check confirms them.
 */

/** True when `a` and `b` differ by at most one insert, delete, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // Substitution at i, or a swap of i and i+1.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One extra character in the longer word at position i.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Words shorter than this match exactly ("lips"/"hips", "pill"/"bill" are too close to guess), except for a swap of two letters ("cnat"). */
export const MIN_FUZZY_LENGTH = 5;

export interface FuzzyIndex {
  /** Lexicon words within one edit of `word` (exact match included), sharing its first character. */
  lookup(word: string): string[];
}

export function createFuzzyIndex(words: Iterable<string>): FuzzyIndex {
  const exact = new Set<string>();
  const byDeletion = new Map<string, string[]>();
  for (const w of words) {
    exact.add(w);
    if (w.length < MIN_FUZZY_LENGTH) continue;
    for (const d of deletions(w)) {
      const list = byDeletion.get(d);
      if (list) list.push(w);
      else byDeletion.set(d, [w]);
    }
  }
  return {
    lookup(word) {
      const found = new Set<string>();
      if (exact.has(word)) found.add(word);
      // Typos on the first letter are rare and guessing them turns "turned" into "burned".
      const accept = (w: string) => {
        if (w.length >= MIN_FUZZY_LENGTH && w[0] === word[0] && withinOneEdit(word, w)) found.add(w);
      };
      if (word.length === MIN_FUZZY_LENGTH - 1) {
        // Four letters: only a swap of two neighbours after the first ("cnat" → "cant").
        for (let i = 1; i < word.length - 1; i++) {
          const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
          if (swapped !== word && exact.has(swapped)) found.add(swapped);
        }
      }
      if (word.length >= MIN_FUZZY_LENGTH) {
        for (const w of byDeletion.get(word) ?? []) accept(w);
        for (const d of deletions(word)) {
          if (exact.has(d)) accept(d);
          for (const w of byDeletion.get(d) ?? []) accept(w);
        }
      }
      return [...found];
    },
  };
}
