// The front half every research variant shares (spec §2.4–2.7, §4, §8): consensus by a stake walk,
// its normalise-and-quantise, clipping, ranks and incentive (with winner-takes-all). Float64, pure.

import { Vec } from './matrix';

const U16_MAX: f64 = 65535;

/**
 * Consensus per server (spec §2.4): order validators by weight, largest first (ties by index, which
 * cannot change the result), add up their stake and stop at the first whose running sum is ≥ κ; its
 * weight is C_j. If the sum never reaches κ, C_j is the column's largest weight. `order` is scratch (V).
 */
export function consensusInto(out: Vec, weights: Vec, stake: Vec, kappa: f64, rows: i32, cols: i32, order: StaticArray<i32>): void {
  for (let j = 0; j < cols; j++) {
    // Stable insertion sort of the validators by descending weight on column j.
    for (let i = 0; i < rows; i++) {
      const w = unchecked(weights[i * cols + j]);
      let k = i;
      while (k > 0 && unchecked(weights[unchecked(order[k - 1]) * cols + j]) < w) {
        unchecked((order[k] = order[k - 1]));
        k--;
      }
      unchecked((order[k] = i));
    }
    let running: f64 = 0;
    let c = rows > 0 ? unchecked(weights[unchecked(order[0]) * cols + j]) : 0;
    for (let k = 0; k < rows; k++) {
      const i = unchecked(order[k]);
      running += unchecked(stake[i]);
      if (running >= kappa) {
        c = unchecked(weights[i * cols + j]);
        break;
      }
    }
    unchecked((out[j] = c));
  }
}

/**
 * Normalises consensus to sum 1 and truncates it to a multiple of 1/65535 (spec §2.5):
 * C_j ← trunc(C_j / ΣC × 65535) / 65535. Returns false, leaving C all 0, when ΣC = 0 (a degenerate
 * epoch, spec §8: the package's NaN is replaced by "no consensus").
 */
export function quantizeConsensus(c: Vec): bool {
  let sum: f64 = 0;
  for (let j = 0; j < c.length; j++) sum += unchecked(c[j]);
  if (!(sum > 0)) {
    for (let j = 0; j < c.length; j++) unchecked((c[j] = 0));
    return false;
  }
  for (let j = 0; j < c.length; j++) unchecked((c[j] = NativeMath.trunc((unchecked(c[j]) / sum) * U16_MAX) / U16_MAX));
  return true;
}

/** Clipped weights (spec §2.6): out_ij = min(w_ij, C_j). */
export function clipInto(out: Vec, weights: Vec, consensus: Vec, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) unchecked((out[i * cols + j] = min<f64>(weights[i * cols + j], consensus[j])));
  }
}

/** Ranks (spec §2.7): R_j = Σ_i S_i · clipped_ij, summed in validator order. */
export function ranksInto(out: Vec, clipped: Vec, stake: Vec, rows: i32, cols: i32): void {
  for (let j = 0; j < cols; j++) {
    let r: f64 = 0;
    for (let i = 0; i < rows; i++) r += unchecked(stake[i]) * unchecked(clipped[i * cols + j]);
    unchecked((out[j] = r));
  }
}

/**
 * Incentive from ranks. Plain (spec §2.7): I = R / ΣR, all 0 when ΣR = 0. Winner-takes-all (spec §4):
 * the servers whose rank equals the maximum exactly share 1; when every rank is 0 each server gets
 * 1/(V+N), the share it has in the package's (V+N)-square where every uid ties.
 */
export function incentiveInto(out: Vec, ranks: Vec, winnerTakesAll: bool, validators: i32): void {
  const cols = ranks.length;
  if (!winnerTakesAll) {
    let sum: f64 = 0;
    for (let j = 0; j < cols; j++) sum += unchecked(ranks[j]);
    for (let j = 0; j < cols; j++) unchecked((out[j] = sum > 0 ? ranks[j] / sum : 0));
    return;
  }
  let top: f64 = 0;
  for (let j = 0; j < cols; j++) top = max<f64>(top, unchecked(ranks[j]));
  if (top > 0) {
    let winners = 0;
    for (let j = 0; j < cols; j++) if (unchecked(ranks[j]) == top) winners++;
    for (let j = 0; j < cols; j++) unchecked((out[j] = ranks[j] == top ? 1.0 / <f64>winners : 0));
  } else {
    for (let j = 0; j < cols; j++) unchecked((out[j] = 1.0 / <f64>(validators + cols)));
  }
}
