// exp and ln as the substrate-fixed crate evaluates them in I32F32 (spec §2, "Transcendentals"):
// a Taylor series with a 23-bit `e` constant and binary-squaring log2. Not libm: exp(20) is
// ≈ 481239357.674 here. Used only by liquid alpha (and its legacy form).

import { ONE, Q_MAX, fxOverflow, clearOverflow, satAdd, qmulChecked, oneOver, qdivChecked, qdivSat, qmul } from './fixed';
import { getI64, setI64 } from './raw';

/** e and log2(e) as the crate stores them: 23 fractional bits, widened to 32. */
const E_Q: i64 = <i64>22802600 << 9; // ⌊e·2^23⌋ (the spec text says …601; the crate and math-tests.json use …600)
const LOG2_E_Q: i64 = <i64>12102203 << 9;
const TWENTY: i64 = <i64>20 << 32;

/** Set when the last `exp` or `ln` call failed (the crate's `Err`). */
export let transcendentalError = false;

// 1 / (i·2^32) for the series divisors i = 2..31 (each correctly rounded), for seriesTerm.
const INV_DIVISOR = new StaticArray<f64>(32);
for (let i = 2; i < 32; i++) unchecked((INV_DIVISOR[i] = 1.0 / (<f64>i * 4294967296.0)));
const FAST_TERM: i64 = <i64>1 << 46;

/**
 * One series step ⌊⌊term·y / 2^32⌋ / i⌋ = ⌊term·y / (i·2^32)⌋ (nested floors of non-negative integers)
 * for 0 ≤ term < 2^46 and 0 ≤ y ≤ 20, where checked_mul cannot overflow, without a 128-bit product or
 * an integer division. Exact: the double estimate (three roundings, quotient < 2^50) is within 1 of the
 * quotient, and the remainder term·y − q·i·2^32, in (−2^38, 2^38), is exact modulo 2^64 and picks ⌊·⌋.
 */
// @ts-ignore: decorator
@inline function seriesTerm(term: i64, y: i64, yOverDivisor: f64, i: i64): i64 {
  const q = <i64>(<f64>term * yOverDivisor);
  const divisor = i << 32;
  const rem = term * y - q * divisor;
  if (rem < 0) return q - 1;
  return rem >= divisor ? q + 1 : q;
}

/** substrate-fixed `exp`: 1 + y + y²/2! + … + y^31/31!, reciprocal for negative x; overflow → error. */
export function exp(x: i64): i64 {
  transcendentalError = false;
  if (x == 0) return ONE;
  if (x == ONE) return E_Q;
  const y = x < 0 ? -x : x;
  let result = satAdd(ONE, y);
  let term = y;
  const fast = y >= 0 && y <= TWENTY;
  const yf = <f64>y;
  clearOverflow();
  for (let i: i64 = 2; i <= 31; i++) {
    if (fast && term < FAST_TERM) {
      term = seriesTerm(term, y, yf * unchecked(INV_DIVISOR[<i32>i]), i);
    } else {
      term = qmulChecked(term, y);
      if (fxOverflow) { transcendentalError = true; return 0; }
      // term ⊘' Q(i): plain truncating division; trunc(raw·2^32 / (i·2^32)) = trunc(raw / i).
      term = term / i;
    }
    // Once a term is 0 every later term is 0 (0 ⊗ y = 0): the rest of the series adds nothing.
    if (term == 0) break;
    const next = result + term;
    if (next < result) { transcendentalError = true; return 0; }
    result = next;
  }
  if (x < 0) {
    result = qdivChecked(ONE, result);
    if (fxOverflow) { transcendentalError = true; return 0; }
  }
  return result;
}

/** subtensor's exp_safe: clamp x to [−20, 20]; on error 0 for x ≤ 0, Q::MAX otherwise. */
export function expSafe(x: i64): i64 {
  const clamped = x < -TWENTY ? -TWENTY : x > TWENTY ? TWENTY : x;
  const r = exp(clamped);
  if (transcendentalError) return clamped <= 0 ? 0 : Q_MAX;
  return r;
}

// Below |x| = 11 every series term is under 2^46 (the largest real term, 11^11/11!, is under 2^14) and the
// sum under 2^48, so exp cannot fail, seriesTerm applies at every step and doubles hold every value exactly.
const LOCKSTEP_MAX: i64 = <i64>11 << 32;

// @ts-ignore: decorator
@inline function lockstepReady(x: i64): bool { return x != ONE && <u64>(x + LOCKSTEP_MAX) <= <u64>(LOCKSTEP_MAX << 1); }

/**
 * Lanes where a step's double estimate e lies within its error bound of an integer: e = t·(y·inv) has
 * three roundings (relative error < 2^-51), so e·2^-50 bounds its distance to the real quotient, and
 * the floor g of e is the quotient's floor unless e − g or g + 1 − e (both exact) is below that.
 */
// @ts-ignore: decorator
@inline function nearInteger(e: v128, g: v128): v128 {
  const bound = f64x2.mul(e, f64x2.splat(8.881784197001252e-16));
  return v128.or(f64x2.lt(f64x2.sub(e, g), bound), f64x2.lt(f64x2.sub(f64x2.add(g, f64x2.splat(1.0)), e), bound));
}

