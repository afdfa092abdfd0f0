// Liquid alpha of the research variants (spec §3.7): a per-bond EMA rate from a sigmoid of how far a
// weight is from consensus (buying) or a bond from its weight (selling). Float64, NativeMath only.

import { Vec } from './matrix';

/** Beyond |k·(d − 0.5)| = 700 the sigmoid is taken as exactly 0 or 1 (spec §3.7 step 2), so exp never overflows. */
const EXP_GUARD: f64 = 700;

/** clamp(x, lo, hi) = min(max(x, lo), hi): torch's order, so lo > hi yields hi everywhere (spec §3.7 step 3). */
// @ts-ignore: decorator
@inline function clamp(x: f64, lo: f64, hi: f64): f64 {
  return min<f64>(max<f64>(x, lo), hi);
}

/** σ(k·(d − 0.5)) with the guard of spec §3.7. */
export function sigmoid(k: f64, d: f64): f64 {
  const x = k * (d - 0.5);
  if (x < -EXP_GUARD) return 0;
  if (x > EXP_GUARD) return 1;
  return 1.0 / (1.0 + NativeMath.exp(-x));
}

/**
 * out_ij = LA(Wl, Bl, Cl)_ij (spec §3.7): with d = clamp(Wl − Cl_j, 0, 1) when buying (Wl ≥ Bl) or
 * clamp(Bl − Wl, 0, 1) when selling, α = clamp(a_lo + σ(k·(d − 0.5))·(a_hi − a_lo), a_lo, a_hi).
 */
export function liquidAlphaInto(
  out: Vec, weights: Vec, bonds: Vec, consensus: Vec, rows: i32, cols: i32, alphaLow: f64, alphaHigh: f64, steepness: f64,
): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const w = unchecked(weights[i * cols + j]);
      const b = unchecked(bonds[i * cols + j]);
      const d = w >= b ? clamp(w - unchecked(consensus[j]), 0, 1) : clamp(b - w, 0, 1);
      const a = alphaLow + sigmoid(steepness, d) * (alphaHigh - alphaLow);
      unchecked((out[i * cols + j] = clamp(a, alphaLow, alphaHigh)));
    }
  }
}
