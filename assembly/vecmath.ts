// Vector helpers of subtensor's epoch/math.rs on raw I32F32 vectors (spec §2, §4). Names follow
// math.rs in camelCase; `inplace*` mutates its argument, everything else returns a new vector.

import { qdiv, qmul, satAdd, roundHalfAway, toUnsigned, toU16Proportion, U16_MAX_Q, fromInt } from './fixed';
import { Vec64 } from './sparse';

/** Σx with plain (exact) integer addition, as Rust's `iter().sum()`. */
export function sum(x: Vec64): i64 {
  let s: i64 = 0;
  for (let i = 0; i < x.length; i++) s += unchecked(x[i]);
  return s;
}

/** x ⊘ Σx element-wise; unchanged copy if Σx = 0. */
export function normalize(x: Vec64): Vec64 {
  const out = StaticArray.slice<i64>(x);
  inplaceNormalize(out);
  return out;
}

/** Mutates x to x ⊘ Σx; leaves it unchanged if Σx = 0. */
export function inplaceNormalize(x: Vec64): void {
  const s = sum(x);
  if (s == 0) return;
  for (let i = 0; i < x.length; i++) unchecked((x[i] = qdiv(x[i], s)));
}

/** A copy of x with x[i] := 0 where mask[i]. */
export function vecMaskZero(x: Vec64, mask: StaticArray<bool>): Vec64 {
  const out = StaticArray.slice<i64>(x);
  for (let i = 0; i < x.length; i++) if (unchecked(mask[i])) unchecked((out[i] = 0));
  return out;
}

/** fixed_proportion_to_u16 of each element, as i64 (the storage writes of spec §4.14). */
export function vecToU16(x: Vec64): Vec64 {
  const out = new StaticArray<i64>(x.length);
  for (let i = 0; i < x.length; i++) unchecked((out[i] = toU16Proportion(x[i])));
  return out;
}

/** Element-wise saturating sum a ⊕ b. */
export function vecAdd(a: Vec64, b: Vec64): Vec64 {
  const out = new StaticArray<i64>(a.length);
  for (let i = 0; i < a.length; i++) unchecked((out[i] = satAdd(a[i], b[i])));
  return out;
}

/** x ⊘ d element-wise (safe_div). */
export function vecDivScalar(x: Vec64, d: i64): Vec64 {
  const out = new StaticArray<i64>(x.length);
  for (let i = 0; i < x.length; i++) unchecked((out[i] = qdiv(x[i], d)));
  return out;
}

/**
 * vec_max_upscale_to_u16: scale so the maximum becomes 65535, rounding half away from zero.
 * m = 0 → ⌊x·65535⌋; m > 32768 → round(x ⊗ (65535 ⊘ m)); else round((x ⊗ 65535) ⊘ m).
 */
export function vecMaxUpscaleToU16(x: Vec64): Vec64 {
  // The maximum as Rust's iter().max() finds it (so an all-negative vector has a negative maximum).
  let m: i64 = x.length > 0 ? unchecked(x[0]) : 0;
  for (let i = 1; i < x.length; i++) if (unchecked(x[i]) > m) m = unchecked(x[i]);
  const out = new StaticArray<i64>(x.length);
  const limit: i64 = fromInt(32768);
  if (m == 0) {
    for (let i = 0; i < x.length; i++) unchecked((out[i] = toU16Proportion(x[i])));
  } else if (m > limit) {
    const ratio = qdiv(U16_MAX_Q, m);
    for (let i = 0; i < x.length; i++) unchecked((out[i] = toUnsigned(roundHalfAway(qmul(x[i], ratio)), 65535)));
  } else {
    for (let i = 0; i < x.length; i++) {
      unchecked((out[i] = toUnsigned(roundHalfAway(qdiv(qmul(x[i], U16_MAX_Q), m)), 65535)));
    }
  }
  return out;
}

/** vec_u16_max_upscale_to_u16: how set_weights stores submitted u16 values (spec §11.1). */
export function vecU16MaxUpscaleToU16(values: Vec64): Vec64 {
  const q = new StaticArray<i64>(values.length);
  for (let i = 0; i < values.length; i++) unchecked((q[i] = fromInt(values[i])));
  return vecMaxUpscaleToU16(q);
}