/** The exact step (seriesTerm) in both lanes: terms t and arguments y as doubles, divisor index i. */
function exactSteps(t: v128, y: v128, i: i64): v128 {
  const inv = unchecked(INV_DIVISOR[<i32>i]);
  const y0 = f64x2.extract_lane(y, 0), y1 = f64x2.extract_lane(y, 1);
  return f64x2(
    <f64>seriesTerm(<i64>f64x2.extract_lane(t, 0), <i64>y0, y0 * inv, i),
    <f64>seriesTerm(<i64>f64x2.extract_lane(t, 1), <i64>y1, y1 * inv, i),
  );
}

/** exp from the series sum r (a double holding an integer ≥ 1): r, or 1 ⊘ r for negative x (it fits). */
// @ts-ignore: decorator
@inline function finish(x: i64, r: f64): i64 {
  const sum = <i64>r;
  return x < 0 ? oneOver(sum) : sum;
}

/**
 * out[k] = exp_safe(x[k]) for k < count (i64 arrays by address; `out` may be `x`), exactly. Groups of
 * four arguments within ±11 run their series in lockstep, two lanes per SIMD register, so that four
 * independent chains of dependent steps overlap; each step's floor comes from the double estimate, or
 * from the exact integer step where nearInteger cannot vouch for it. Other groups take expSafe.
 */
export function expSafeAll(x: usize, out: usize, count: i32): void {
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const x0 = getI64(x, k), x1 = getI64(x, k + 1), x2 = getI64(x, k + 2), x3 = getI64(x, k + 3);
    if (!(lockstepReady(x0) && lockstepReady(x1) && lockstepReady(x2) && lockstepReady(x3))) {
      setI64(out, k, expSafe(x0)); setI64(out, k + 1, expSafe(x1));
      setI64(out, k + 2, expSafe(x2)); setI64(out, k + 3, expSafe(x3));
      continue;
    }
    const ya = f64x2(<f64>(x0 < 0 ? -x0 : x0), <f64>(x1 < 0 ? -x1 : x1));
    const yb = f64x2(<f64>(x2 < 0 ? -x2 : x2), <f64>(x3 < 0 ? -x3 : x3));
    let ta = ya, tb = yb;
    let ra = f64x2.add(f64x2.splat(4294967296.0), ya), rb = f64x2.add(f64x2.splat(4294967296.0), yb);
    for (let i: i64 = 2; i <= 31; i++) {
      const inv = f64x2.splat(unchecked(INV_DIVISOR[<i32>i]));
      const ea = f64x2.mul(ta, f64x2.mul(ya, inv)), eb = f64x2.mul(tb, f64x2.mul(yb, inv));
      const ga = f64x2.floor(ea), gb = f64x2.floor(eb);
      if (v128.any_true(v128.or(nearInteger(ea, ga), nearInteger(eb, gb)))) {
        ta = exactSteps(ta, ya, i); tb = exactSteps(tb, yb, i);
      } else {
        ta = ga; tb = gb;
      }
      // Terms are +0.0 or positive: all bits zero means every later term is zero too.
      if (!v128.any_true(v128.or(ta, tb))) break;
      ra = f64x2.add(ra, ta); rb = f64x2.add(rb, tb);
    }
    setI64(out, k, finish(x0, f64x2.extract_lane(ra, 0))); setI64(out, k + 1, finish(x1, f64x2.extract_lane(ra, 1)));
    setI64(out, k + 2, finish(x2, f64x2.extract_lane(rb, 0))); setI64(out, k + 3, finish(x3, f64x2.extract_lane(rb, 1)));
  }
  for (; k < count; k++) setI64(out, k, expSafe(getI64(x, k)));
}

/** Halving with round-half-up on the dropped bit, on raw bits. */
// @ts-ignore: decorator
@inline function halveRoundUp(x: i64): i64 { return (x >> 1) + (x & 1); }

/** log2 for x ≥ 1: integer part by halving, then 32 fractional bits by repeated squaring. */
function log2AtLeastOne(x: i64): i64 {
  const two: i64 = ONE << 1;
  let count: i64 = 0;
  while (x >= two) { x = halveRoundUp(x); count++; }
  if (x == ONE) return count << 32;
  let frac: i64 = 0;
  for (let i = 0; i < 32; i++) {
    x = qmul(x, x);
    frac <<= 1;
    if (x >= two) { frac |= 1; x = halveRoundUp(x); }
  }
  return (count << 32) + frac;
}

/** substrate-fixed `ln(x) = log2(x) / log2(e)`; x ≤ 0 is an error (returns 0 with the flag set). */
export function ln(x: i64): i64 {
  transcendentalError = false;
  if (x <= 0) { transcendentalError = true; return 0; }
  const l2 = x < ONE ? -log2AtLeastOne(qdivSat(ONE, x)) : log2AtLeastOne(x);
  return qdivSat(l2, LOG2_E_Q);
}

/** The epoch's safe_ln: ln, or 0 on error. */
export function safeLn(x: i64): i64 {
  const r = ln(x);
  return transcendentalError ? 0 : r;
}
