// I64F64 (128-bit raw, 64 fractional bits) helpers of subtensor's epoch/math.rs that the epoch does
// not need as such (stake.ts uses a closed form instead): conversions to I32F32 and u64, safe_div and
// inplace_normalize_64. A value is a pair (hi: i64, lo: u64) = hi·2^64 + lo. Test-only.

import { Q_MAX, Q_MIN } from './fixed';
import { Vec64 } from './sparse';

/** High word of the last 128-bit result (a second return value without allocating). */
export let wideHi: i64 = 0;

/** Two's-complement negation of (hi, lo); the low word is returned, the high one left in `wideHi`. */
function negate(hi: i64, lo: u64): u64 {
  const nlo = ~lo + 1;
  wideHi = ~hi + (nlo == 0 ? 1 : 0);
  return nlo;
}

/**
 * I64F64 safe_div: trunc(a·2^64 / b), or 0 when b = 0 or the quotient does not fit 128 bits.
 * Restoring long division of the 192-bit numerator |a|·2^64 by |b| (≤ 2^127, so the remainder fits).
 */
export function safeDiv64(aHi: i64, aLo: u64, bHi: i64, bLo: u64): u64 {
  if (bHi == 0 && bLo == 0) { wideHi = 0; return 0; }
  const negative = (aHi ^ bHi) < 0;
  let n1 = <u64>aHi, n0 = aLo;
  if (aHi < 0) { n0 = negate(aHi, aLo); n1 = <u64>wideHi; }
  let d1 = <u64>bHi, d0 = bLo;
  if (bHi < 0) { d0 = negate(bHi, bLo); d1 = <u64>wideHi; }
  let r1: u64 = 0, r0: u64 = 0, q1: u64 = 0, q0: u64 = 0;
  let overflow = false;
  for (let bit = 191; bit >= 0; bit--) {
    const next = bit >= 128 ? (n1 >> <u64>(bit - 128)) & 1 : bit >= 64 ? (n0 >> <u64>(bit - 64)) & 1 : 0;
    r1 = (r1 << 1) | (r0 >> 63);
    r0 = (r0 << 1) | next;
    if (q1 >> 63 != 0) overflow = true;
    q1 = (q1 << 1) | (q0 >> 63);
    q0 = q0 << 1;
    if (r1 > d1 || (r1 == d1 && r0 >= d0)) {
      const borrow: u64 = r0 < d0 ? 1 : 0;
      r0 -= d0;
      r1 = r1 - d1 - borrow;
      q0 |= 1;
    }
  }
  // Fits when |q| ≤ 2^127 − 1, or exactly 2^127 for a negative quotient.
  const limitOk = q1 >> 63 == 0 || (negative && q1 == <u64>1 << 63 && q0 == 0);
  if (overflow || !limitOk) { wideHi = 0; return 0; }
  if (negative) return negate(<i64>q1, q0);
  wideHi = <i64>q1;
  return q0;
}

/** fixed64_to_fixed32 = I32F32::saturating_from_num: floor to 32 fractional bits, clamped. */
export function fixed64ToFixed32(hi: i64, lo: u64): i64 {
  if (hi > 0x7fffffff) return Q_MAX;
  if (hi < -0x80000000) return Q_MIN;
  return (hi << 32) | <i64>(lo >> 32);
}

/** fixed64_to_u64 = saturating_to_num::<u64>: floor, negative → 0. */
export function fixed64ToU64(hi: i64, lo: u64): u64 { return hi < 0 ? 0 : <u64>hi; }

/** inplace_normalize_64 on pairs [hi, lo, …]: each value ⊘ the (plain) sum, unless the sum is 0. */
export function inplaceNormalize64(pairs: Vec64): void {
  let sHi: i64 = 0, sLo: u64 = 0;
  for (let k = 0; k < pairs.length; k += 2) {
    const lo = <u64>pairs[k + 1];
    sLo += lo;
    sHi += pairs[k] + (sLo < lo ? 1 : 0);
  }
  if (sHi == 0 && sLo == 0) return;
  for (let k = 0; k < pairs.length; k += 2) {
    const lo = safeDiv64(pairs[k], <u64>pairs[k + 1], sHi, sLo);
    pairs[k] = wideHi;
    pairs[k + 1] = <i64>lo;
  }
}
