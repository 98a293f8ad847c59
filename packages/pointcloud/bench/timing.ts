// Timing helpers of the benchmarks.

/** Milliseconds one call takes. */
export function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The median of `runs` measurements, after one warm-up run. */
export function median(measure: () => number, runs: number): number {
  measure();
  const samples = Array.from({ length: runs }, measure).sort((a, b) => a - b);
  return samples[Math.floor(runs / 2)] as number;
}
