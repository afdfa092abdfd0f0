// Stake (spec §4.2) and validator permits (§4.3) in the f64 twin: the stake is summed and normalised
// in f64 instead of I64F64 → I32F32, so S carries no floor. The threshold filter and the top-k rule
// are the chain's, applied to the real values.

import { VecF } from './sparse';

/** The chain's tao weight as a real number: TaoWeight / (2^64 − 1). */
export function taoWeightF(taoWeight: u64): f64 {
  return <f64>taoWeight / 18446744073709551615.0;
}

/**
 * Normalised stake S after the threshold filter: stake_i = alpha_i + tw·tao_i; uids other than
 * `ownerUid` with ⌊stake_i⌋ < threshold count as 0; S_i = stake_i / Σ stake (all 0 if the sum is 0).
 */
export function normalizedStakeF(alpha: StaticArray<u64>, tao: StaticArray<u64>, taoWeight: u64, threshold: u64, ownerUid: i32): VecF {
  const n = alpha.length;
  const tw = taoWeightF(taoWeight);
  const out = new StaticArray<f64>(n);
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    let s = <f64>unchecked(alpha[i]) + <f64>unchecked(tao[i]) * tw;
    if (i != ownerUid && Math.floor(s) < <f64>threshold) s = 0;
    unchecked((out[i] = s));
    total += s;
  }
  if (total == 0) return out;
  for (let i = 0; i < n; i++) unchecked((out[i] = out[i] / total));
  return out;
}

// Sort key of topkPermitsF's comparator (AssemblyScript comparators cannot capture locals).
let sortStake = new StaticArray<f64>(0);

/**
 * New permits as ../stake.ts topkPermits decides them: non-zero stakes (every uid when `legacy`), of
 * which only the k largest survive when n ≥ k; ascending stable sort by stake, so ties drop the lower
 * uid first. The owner is forced to true.
 */
export function topkPermitsF(stake: VecF, k: i32, ownerUid: i32, legacy: bool): StaticArray<bool> {
  const n = stake.length;
  const permit = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((permit[i] = legacy || stake[i] != 0));
  if (n >= k) {
    sortStake = stake;
    const order = new Array<i32>(n);
    for (let i = 0; i < n; i++) unchecked((order[i] = i));
    order.sort((a: i32, b: i32): i32 => {
      const sa = unchecked(sortStake[a]), sb = unchecked(sortStake[b]);
      return sa < sb ? -1 : sa > sb ? 1 : a - b;
    });
    for (let r = 0; r < n - k; r++) unchecked((permit[order[r]] = false));
  }
  if (ownerUid >= 0 && ownerUid < n) unchecked((permit[ownerUid] = true));
  return permit;
}
