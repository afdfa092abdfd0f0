// Vector functions of subtensor's epoch/math.rs that the current epoch does not call (set_weights
// checks, the pre-2024 sigmoid, the old trust division, checked sums), in the same exact I32F32
// semantics, so tests/assembly can check every math.rs vector. Test-only.

import { ONE, fromInt, qdiv, qmul, satAdd, satSub, u16Proportion } from './fixed';
import { expSafe } from './transcendental';
import { Vec64 } from './sparse';
import { inplaceNormalize } from './vecmath';

/** check_vec_max_limited: max(normalise(Q(values))) ≤ Q(limit) ⊘ Q(65535); true for an empty vector. */
export function checkVecMaxLimited(values: Vec64, maxLimit: i64): bool {
  if (values.length == 0) return true;
  const x = new StaticArray<i64>(values.length);
  for (let i = 0; i < x.length; i++) x[i] = fromInt(values[i]);
  inplaceNormalize(x);
  let m = x[0];
  for (let i = 1; i < x.length; i++) if (x[i] > m) m = x[i];
  return m <= u16Proportion(maxLimit);
}

/** sigmoid_safe(x, ρ, κ) = 1 ⊘ (exp_safe((ρ ⊗ −1) ⊗ (x ⊖ κ)) ⊕ 1), every step saturating. */
export function sigmoidSafe(x: i64, rho: i64, kappa: i64): i64 {
  const offset = satSub(x, kappa);
  const negRho = qmul(rho, -ONE);
  const e = expSafe(qmul(negRho, offset));
  return qdiv(ONE, satAdd(e, ONE));
}

/** vecdiv: x_i ⊘ y_i (safe_div, so 0 where y_i = 0); a missing y_i counts as 0. */
export function vecdiv(x: Vec64, y: Vec64): Vec64 {
  const out = new StaticArray<i64>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = qdiv(x[i], i < y.length ? y[i] : 0);
  return out;
}

/** Set by `checkedSum` when the sum overflowed (Rust's `None`). */
export let checkedSumOverflowed = false;

/** checked_sum over u64 values: the sum, or 0 with `checkedSumOverflowed` set on overflow. */
export function checkedSum(values: StaticArray<u64>): u64 {
  checkedSumOverflowed = false;
  let s: u64 = 0;
  for (let i = 0; i < values.length; i++) {
    const next = s + values[i];
    if (next < s) { checkedSumOverflowed = true; return 0; }
    s = next;
  }
  return s;
}

/** Whether an integer fits I32F32's integer range, i.e. `I32F32::from_num(v)` would not panic. */
export function fitsFixed(v: i64): bool { return v >= -0x80000000 && v <= 0x7fffffff; }

/** fixed_to_u64: floor, negative → 0 (an I32F32 never exceeds u64). */
export function fixedToU64(x: i64): u64 { return x < 0 ? 0 : <u64>(x >> 32); }
