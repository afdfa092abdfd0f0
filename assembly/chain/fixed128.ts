// The coinbase's fixed-point types on U128 raw bits, with substrate-fixed semantics (spec chain.md §5.7):
// U96F32 (value = raw / 2^32) and U64F64 (value = raw / 2^64). Products floor, quotients truncate,
// sums saturate; `div*` return false on a zero divisor or overflow (checked_div's None). No allocation.

import { U128, set, mulShr, divShl, addSat, subSat, cmp } from './u128';

export const F32: i32 = 32;
export const F64: i32 = 64;

/** U96F32 from an integer: raw = v·2^32. */
export function u96FromInt(out: U128, v: u64): U128 { return set(out, v >> 32, v << 32); }

/** U96F32 from a raw value that already has 32 fractional bits and fits u64 (e.g. a stored EMA price). */
export function u96FromRaw32(out: U128, raw: u64): U128 { return set(out, 0, raw); }

/** U64F64 from an integer: raw = v·2^64. */
export function u64f64FromInt(out: U128, v: u64): U128 { return set(out, v, 0); }

/** U64F64 from 32-fractional-bit raw bits (exact widening). */
export function u64f64FromRaw32(out: U128, raw: u64): U128 { return set(out, raw >> 32, raw << 32); }

/** saturating_to_num::<u64>() of a U96F32: floor, clamped to u64::MAX. */
export function u96ToU64(a: U128): u64 {
  if (a.hi >> 32 != 0) return u64.MAX_VALUE;
  return (a.hi << 32) | (a.lo >> 32);
}

/** saturating_to_num::<u64>() of a U64F64: the integer part. */
export function u64f64ToU64(a: U128): u64 { return a.hi; }

/** U64F64 → U96F32 (drop 32 fractional bits: floor). */
export function u64f64ToU96(out: U128, a: U128): U128 { return set(out, a.hi >> 32, (a.hi << 32) | (a.lo >> 32)); }

/** U96F32 → U64F64, saturating when the integer part needs more than 64 bits. */
export function u96ToU64f64(out: U128, a: U128): U128 {
  if (a.hi >> 32 != 0) return set(out, u64.MAX_VALUE, u64.MAX_VALUE);
  return set(out, (a.hi << 32) | (a.lo >> 32), a.lo << 32);
}

/** Raw bits with 32 fractional bits of a U96F32 whose value is below 2^32 (prices, EMA prices, fractions). */
export function u96Raw32(a: U128): u64 { return a.hi != 0 ? u64.MAX_VALUE : a.lo; }

/** ⊗ in U96F32. */
export function u96Mul(out: U128, a: U128, b: U128): U128 { return mulShr(out, a, b, F32); }
/** ⊘ in U96F32 (checked). */
export function u96Div(out: U128, a: U128, b: U128): bool { return divShl(out, a, b, F32); }
/** ⊗ in U64F64. */
export function u64f64Mul(out: U128, a: U128, b: U128): U128 { return mulShr(out, a, b, F64); }
/** ⊘ in U64F64 (checked). */
export function u64f64Div(out: U128, a: U128, b: U128): bool { return divShl(out, a, b, F64); }

export { addSat, subSat, cmp, set };
