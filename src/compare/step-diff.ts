// Step-by-step comparison of one epoch's intermediates: the exact engine's raw I32F32 values against the
// f64 twin's real values, in spec §4 order, so a reader can see where the two pipelines part. Pure.
import type { EpochIntermediates, SparseRowRaw } from '../model/epoch.ts';
import { rawToReal, type FloatIntermediates, type SparseRowF64 } from './float-intermediates.ts';

/** The intermediates compared, in the order the epoch computes them (spec §4.2 → §4.13). */
export const STEPS = [
  'stake', 'activeStake', 'weights', 'consensus', 'clippedWeights', 'validatorTrust', 'ranks', 'incentive',
  'weightsForBonds', 'bondsBefore', 'bondsDelta', 'liquidAlpha', 'bondsEma', 'dividends',
  'serverShare', 'validatorShare', 'combinedShare',
] as const satisfies readonly (keyof EpochIntermediates)[];
export type StepName = (typeof STEPS)[number];

/** One step's largest differences: absolute (also in I32F32 ulps, 2^-32) and relative, with where each occurs. */
export interface StepDiff {
  step: StepName;
  /** max |exact − float| over the step's elements (real units). */
  maxAbs: number;
  /** maxAbs in units of the I32F32 resolution 2^-32. */
  ulps: number;
  /** Where maxAbs occurs: `uid 3`, or `3→7` for a matrix entry (row → column); '' when nothing differs. */
  at: string;
  /** max |exact − float| / max(|exact|, |float|) over elements where either is non-zero. */
  maxRel: number;
  relAt: string;
  /** Elements present in one engine's sparse row and absent from the other's (sparse structure is semantics). */
  structural: number;
}

const ULP = 2 ** -32;

class Tracker {
  maxAbs = 0; at = ''; maxRel = 0; relAt = ''; structural = 0;
  add(x: number, y: number, where: string): void {
    const d = Math.abs(x - y);
    if (d > this.maxAbs) { this.maxAbs = d; this.at = where; }
    const m = Math.max(Math.abs(x), Math.abs(y));
    if (m > 0 && d / m > this.maxRel) { this.maxRel = d / m; this.relAt = where; }
  }
  result(step: StepName): StepDiff {
    return { step, maxAbs: this.maxAbs, ulps: this.maxAbs / ULP, at: this.at, maxRel: this.maxRel, relAt: this.relAt, structural: this.structural };
  }
}

function vectorDiff(t: Tracker, exact: bigint[], float: number[]): void {
  const n = Math.max(exact.length, float.length);
  for (let i = 0; i < n; i++) t.add(i < exact.length ? rawToReal(exact[i]) : 0, float[i] ?? 0, `uid ${i}`);
}

function matrixDiff(t: Tracker, exact: SparseRowRaw[], float: SparseRowF64[]): void {
  for (let i = 0; i < Math.max(exact.length, float.length); i++) {
    const f = new Map(float[i] ?? []);
    const seen = new Set<number>();
    for (const [j, raw] of exact[i] ?? []) {
      seen.add(j);
      if (!f.has(j)) t.structural++;
      t.add(rawToReal(raw), f.get(j) ?? 0, `${i}→${j}`);
    }
    for (const [j, v] of float[i] ?? []) {
      if (seen.has(j)) continue;
      t.structural++;
      t.add(0, v, `${i}→${j}`);
    }
  }
}

const MATRICES = new Set<StepName>(['weights', 'clippedWeights', 'weightsForBonds', 'bondsBefore', 'bondsDelta', 'liquidAlpha', 'bondsEma']);

/** Compares every step of STEPS; vectors by uid, matrices entry by entry (an absent entry counts as 0). */
export function diffSteps(exact: EpochIntermediates, float: FloatIntermediates): StepDiff[] {
  return STEPS.map((step) => {
    const t = new Tracker();
    if (MATRICES.has(step)) matrixDiff(t, exact[step] as SparseRowRaw[], float[step] as SparseRowF64[]);
    else vectorDiff(t, exact[step] as bigint[], float[step] as number[]);
    return t.result(step);
  });
}
