/**
 * Reciprocal rank fusion (Cormack et al., 2009): each ranking adds 1 / (k + rank) to an
 * item's score. Needs no score calibration between lexical and vector rankings.
 */
export function reciprocalRankFusion<T>(rankings: readonly (readonly T[])[], key: (item: T) => string, k = 60): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number }>();
  for (const ranking of rankings) {
    ranking.forEach((item, index) => {
      const id = key(item);
      const entry = fused.get(id);
      const add = 1 / (k + index + 1);
      if (entry) entry.score += add;
      else fused.set(id, { item, score: add });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}

/**
 * Reciprocal rank fusion with a weight per ranking; items keep their first-seen object. A ranking
 * with `scores` (best first) and a `spread` ranks near-ties as ties: an item's position is at most
 * `spread * (1 - score / best)`, so two units a signal can hardly tell apart are left to the other
 * signal instead of one of them getting a whole rank ahead.
 */
export function weightedFusion<T extends { metadata: { passageId: string } }>(
  rankings: readonly { ranking: readonly T[]; weight: number; scores?: readonly number[]; spread?: number }[],
  k = 5,
): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number }>();
  for (const { ranking, weight, scores, spread } of rankings) {
    const seen = new Set<string>();
    const best = scores?.[0] ?? 0;
    ranking.forEach((item, index) => {
      const id = item.metadata.passageId;
      if (seen.has(id)) return;
      seen.add(id);
      const position = scores && spread !== undefined && best > 0 ? Math.min(index, spread * (1 - scores[index]! / best)) : index;
      const add = weight / (k + position + 1);
      const entry = fused.get(id);
      if (entry) entry.score += add;
      else fused.set(id, { item, score: add });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
