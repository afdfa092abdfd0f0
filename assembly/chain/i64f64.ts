// I64F64 (signed, value = raw / 2^64) on U128 raw bits in two's complement, with substrate-fixed
// semantics as the TAO-flow code uses them (coinbase/subnet_emissions.rs): sums and products saturate,
// products floor (toward −∞), quotients truncate (toward 0); `safeDiv` is 0 on a zero divisor or overflow.
// Sign and magnitude go through the unsigned wide routines of ./u128. No allocation.

import { U128, set, copy, cmp, isZero, mulShr, divShl } from './u128';

const MAX_HI: u64 = 0x7fffffffffffffff;
const ma = new U128();
const mb = new U128();
const mr = new U128();

/** The raw value is negative (top bit set). */
export function isNeg(a: U128): bool { return (a.hi >> 63) != 0; }

/** out := −a (wrapping; −MIN = MIN). */
export function neg(out: U128, a: U128): U128 {
  const lo = ~a.lo + 1;
  return set(out, ~a.hi + <u64>(lo == 0), lo);
}

/** out := |a| as an unsigned magnitude (|MIN| = 2^127 fits). */
function magnitude(out: U128, a: U128): U128 { return isNeg(a) ? neg(out, a) : copy(out, a); }

/** I64F64::MAX or MIN. */
export function saturated(out: U128, negative: bool): U128 { return negative ? set(out, <u64>1 << 63, 0) : set(out, MAX_HI, u64.MAX_VALUE); }

/** I64F64 from an i64 integer: raw = v·2^64. */
export function fromInt(out: U128, v: i64): U128 { return set(out, <u64>v, 0); }

/** saturating_from_num(u64) into I64F64: values above i64::MAX saturate. */
export function fromU64(out: U128, v: u64): U128 { return v > MAX_HI ? saturated(out, false) : set(out, v, 0); }

/** Signed comparison: −1, 0, 1. */
export function scmp(a: U128, b: U128): i32 {
  const na = isNeg(a), nb = isNeg(b);
  if (na != nb) return na ? -1 : 1;
  return cmp(a, b);
}

/** out := a + b, saturating. */
export function sadd(out: U128, a: U128, b: U128): U128 {
  const na = isNeg(a), nb = isNeg(b);
  const lo = a.lo + b.lo;
  const hi = a.hi + b.hi + <u64>(lo < a.lo);
  // Overflow only when both operands share a sign the result does not.
  if (na == nb && (hi >> 63 != 0) != na) return saturated(out, na);
  return set(out, hi, lo);
}

/** out := a − b, saturating. */
export function ssub(out: U128, a: U128, b: U128): U128 {
  const na = isNeg(a), nb = isNeg(b);
  const lo = a.lo - b.lo;
  const hi = a.hi - b.hi - <u64>(a.lo < b.lo);
  if (na != nb && (hi >> 63 != 0) != na) return saturated(out, na);
  return set(out, hi, lo);
}

/** out := a ⊗ b, floored toward −∞ and saturating (`saturating_mul`). */
export function smul(out: U128, a: U128, b: U128): U128 {
  const negative = isNeg(a) != isNeg(b);
  magnitude(ma, a);
  magnitude(mb, b);
  mulShr(mr, ma, mb, 64);
  // The dropped low 64 bits of |a|·|b| are |a|.lo·|b|.lo mod 2^64: a negative result rounds its magnitude up.
  const inexact = ma.lo * mb.lo != 0;
  if (negative) {
    if (inexact) {
      const lo = mr.lo + 1;
      set(mr, mr.hi + <u64>(lo == 0), lo);
    }
    if (mr.hi > (<u64>1 << 63) || (mr.hi == (<u64>1 << 63) && mr.lo != 0)) return saturated(out, true);
    return neg(out, mr);
  }
  if (mr.hi > MAX_HI) return saturated(out, false);
  return copy(out, mr);
}

/** out := a ⊘ b truncated toward zero; 0 when b = 0 or the quotient overflows (`safe_div`). Returns false then. */
export function sdiv(out: U128, a: U128, b: U128): bool {
  if (isZero(b)) { set(out, 0, 0); return false; }
  const negative = isNeg(a) != isNeg(b);
  magnitude(ma, a);
  magnitude(mb, b);
  if (!divShl(mr, ma, mb, 64)) { set(out, 0, 0); return false; }
  if (negative) {
    if (mr.hi > (<u64>1 << 63) || (mr.hi == (<u64>1 << 63) && mr.lo != 0)) { set(out, 0, 0); return false; }
    neg(out, mr);
    return true;
  }
  if (mr.hi > MAX_HI) { set(out, 0, 0); return false; }
  copy(out, mr);
  return true;
}

/** out := max(a, b) (signed). */
export function smax(out: U128, a: U128, b: U128): U128 { return scmp(a, b) >= 0 ? copy(out, a) : copy(out, b); }

/** out := min(a, b) (signed). */
export function smin(out: U128, a: U128, b: U128): U128 { return scmp(a, b) <= 0 ? copy(out, a) : copy(out, b); }
