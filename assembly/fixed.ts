// I32F32 fixed point on i64 raw values (value = raw / 2^32), bit-exact with the `substrate-fixed`
// crate as subtensor uses it (spec §2). Products floor, quotients truncate, `qdiv` is subtensor's
// safe_div (0 on a zero divisor or overflow). Nothing here allocates.

import { umul128, mulLo, divlu } from './wide';

export const FRAC_BITS: i64 = 32;
/** Raw value of 1.0. */
export const ONE: i64 = 1 << 32;
/** Raw value of 65535.0, the u16 scale. */
export const U16_MAX_Q: i64 = 65535 << 32;
export const Q_MAX: i64 = i64.MAX_VALUE;
export const Q_MIN: i64 = i64.MIN_VALUE;

/** Set by the `*Checked` operations when they overflow; callers clear it first. */
export let fxOverflow = false;
export function clearOverflow(): void { fxOverflow = false; }

// @ts-ignore: decorator
@inline function magnitude(x: i64): u64 { return x < 0 ? <u64>0 - <u64>x : <u64>x; }

/** a ⊕ b: saturating addition. */
// @ts-ignore: decorator
@inline
export function satAdd(a: i64, b: i64): i64 {
  const s = a + b;
  // Overflow iff a and b share a sign that s does not.
  if (((a ^ s) & (b ^ s)) < 0) return a < 0 ? Q_MIN : Q_MAX;
  return s;
}

/** a ⊖ b: saturating subtraction. */
// @ts-ignore: decorator
@inline
export function satSub(a: i64, b: i64): i64 {
  const s = a - b;
  if (((a ^ b) & (a ^ s)) < 0) return a < 0 ? Q_MIN : Q_MAX;
  return s;
}

/**
 * ⌊a·b / 2^32⌋ (floor toward −∞), exact via a 128-bit product. On overflow sets `fxOverflow` and
 * returns the saturated value; `qmul` and `qmulChecked` pick what the caller needs.
 */
function qmulWide(a: i64, b: i64): i64 {
  const negative = (a ^ b) < 0;
  const hi = umul128(magnitude(a), magnitude(b));
  const lo = mulLo;
  const floorMag = (hi << 32) | (lo >> 32);
  if (!negative) {
    if (hi >> 31 != 0) { fxOverflow = true; return Q_MAX; }
    return <i64>floorMag;
  }
  // floor of a negative quotient = −ceil(|a·b| / 2^32)
  const ceilMag = floorMag + <u64>((lo & 0xffffffff) != 0);
  if (hi >> 32 != 0 || ceilMag > (<u64>1 << 63) || ceilMag < floorMag) { fxOverflow = true; return Q_MIN; }
  return <i64>(<u64>0 - ceilMag);
}

/** a ⊗ b: saturating multiplication, floored. */
// @ts-ignore: decorator
@inline
export function qmul(a: i64, b: i64): i64 {
  // Fast path: both operands in [0, 1.0) fit a u64 product exactly.
  if (((a | b) >>> 32) == 0) return <i64>((<u64>a * <u64>b) >> 32);
  const saved = fxOverflow;
  const r = qmulWide(a, b);
  fxOverflow = saved;
  return r;
}

/** checked_mul: the floored product, or 0 with `fxOverflow` set when it does not fit. */
export function qmulChecked(a: i64, b: i64): i64 {
  if (((a | b) >>> 32) == 0) return <i64>((<u64>a * <u64>b) >> 32);
  const saved = fxOverflow;
  fxOverflow = false;
  const r = qmulWide(a, b);
  if (fxOverflow) return 0;
  fxOverflow = saved;
  return r;
}

/**
 * trunc(a·2^32 / b) as an unsigned magnitude; returns u64.MAX_VALUE as "does not fit in 64 bits".
 * `ua`, `ub` are magnitudes; `ub` ≠ 0.
 */
function udivShifted(ua: u64, ub: u64): u64 {
  const u1 = ua >> 32;
  if (u1 >= ub) return u64.MAX_VALUE;
  // Fast path: a double-precision estimate is within ±1 of the true quotient while it is below 2^50
  // (three roundings, relative error < 2^-51). With b < 2^62 the true remainder a·2^32 − q·b lies in
  // (−2^62, 2^63), so computing it modulo 2^64 and reading it as signed is exact: one product fixes q.
  const est = <f64><i64>ua * 4294967296.0 / <f64><i64>ub;
  if (est < 1125899906842624.0 && (ub >> 62) == 0 && (ua >> 63) == 0) {
    const q = <u64><i64>est;
    const r = <i64>((ua << 32) - q * ub);
    if (r < 0) return q - 1;
    return <u64>r >= ub ? q + 1 : q;
  }
  const estU = <f64>ua * 4294967296.0 / <f64>ub;
  if (estU < 1125899906842624.0) {
    let q = <u64>estU;
    const u0 = ua << 32;
    const pHi = umul128(q, ub);
    const pLo = mulLo;
    if (pHi > u1 || (pHi == u1 && pLo > u0)) return q - 1;        // q·b > a·2^32
    const rLo = u0 - pLo;                                           // remainder a·2^32 − q·b (< 2b)
    const rHi = u1 - pHi - <u64>(u0 < pLo);
    if (rHi != 0 || rLo >= ub) q++;
    return q;
  }
  if (u1 == 0) return (ua << 32) / ub;
  return divlu(u1, ua << 32, ub);
}

