// Per-bond and per-column EMA coefficients: alpha_bma (§2), the Yuma 3 liquid-alpha sigmoid (§4.12) with the
// chain's forward-scan lookup, and the legacy consensus-quantile logistic alpha (§10.2).

import type { Hyperparameters, SparseRowRaw } from '../model/epoch.ts';
import {
  type Fixed,
  I64F64_MAX,
  ONE,
  clamp,
  expSafe,
  fixed64ToFixed32,
  fromF64,
  fromInt,
  max,
  min,
  safeExp,
  safeLn,
  saturatingAdd,
  saturatingDiv,
  saturatingMul,
  saturatingSub,
  u16ProportionToFixed,
} from './fixed.ts';

/** alpha_bma = Q(1) ⊖ Q_from_I64F64(I64F64(bma) ⊘ I64F64(1e6)): bma 900000 → raw 429496730 (§2). */
export function alphaFromMovingAverage(bondsMovingAverage: bigint): Fixed {
  const ratio64 = clamp(bondsMovingAverage << 64n, 0n, I64F64_MAX) / 1_000_000n;
  return saturatingSub(ONE, fixed64ToFixed32(ratio64));
}

/** α_lo, α_hi as u16 proportions. */
export function alphaBounds(h: Hyperparameters): { low: Fixed; high: Fixed } {
  return { low: u16ProportionToFixed(h.alphaLow), high: u16ProportionToFixed(h.alphaHigh) };
}

const HALF: Fixed = ONE >> 1n;

/**
 * §4.12 alpha_sigmoid: d = clamp(w ⊖ c, 0, 1) if w ≥ b else clamp(b ⊖ w, 0, 1);
 * α = clamp(α_lo ⊕ sig ⊗ (α_hi ⊖ α_lo)) with sig = 1 / (1 ⊕ exp_safe((σ ÷ −100) ⊗ (d ⊖ ½))).
 */
export function alphaSigmoid(consensus: Fixed, weight: Fixed, bond: Fixed, low: Fixed, high: Fixed, steepness: Fixed): Fixed {
  const buy = clamp(saturatingSub(weight, consensus), 0n, ONE);
  const sell = clamp(saturatingSub(bond, weight), 0n, ONE);
  const diff = weight >= bond ? buy : sell;
  const x = saturatingMul(saturatingDiv(steepness, fromInt(-100)), saturatingSub(diff, HALF));
  const sigmoid = saturatingDiv(ONE, saturatingAdd(ONE, expSafe(x)));
  const alpha = saturatingAdd(low, saturatingMul(sigmoid, saturatingSub(high, low)));
  return max(min(alpha, high), low);
}

/**
 * The chain's single forward scan over a row it assumes column-sorted (§4.11 step 2): for j = 0..n−1 skip
 * the remaining entries with column < j, then read the next entry if its column is j, else 0. On an
 * unsorted row an entry after a larger column is never read. Used for the α lookup only.
 */
export function forwardScanLookup(row: SparseRowRaw, n: number): Fixed[] {
  const out: Fixed[] = new Array(n).fill(0n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    while (k < row.length && row[k][0] < j) k++;
    if (k < row.length && row[k][0] === j) out[j] = row[k][1];
  }
  return out;
}

/** α_ij for every entry (i, j) of Wb[i], in Wb's row order, with w̃ and b̃ from the forward scan (§4.11). */
export function liquidAlphaEntries(
  weightsForBonds: readonly SparseRowRaw[],
  bonds: readonly SparseRowRaw[],
  consensus: readonly Fixed[],
  h: Hyperparameters,
): SparseRowRaw[] {
  const n = consensus.length;
  const { low, high } = alphaBounds(h);
  const steepness = fromInt(h.alphaSigmoidSteepness);
  return weightsForBonds.map((row, i) => {
    const w = forwardScanLookup(row, n);
    const b = forwardScanLookup(bonds[i], n);
    return row.filter(([j]) => j < n).map(([j]): [number, bigint] => [j, alphaSigmoid(consensus[j], w[j], b[j], low, high, steepness)]);
  });
}

/** Legacy quantile: sort ascending, pos = q·(len−1) in f64, interpolate x_lo ⊕ (x_hi ⊖ x_lo) ⊗ Q(pos − lo). */
export function quantile(values: readonly Fixed[], q: number): Fixed {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return 0n;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (lo === hi) return sorted[lo];
  const weight = fromF64(pos - lo);
  return saturatingAdd(sorted[lo], saturatingMul(saturatingSub(sorted[hi], sorted[lo]), weight));
}

/**
 * §10.2 legacy liquid alpha per column, or null when the chain fell back to alpha_bma (the quantile guard
 * fails). Logistic a = (ln(1/α_hi − 1) − ln(1/α_lo − 1)) / (c_lo − c_hi), b = ln(1/α_lo − 1) ⊕ a ⊗ c_lo;
 * α_j = 1 / (1 ⊕ safe_exp(b ⊖ a ⊗ C_j)), clamped to [α_lo, α_hi].
 */
export function legacyColumnAlphas(consensus: readonly Fixed[], h: Hyperparameters): Fixed[] | null {
  const high = quantile(consensus, 0.75);
  const low = quantile(consensus, 0.25);
  if (!(high > low || high !== 0n || low < 0n)) return null;
  const bounds = alphaBounds(h);
  let a = 0n;
  let b = 0n;
  if (!(high <= low || bounds.low === 0n || bounds.high === 0n)) {
    // The chain used saturating_div here (never a zero divisor: α ≠ 0 and c_lo < c_hi are checked above).
    const logitHigh = safeLn(saturatingSub(saturatingDiv(ONE, bounds.high), ONE));
    const logitLow = safeLn(saturatingSub(saturatingDiv(ONE, bounds.low), ONE));
    a = saturatingDiv(saturatingSub(logitHigh, logitLow), saturatingSub(low, high));
    b = saturatingAdd(logitLow, saturatingMul(a, low));
  }
  return consensus.map((c) => {
    const alpha = saturatingDiv(ONE, saturatingAdd(ONE, safeExp(saturatingSub(b, saturatingMul(a, c)))));
    return max(min(alpha, bounds.high), bounds.low);
  });
}
