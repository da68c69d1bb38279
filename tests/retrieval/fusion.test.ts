import { describe, expect, it } from 'vitest';
import { weightedFusion } from '../../src/retrieval/fusion.js';

const item = (passageId: string) => ({ metadata: { passageId } });

describe('weightedFusion', () => {
  it('adds weight / (k + rank) per ranking', () => {
    const [a, b] = [item('a'), item('b')];
    const fused = weightedFusion([{ ranking: [a, b], weight: 1 }, { ranking: [b, a], weight: 2 }], 10);
    expect(fused.map((f) => f.item.metadata.passageId)).toEqual(['b', 'a']);
    expect(fused[0]!.score).toBeCloseTo(1 / 12 + 2 / 11);
  });

  it('with scores and a spread, ranks a near-tie as a tie, so the other ranking decides', () => {
    const [a, b, c] = [item('a'), item('b'), item('c')];
    const lexical = { ranking: [b, a, c], weight: 1 };
    // The classifier can hardly tell a from b; without scores its rank order would win.
    const plain = weightedFusion([lexical, { ranking: [a, b, c], weight: 1.2 }], 10);
    expect(plain[0]!.item.metadata.passageId).toBe('a');
    const tieAware = weightedFusion([lexical, { ranking: [a, b, c], weight: 1.2, scores: [0.5, 0.499, 0.1], spread: 12 }], 10);
    expect(tieAware[0]!.item.metadata.passageId).toBe('b');
    // A clear gap keeps its full rank: c is never moved up past its place.
    expect(tieAware[2]!.item.metadata.passageId).toBe('c');
  });
});
