// Liquid alpha: the per-bond sigmoid of the Yuma 3 path (spec §4.12) and the legacy
// consensus-quantile logistic of the pre-2025-05 Yuma 1 path (spec §10.2).

import { ONE, qmul, qdivSat, oneOver, satAdd, satSub, fromInt, fromF64 } from './fixed';
import { exp, expSafe, expSafeAll, safeLn, transcendentalError } from './transcendental';
import { ptr, getI32, setI32, getI64, setI64 } from './raw';
import { Vec64 } from './sparse';

const HALF: i64 = ONE >> 1;

// The arguments of one expSafeEach call that need a series: as found with their positions, then
// ordered by |x|, and their results (grown, kept between epochs).
let restX = new StaticArray<i64>(0);
let restAt = new StaticArray<i32>(0);
let sortedX = new StaticArray<i64>(0);
let sortedAt = new StaticArray<i32>(0);
let sortedE = new StaticArray<i64>(0);
const SIZE_CLASSES = 64;
const classStart = new StaticArray<i32>(SIZE_CLASSES + 1);

/** |x| in eighths, capped: series of arguments in one class need about as many terms. */
// @ts-ignore: decorator
@inline function sizeClass(x: i64): i32 { return <i32>min<u64>(<u64>(x < 0 ? -x : x) >> 29, SIZE_CLASSES - 1); }

/**
 * Replaces each of the `count` i64 at address `xe`, sigmoid arguments x for `scale`, by exp_safe(x).
 * d = 0 (a weight at or below consensus and at or above its bond, common once validators agree) and
 * d = 1 give the same x for every bond, computed once; the others run together (expSafeAll), ordered
 * by size so that the four series run in lockstep end after about the same number of terms.
 */
export function expSafeEach(xe: usize, count: i32, scale: i64): void {
  if (restX.length < count) {
    restX = new StaticArray<i64>(count);
    restAt = new StaticArray<i32>(count);
    sortedX = new StaticArray<i64>(count);
    sortedAt = new StaticArray<i32>(count);
    sortedE = new StaticArray<i64>(count);
  }
  const rx = ptr(restX), at = ptr(restAt), sx = ptr(sortedX), sat = ptr(sortedAt), se = ptr(sortedE);
  const classes = ptr(classStart);
  memory.fill(classes, 0, (SIZE_CLASSES + 1) << 2);
  const xLow = sigmoidArgumentOf(0, scale), xHigh = sigmoidArgumentOf(ONE, scale);
  const eLow = expSafe(xLow), eHigh = expSafe(xHigh);
  let rest = 0;
  for (let k = 0; k < count; k++) {
    const x = getI64(xe, k);
    if (x == xLow) { setI64(xe, k, eLow); continue; }
    if (x == xHigh) { setI64(xe, k, eHigh); continue; }
    setI64(rx, rest, x); setI32(at, rest, k); rest++;
    const c = sizeClass(x) + 1;
    setI32(classes, c, getI32(classes, c) + 1);
  }
  for (let c = 0; c < SIZE_CLASSES; c++) setI32(classes, c + 1, getI32(classes, c + 1) + getI32(classes, c));
  for (let m = 0; m < rest; m++) {
    const x = getI64(rx, m);
    const c = sizeClass(x);
    const to = getI32(classes, c);
    setI32(classes, c, to + 1);
    setI64(sx, to, x); setI32(sat, to, getI32(at, m));
  }
  expSafeAll(sx, se, rest);
  for (let m = 0; m < rest; m++) setI64(xe, getI32(sat, m), getI64(se, m));
}

const MINUS_100: i64 = fromInt(-100);

// @ts-ignore: decorator
@inline function clamp01(x: i64): i64 { return x < 0 ? 0 : x > ONE ? ONE : x; }

/**
 * α for one bond: d = clamp(w ⊖ c) if w ≥ b else clamp(b ⊖ w); x = (σ ÷ −100) ⊗ (d ⊖ ½);
 * sig = 1 ÷ (1 ⊕ exp_safe(x)); α = clamp(α_lo ⊕ sig ⊗ (α_hi ⊖ α_lo), α_lo, α_hi).
 */
export function alphaSigmoid(c: i64, w: i64, b: i64, alphaLow: i64, alphaHigh: i64, steepness: i64): i64 {
  return alphaFromExp(expSafe(sigmoidArgument(c, w, b, sigmoidScale(steepness))), alphaLow, alphaHigh);
}

/** σ ÷ −100 (saturating_div), the factor of x in alphaSigmoid: callers with many bonds take it once. */
export function sigmoidScale(steepness: i64): i64 { return qdivSat(steepness, MINUS_100); }

