// Vector helpers of the f64 twin, mirroring ../vecmath.ts with real arithmetic: the same names and
// the same "unchanged if the sum is 0" rules, without floors, truncation or saturation.

import { VecF } from './sparse';

const U16_SCALE: f64 = 65535;

/** Σx in index order. */
export function sumF(x: VecF): f64 {
  let s: f64 = 0;
  for (let i = 0; i < x.length; i++) s += unchecked(x[i]);
  return s;
}

/** Mutates x to x / Σx; leaves it unchanged if Σx = 0 (the chain's safe_div guard). */
export function inplaceNormalizeF(x: VecF): void {
  const s = sumF(x);
  if (s == 0) return;
  for (let i = 0; i < x.length; i++) unchecked((x[i] = x[i] / s));
}

/** x / Σx as a new vector; an unchanged copy if Σx = 0. */
export function normalizeF(x: VecF): VecF {
  const out = StaticArray.slice<f64>(x);
  inplaceNormalizeF(out);
  return out;
}

/** A copy of x with x[i] := 0 where mask[i]. */
export function vecMaskZeroF(x: VecF, mask: StaticArray<bool>): VecF {
  const out = StaticArray.slice<f64>(x);
  for (let i = 0; i < x.length; i++) if (unchecked(mask[i])) unchecked((out[i] = 0));
  return out;
}

/**
 * ⌊x·65535⌋ clamped to 0..65535: how every u16 output is written (spec §2 fixed_proportion_to_u16),
 * here from the real value. A value 1 − ε stores as 65534 here too; exactly 1 stores as 65535.
 */
export function toU16F(x: f64): f64 {
  const v = Math.floor(x * U16_SCALE);
  return v < 0 ? 0 : v > U16_SCALE ? U16_SCALE : v;
}

/** toU16F of each element. */
export function vecToU16F(x: VecF): VecF {
  const out = new StaticArray<f64>(x.length);
  for (let i = 0; i < x.length; i++) unchecked((out[i] = toU16F(x[i])));
  return out;
}

/** Rounds half away from zero (Rust's `round`). */
// @ts-ignore: decorator
@inline function roundHalfAway(x: f64): f64 { return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5); }

/**
 * vec_max_upscale_to_u16 in real arithmetic (the legacy pruning scores): m = the first-found maximum;
 * m = 0 → ⌊x·65535⌋; otherwise round(x·65535 / m), half away from zero, clamped to 0..65535.
 */
export function vecMaxUpscaleToU16F(x: VecF): VecF {
  let m: f64 = x.length > 0 ? unchecked(x[0]) : 0;
  for (let i = 1; i < x.length; i++) if (unchecked(x[i]) > m) m = unchecked(x[i]);
  const out = new StaticArray<f64>(x.length);
  for (let i = 0; i < x.length; i++) {
    if (m == 0) { unchecked((out[i] = toU16F(x[i]))); continue; }
    const v = roundHalfAway((unchecked(x[i]) * U16_SCALE) / m);
    unchecked((out[i] = v < 0 ? 0 : v > U16_SCALE ? U16_SCALE : v));
  }
  return out;
}

/** A bool vector as 0/1 values. */
export function boolsToVecF(b: StaticArray<bool>): VecF {
  const out = new StaticArray<f64>(b.length);
  for (let i = 0; i < b.length; i++) unchecked((out[i] = b[i] ? 1 : 0));
  return out;
}
