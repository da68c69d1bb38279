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

/** Reciprocal rank fusion with a weight per ranking; items keep their first-seen object. */
export function weightedFusion<T extends { metadata: { passageId: string } }>(
  rankings: readonly { ranking: readonly T[]; weight: number }[],
  k = 5,
): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number }>();
  for (const { ranking, weight } of rankings) {
    const seen = new Set<string>();
    ranking.forEach((item, index) => {
      const id = item.metadata.passageId;
      if (seen.has(id)) return;
      seen.add(id);
      const add = weight / (k + index + 1);
      const entry = fused.get(id);
      if (entry) entry.score += add;
      else fused.set(id, { item, score: add });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
