// The property case of math.rs' test_math_weighted_median, rebuilt from the parameters its
// `construction` text states (n, the f32 majorities, repetitions, permutations). subtensor draws from an
// unseeded RNG; a seeded one here keeps every run reproducible while exercising the same property.
import type { WasmTesting } from '../../src/engine/wasm-testing.ts';
import type { Check } from './math-case.ts';
import { ONE, toRaw } from './literals.ts';

/** mulberry32: a small seeded PRNG; `bit()` is Rust's `random_range(0..2)`. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return { bit: () => (next() < 0.5 ? 0 : 1), below: (n: number) => Math.floor(next() * n) };
}

function number(text: string, pattern: RegExp): number {
  const m = pattern.exec(text);
  if (!m) throw new Error(`construction does not state ${pattern}`);
  return Number(m[1]);
}

/**
 * The scores the Rust test accepts: scan uids in order accumulating stake; from the first point where the
 * cumulative stake reaches `minority`, collect distinct scores while it stays at that value (plus the next
 * score if it equals `minority` exactly); none → {0}.
 */
function acceptableMedians(stake: bigint[], score: bigint[], minority: bigint): bigint[] {
  const medians: bigint[] = [];
  let crossing: bigint | undefined;
  let cumulative = 0n;
  for (let i = 0; i < stake.length; i++) {
    cumulative += stake[i];
    if (crossing === undefined && cumulative >= minority) crossing = cumulative;
    if (crossing === undefined) continue;
    if (crossing < cumulative) {
      if (crossing === minority && !medians.includes(score[i])) medians.push(score[i]);
      break;
    }
    if (!medians.includes(score[i])) medians.push(score[i]);
  }
  return medians.length > 0 ? medians : [0n];
}

export function weightedMedianProperty(construction: string, t: WasmTesting): Check[] {
  const n = number(construction, /n=(\d+)/);
  const repeats = number(construction, /Repeated (\d+) times/);
  const permutations = number(construction, /after (\d+) random permutations/);
  const list = /majority in f32 \[([^\]]*)\]/.exec(construction);
  if (!list) throw new Error('construction states no majorities');
  const majorities = list[1].split(',').map((s) => toRaw(Number(s), 'f32'));
  const random = rng(20260630);
  const failures: string[] = [];
  let runs = 0;
  for (let rep = 0; rep < repeats; rep++) {
    for (const majority of majorities) {
      for (const allowEqual of [false, true]) {
        let stake: bigint[] = [];
        let score: bigint[] = [];
        let last = 0n;
        for (let i = 0; i < n; i++) {
          if (allowEqual) {
            stake.push(random.bit() === 1 ? ONE : 0n);
            if (random.bit() === 1) last += ONE;
            score.push(last);
          } else {
            stake.push(ONE);
            score.push(BigInt(i) << 32n);
          }
        }
        stake = (t.args({ vec: stake }).ex.mathInplaceNormalize(), t.vec());
        const total = stake.reduce((a, b) => a + b, 0n);
        const minority = total - majority > 0n ? total - majority : 0n;
        const medians = acceptableMedians(stake, score, minority);
        for (let p = 0; p <= permutations; p++) {
          if (p > 0) {
            const order = Array.from({ length: n }, (_, i) => i);
            for (let i = n - 1; i > 0; i--) {
              const j = random.below(i + 1);
              [order[i], order[j]] = [order[j], order[i]];
            }
            stake = order.map((i) => stake[i]);
            score = order.map((i) => score[i]);
          }
          const got = t.args({ vec: stake }, { vec: score }).ex.mathWeightedMedian(minority, 0n, total);
          runs++;
          if (!medians.includes(got) && failures.length < 5) {
            failures.push(`majority raw ${majority}, allow_equal ${allowEqual}: median ${got} not in [${medians}]`);
          }
        }
      }
    }
  }
  return [{ label: `${runs} weighted_median runs`, got: failures, want: [] }];
}
