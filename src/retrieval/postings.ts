/**
 * Feature → (item, weight) postings in a handful of flat typed arrays, looked up through an
 * open-addressing table (feature hashes are 30-bit, so -1 marks an empty slot). A Map of small
 * arrays per feature held several hundred thousand objects per language: a full garbage
 * collection of the server's heap took about 290 ms, a stall every patient in flight waited out.
 */
export interface Postings {
  /** The feature's index, or -1 when no item has it. */
  find(key: number): number;
  /** Per feature index: its weight for the query side (idf). */
  readonly idf: Float64Array;
  /** Per feature index f: its postings are ids/weights[start[f] .. start[f + 1]). */
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export interface PostingList {
  idf: number;
  ids: number[];
  weights: number[];
}

const slotOf = (key: number, mask: number): number => (Math.imul(key, 0x9e3779b1) >>> 0) & mask;

export function buildPostings(lists: ReadonlyMap<number, PostingList>): Postings {
  const keys = new Uint32Array(lists.size);
  const idf = new Float64Array(lists.size);
  const start = new Int32Array(lists.size + 1);
  let total = 0;
  for (const list of lists.values()) total += list.ids.length;
  const ids = new Int32Array(total);
  const weights = new Float64Array(total);
  let f = 0;
  let offset = 0;
  for (const [key, list] of lists) {
    keys[f] = key;
    idf[f] = list.idf;
    start[f] = offset;
    ids.set(list.ids, offset);
    weights.set(list.weights, offset);
    offset += list.ids.length;
    f++;
  }
  start[f] = offset;
  return packedPostings(keys, idf, start, ids, weights);
}

/** Postings from arrays already laid out: feature f is `keys[f]`, its postings [start[f], start[f + 1]). */
export function packedPostings(keys: Uint32Array, idf: Float64Array, start: Int32Array, ids: Int32Array, weights: Float64Array): Postings {
  let size = 1;
  while (size < keys.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const featureAt = new Int32Array(size);
  for (let f = 0; f < keys.length; f++) {
    let at = slotOf(keys[f]!, mask);
    while (slots[at] !== -1) at = (at + 1) & mask;
    slots[at] = keys[f]!;
    featureAt[at] = f;
  }
  return {
    find(key) {
      let at = slotOf(key, mask);
      while (slots[at] !== -1) {
        if (slots[at] === key) return featureAt[at]!;
        at = (at + 1) & mask;
      }
      return -1;
    },
    idf,
    start,
    ids,
    weights,
  };
}

/**
 * Cosine scores of a query against every item: the query's features weighted by idf and
 * L2-normalised, the items' weights as stored. `scores` is overwritten; false (and `scores`
 * untouched) when no feature of the query is known.
 */
export function scoreQuery(postings: Postings, keys: ArrayLike<number>, scores: Float64Array): boolean {
  const { idf, start, ids, weights } = postings;
  const found = Array.from(keys, (k) => postings.find(k));
  let norm = 0;
  for (const f of found) if (f >= 0) norm += idf[f]! ** 2;
  if (norm === 0) return false;
  norm = Math.sqrt(norm);
  scores.fill(0);
  for (const f of found) {
    if (f < 0) continue;
    const w = idf[f]! / norm;
    for (let i = start[f]!, end = start[f + 1]!; i < end; i++) scores[ids[i]!]! += w * weights[i]!;
  }
  return true;
}