/** The first half of alphaSigmoid: x = scale ⊗ (d ⊖ ½), with scale = sigmoidScale(σ). */
// @ts-ignore: decorator
@inline
export function sigmoidArgument(c: i64, w: i64, b: i64, scale: i64): i64 {
  return sigmoidArgumentOf(w >= b ? clamp01(satSub(w, c)) : clamp01(satSub(b, w)), scale);
}

/** x = scale ⊗ (d ⊖ ½) for d in [0, 1]. */
// @ts-ignore: decorator
@inline
function sigmoidArgumentOf(d: i64, scale: i64): i64 {
  // scale ⊗ m for m = d − ½ in [−2^31, 2^31], without a 128-bit product: with scale = h·2^32 + l
  // (0 ≤ l < 2^32), ⌊scale·m / 2^32⌋ = h·m + ⌊l·m / 2^32⌋ exactly, both parts fit in i64 (|l·m| < 2^63,
  // |h·m| ≤ 2^62) and so does the sum (|scale ⊗ m| < 2^62): the product never saturates.
  const m = d - HALF;
  return (scale >> 32) * m + (((scale & 0xffffffff) * m) >> 32);
}

/** The second half of alphaSigmoid, from e = exp_safe(x). */
// @ts-ignore: decorator
@inline
export function alphaFromExp(e: i64, alphaLow: i64, alphaHigh: i64): i64 {
  // e ≥ 0, so the divisor is ≥ 1 and the quotient ≤ 1 fits: saturating_div is plain division here.
  const divisor = satAdd(ONE, e);
  const sig = e >= 0 ? oneOver(divisor) : qdivSat(ONE, divisor);
  let alpha = satAdd(alphaLow, qmul(sig, satSub(alphaHigh, alphaLow)));
  if (alpha > alphaHigh) alpha = alphaHigh;
  if (alpha < alphaLow) alpha = alphaLow;
  return alpha;
}

/** q-quantile of x as the legacy code computes it: sort, pos = q·(n−1) in f64, interpolate in Q. */
export function quantile(x: Vec64, q: f64): i64 {
  const n = x.length;
  if (n == 0) return 0;
  const sorted = StaticArray.slice<i64>(x);
  sorted.sort();
  const pos = q * <f64>(n - 1);
  const lo = <i32>Math.floor(pos);
  const hi = <i32>Math.ceil(pos);
  if (lo == hi) return sorted[lo];
  const lv = sorted[lo], hv = sorted[hi];
  return satAdd(lv, qmul(satSub(hv, lv), fromF64(pos - <f64>lo)));
}

/**
 * Legacy per-column alphas (spec §10.2 steps 1–3). `alphaLow`/`alphaHigh` are Q proportions.
 * Returns null when the legacy code would fall back to the scalar alpha.
 */
export function legacyColumnAlphas(consensus: Vec64, alphaLow: i64, alphaHigh: i64): Vec64 | null {
  const cHigh = quantile(consensus, 0.75);
  const cLow = quantile(consensus, 0.25);
  if (!(cHigh > cLow || cHigh != 0 || cLow < 0)) return null;
  // Logistic parameters: a = (ln(1/α_hi − 1) − ln(1/α_lo − 1)) ÷ (c_lo − c_hi); b = ln(1/α_lo − 1) ⊕ a ⊗ c_lo.
  // The legacy code divided with saturating_div here (the spec writes ⊘): they differ only on overflow,
  // when c_hi − c_lo is a few ulps, where saturation gives ±MAX instead of 0.
  let a: i64 = 0, b: i64 = 0;
  if (!(cHigh <= cLow || alphaLow == 0 || alphaHigh == 0)) {
    const lnHigh = safeLn(satSub(qdivSat(ONE, alphaHigh), ONE));
    const lnLow = safeLn(satSub(qdivSat(ONE, alphaLow), ONE));
    a = qdivSat(satSub(lnHigh, lnLow), satSub(cLow, cHigh));
    b = satAdd(lnLow, qmul(a, cLow));
  }
  // α_j = 1 ÷ (1 ⊕ safe_exp(b ⊖ a ⊗ C_j)), where safe_exp maps an exp error to 0 (no ±20 clamp
  // on this path), then clamped to [α_lo, α_hi].
  const out = new StaticArray<i64>(consensus.length);
  for (let j = 0; j < consensus.length; j++) {
    let e = exp(satSub(b, qmul(a, consensus[j])));
    if (transcendentalError) e = 0;
    let alpha = qdivSat(ONE, satAdd(ONE, e));
    if (alpha > alphaHigh) alpha = alphaHigh;
    if (alpha < alphaLow) alpha = alphaLow;
    out[j] = alpha;
  }
  return out;
}
