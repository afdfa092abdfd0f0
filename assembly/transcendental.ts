// exp and ln as the substrate-fixed crate evaluates them in I32F32 (spec §2, "Transcendentals"):
// a Taylor series with a 23-bit `e` constant and binary-squaring log2. Not libm: exp(20) is
// ≈ 481239357.674 here. Used only by liquid alpha (and its legacy form).

import { ONE, Q_MAX, fxOverflow, clearOverflow, satAdd, qmulChecked, qdiv, qdivChecked, qdivSat, qmul } from './fixed';
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
// sum under 2^48, so exp cannot fail and seriesTerm applies at every step.
const LOCKSTEP_MAX: i64 = <i64>11 << 32;

// @ts-ignore: decorator
@inline function nearInteger(e: f64, g: f64): bool { const m = e * 8.881784197001252e-16; return (e - g < m) | (g + 1.0 - e < m); }

// @ts-ignore: decorator
@inline function lockstepReady(x: i64): bool { return x != ONE && <u64>(x + LOCKSTEP_MAX) <= <u64>(LOCKSTEP_MAX << 1); }

/**
 * out[k] = exp_safe(x[k]) for k < count (i64 arrays by address; `out` may be `x`). Groups of four
 * arguments within ±11 run their series in lockstep, so that four independent chains of dependent
 * steps overlap in the CPU; the values are exactly exp's. Other groups take expSafe one by one.
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
    const y0 = x0 < 0 ? -x0 : x0, y1 = x1 < 0 ? -x1 : x1, y2 = x2 < 0 ? -x2 : x2, y3 = x3 < 0 ? -x3 : x3;
    const f0 = <f64>y0, f1 = <f64>y1, f2 = <f64>y2, f3 = <f64>y3;
    // Terms and sums are integers below 2^48 here, so doubles hold them exactly.
    let t0 = f0, t1 = f1, t2 = f2, t3 = f3;
    let r0 = 4294967296.0 + f0, r1 = 4294967296.0 + f1, r2 = 4294967296.0 + f2, r3 = 4294967296.0 + f3;
    for (let i: i64 = 2; i <= 31; i++) {
      const inv = unchecked(INV_DIVISOR[<i32>i]);
      const e0 = t0 * (f0 * inv), e1 = t1 * (f1 * inv), e2 = t2 * (f2 * inv), e3 = t3 * (f3 * inv);
      const g0 = floor(e0), g1 = floor(e1), g2 = floor(e2), g3 = floor(e3);
      if (nearInteger(e0, g0) | nearInteger(e1, g1) | nearInteger(e2, g2) | nearInteger(e3, g3)) {
        t0 = <f64>seriesTerm(<i64>t0, y0, f0 * inv, i); t1 = <f64>seriesTerm(<i64>t1, y1, f1 * inv, i);
        t2 = <f64>seriesTerm(<i64>t2, y2, f2 * inv, i); t3 = <f64>seriesTerm(<i64>t3, y3, f3 * inv, i);
      } else {
        t0 = g0; t1 = g1; t2 = g2; t3 = g3;
      }
      if (t0 + t1 + t2 + t3 == 0) break;
      r0 += t0; r1 += t1; r2 += t2; r3 += t3;
    }
    const q0 = <i64>r0, q1 = <i64>r1, q2 = <i64>r2, q3 = <i64>r3;
    // Negative x: 1 ⊘ result, where result ≥ 1 so the quotient fits (checked_div cannot fail).
    setI64(out, k, x0 < 0 ? qdiv(ONE, q0) : q0); setI64(out, k + 1, x1 < 0 ? qdiv(ONE, q1) : q1);
    setI64(out, k + 2, x2 < 0 ? qdiv(ONE, q2) : q2); setI64(out, k + 3, x3 < 0 ? qdiv(ONE, q3) : q3);
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
