import { describe, expect, it } from 'vitest';
import { buildPostings, type PostingList } from '../../src/retrieval/postings.js';

describe('postings', () => {
  it('finds every feature, and only those, with its idf and its (id, weight) range', () => {
    const lists = new Map<number, PostingList>();
    // Many keys, so some share a slot and probe on; 30-bit hashes like the feature extractor's.
    for (let i = 0; i < 5000; i++) {
      const key = (Math.imul(i + 1, 2654435761) >>> 2) & 0x3fffffff;
      lists.set(key, { idf: i / 10, ids: [i, i + 1, i + 2].slice(0, 1 + (i % 3)), weights: [0.5, 0.25, 0.125].slice(0, 1 + (i % 3)) });
    }
    const postings = buildPostings(lists);
    let i = 0;
    for (const [key, list] of lists) {
      const f = postings.find(key);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(postings.idf[f]).toBe(i / 10);
      const range = [postings.start[f]!, postings.start[f + 1]!] as const;
      expect(Array.from(postings.ids.subarray(...range))).toEqual(list.ids);
      expect(Array.from(postings.weights.subarray(...range))).toEqual(list.weights);
      i++;
    }
    // Keys no item has: not found, however far their probe runs.
    let missing = 0;
    for (let key = 1; missing < 200; key += 7919) if (!lists.has(key)) (expect(postings.find(key)).toBe(-1), missing++);
  });

  it('an empty table finds nothing', () => {
    expect(buildPostings(new Map()).find(42)).toBe(-1);
  });
});