/** Signed truncating quotient; `fits` reports whether it is representable in i64. */
let divFits = true;
function qdivRaw(a: i64, b: i64): i64 {
  const negative = (a ^ b) < 0;
  const q = udivShifted(magnitude(a), magnitude(b));
  if (!negative) {
    divFits = q <= <u64>Q_MAX;
    return divFits ? <i64>q : Q_MAX;
  }
  divFits = q <= (<u64>1 << 63);
  return divFits ? <i64>(<u64>0 - q) : Q_MIN;
}

/** a ⊘ b = subtensor's safe_div: 0 when b = 0 or when the quotient overflows; else trunc(a/b). */
// @ts-ignore: decorator
@inline
export function qdiv(a: i64, b: i64): i64 {
  // The epoch's quotients are mostly of non-negative operands where a·2^32 fits in 64 bits, directly
  // (a < 2^32: proportions) or after dropping 32 zero bits from both (Q values of integers, e.g. u16
  // weights and their sums): one native unsigned division, truncating like the definition.
  if (b > 0 && a >= 0) {
    if (a < ONE) {
      const q = (<u64>a << 32) / <u64>b;
      return q > <u64>Q_MAX ? 0 : <i64>q;
    }
    // a = a'·2^32, b = b'·2^32: trunc(a·2^32 / b) = trunc(a / b'), below 2^63.
    if (((a | b) & (ONE - 1)) == 0) return <i64>(<u64>a / (<u64>b >> 32));
  }
  return qdivGeneral(a, b);
}

function qdivGeneral(a: i64, b: i64): i64 {
  if (b == 0) return 0;
  const q = qdivRaw(a, b);
  return divFits ? q : 0;
}

/** 1 ⊘ d for d ≥ 1 (raw ≥ 2^32), where the quotient ⌊2^64 / d⌋ ≤ 1 always fits: one native division. */
// @ts-ignore: decorator
@inline
export function oneOver(d: i64): i64 {
  // ⌊(2^64 − 1) / d⌋ is ⌊2^64 / d⌋ unless d divides 2^64, which (q + 1)·d wrapping to 0 reveals.
  const q = u64.MAX_VALUE / <u64>d;
  return <i64>((q + 1) * <u64>d == 0 ? q + 1 : q);
}

/** saturating_div: trunc(a/b) clamped to the type range (b = 0 saturates by the sign of a). */
export function qdivSat(a: i64, b: i64): i64 {
  if (b == 0) return a < 0 ? Q_MIN : (a == 0 ? 0 : Q_MAX);
  return qdivRaw(a, b);
}

/** checked_div: trunc(a/b), or 0 with `fxOverflow` set when b = 0 or it overflows. */
export function qdivChecked(a: i64, b: i64): i64 {
  if (b == 0) { fxOverflow = true; return 0; }
  const q = qdivRaw(a, b);
  if (!divFits) { fxOverflow = true; return 0; }
  return q;
}

/** Q(v): an integer as I32F32, saturating. */
// @ts-ignore: decorator
@inline
export function fromInt(v: i64): i64 {
  if (v > 0x7fffffff) return Q_MAX;
  if (v < -0x80000000) return Q_MIN;
  return v << 32;
}

/** u16_proportion_to_fixed: Q(v) ⊘ Q(65535). */
// @ts-ignore: decorator
@inline
export function u16Proportion(v: i64): i64 { return qdiv(v << 32, U16_MAX_Q); }

/** to_num for an unsigned target: floor, negative → 0, clamp at `max`. */
// @ts-ignore: decorator
@inline
export function toUnsigned(x: i64, max: i64): i64 {
  if (x < 0) return 0;
  const v = x >> 32;
  return v > max ? max : v;
}

/** fixed_proportion_to_u16: ⌊x ⊗ 65535⌋ clamped to 0..65535 — how every u16 output is written. */
// @ts-ignore: decorator
@inline
export function toU16Proportion(x: i64): i32 {
  // x ⊗ Q(65535) = x·65535 exactly (no fraction to floor) unless it saturates, which needs x ≥ 2^47.
  if (<u64>x < (<u64>1 << 47)) return <i32>min<i64>((x * 65535) >> 32, 65535);
  return <i32>toUnsigned(qmul(x, U16_MAX_Q), 65535);
}

/** from_num(f64): round to nearest, ties to even, saturating. */
export function fromF64(f: f64): i64 {
  const scaled = nearest(f * 4294967296.0);
  if (scaled >= 9223372036854775807.0) return Q_MAX;
  if (scaled <= -9223372036854775808.0) return Q_MIN;
  return <i64>scaled;
}

/** round(): nearest integer, ties away from zero, as a raw Q value. */
export function roundHalfAway(x: i64): i64 {
  const half: i64 = 1 << 31;
  const mask: i64 = ~(ONE - 1);
  if (x >= 0) return satAdd(x, half) & mask;
  return 0 - (satAdd(0 - x, half) & mask);
}
