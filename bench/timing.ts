// Timing helpers for the benchmarks: wall-clock medians and a streaming-bandwidth reference.

/** Runs `fn` once to warm up, then `reps` times; returns each run's wall time in ms. */
export function timeRuns(fn: () => unknown, reps: number): number[] {
  fn();
  const out: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** The median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** ms for 100 million dependent float additions in JS: a yardstick to scale this machine's figures to another. */
export function calibrationMs(): number {
  const a = new Float64Array(1_000_000).fill(1.5);
  const t0 = performance.now();
  let s = 0;
  for (let r = 0; r < 100; r++) for (let i = 0; i < a.length; i++) s += a[i];
  if (s < 0) throw new Error('unreachable');
  return performance.now() - t0;
}

/** Sequential read bandwidth in GB/s: the best of 5 sums over a 64 MiB Float64Array. */
export function bandwidthGBs(): number {
  const a = new Float64Array(8 * 2 ** 20).fill(1);
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i];
    sink += s;
    best = Math.min(best, performance.now() - t0);
  }
  if (sink < 0) throw new Error('unreachable');
  return a.byteLength / (best / 1e3) / 1e9;
}
