// Stake (spec §4.2) and validator permits (§4.3). Stake is summed and normalised in I64F64 and then
// floored to I32F32; the closed form used here is S_i = ⌊r_i·2^32 / R⌋ on 128-bit integers, with
// r_i the I64F64 stake scaled down by 2^32 (a common factor of numerator and denominator).

import { umul128, mulLo, divlu } from './wide';
import { Vec64 } from './sparse';

/** ⌊taoWeight·2^32 / (2^64 − 1)⌋: the tao weight as the chain converts it (U96F32 → I64F64), in 2^-32 units. */
export function taoWeight32(taoWeight: u64): u64 {
  return divlu(taoWeight >> 32, taoWeight << 32, u64.MAX_VALUE);
}

/**
 * Normalised stake S (raw I32F32) after the threshold filter: stake_i = alpha_i + tw·tao_i; uids other
 * than `ownerUid` with ⌊stake_i⌋ < threshold count as 0; S_i = stake_i / Σ stake (0s if the sum is 0).
 */
export function normalizedStake(alpha: StaticArray<u64>, tao: StaticArray<u64>, taoWeight: u64, threshold: u64, ownerUid: i32): Vec64 {
  const n = alpha.length;
  const t32 = taoWeight32(taoWeight);
  // r_i = alpha_i·2^32 + tao_i·t32 as (hi, lo).
  const hi = new StaticArray<u64>(n);
  const lo = new StaticArray<u64>(n);
  let sumHi: u64 = 0, sumLo: u64 = 0;
  for (let i = 0; i < n; i++) {
    const a = unchecked(alpha[i]);
    const pHi = umul128(unchecked(tao[i]), t32);
    const pLo = mulLo;
    let rLo = (a << 32) + pLo;
    let rHi = (a >> 32) + pHi + <u64>(rLo < pLo);
    // ⌊stake⌋ = alpha + ⌊tao·t32 / 2^32⌋
    const whole = a + ((pHi << 32) | (pLo >> 32));
    if (i != ownerUid && whole < threshold) { rHi = 0; rLo = 0; }
    unchecked((hi[i] = rHi)); unchecked((lo[i] = rLo));
    sumLo += rLo;
    sumHi += rHi + <u64>(sumLo < rLo);
  }
  const out = new StaticArray<i64>(n);
  if (sumHi == 0 && sumLo == 0) return out;
  for (let i = 0; i < n; i++) unchecked((out[i] = <i64>shiftedQuotient(hi[i], lo[i], sumHi, sumLo)));
  return out;
}

/** ⌊r·2^32 / R⌋ for 128-bit r ≤ R (R > 0, R < 2^127): 33 steps of binary long division. */
function shiftedQuotient(rHi: u64, rLo: u64, dHi: u64, dLo: u64): u64 {
  if ((rHi | rLo) == 0) return 0;  // no stake (most uids of a subnet): skip the long division
  if (dHi == 0 && rHi == 0) {
    // Both fit in 64 bits: one 128/64 division when r·2^32 / R < 2^64 (always, as r ≤ R).
    if ((rLo >> 32) < dLo) return divlu(rLo >> 32, rLo << 32, dLo);
  }
  let q: u64 = 0;
  if (rHi == dHi && rLo == dLo) { q = 1; rHi = 0; rLo = 0; }
  for (let b = 0; b < 32; b++) {
    rHi = (rHi << 1) | (rLo >> 63);
    rLo = rLo << 1;
    q <<= 1;
    if (rHi > dHi || (rHi == dHi && rLo >= dLo)) {
      const borrow = <u64>(rLo < dLo);
      rLo -= dLo;
      rHi = rHi - dHi - borrow;
      q |= 1;
    }
  }
  return q;
}

/**
 * New validator permits. Current main (is_topk_nonzero): non-zero stakes, of which only the k largest
 * survive when n ≥ k. Legacy (is_topk): every uid, of which the k largest survive when n ≥ k.
 * Ascending stable sort by stake: ties drop the lower uid first. The owner is forced to true.
 */
export function topkPermits(stake: Vec64, k: i32, ownerUid: i32, legacy: bool): StaticArray<bool> {
  const n = stake.length;
  const permit = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((permit[i] = legacy || stake[i] != 0));
  if (n >= k) {
    // Key = stake·4096 + uid (stake ≤ 2^32, uid < 4096): an ascending numeric sort is the stable sort by stake.
    const keys = new StaticArray<i64>(n);
    for (let i = 0; i < n; i++) unchecked((keys[i] = (stake[i] << 12) | <i64>i));
    keys.sort();
    for (let r = 0; r < n - k; r++) unchecked((permit[<i32>(keys[r] & 4095)] = false));
  }
  if (ownerUid >= 0 && ownerUid < n) unchecked((permit[ownerUid] = true));
  return permit;
}
