/** One benchmark's line of output (CONTRACTS.md: Benchmarks). Extra fields are welcome. */
export interface BenchResult {
  bench: string;
  n: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  throughput_per_s: number;
  rss_mb: number;
  [extra: string]: unknown;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function rssMb(): number {
  return round(process.memoryUsage().rss / 2 ** 20, 1);
}

/** Summarises latencies (ms) measured over `elapsedMs` of wall time. */
export function summarise(bench: string, latenciesMs: number[], elapsedMs: number, extra: Record<string, unknown> = {}): BenchResult {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    bench,
    n: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    throughput_per_s: round((sorted.length / elapsedMs) * 1000, 1),
    rss_mb: rssMb(),
    ...extra,
  };
}
