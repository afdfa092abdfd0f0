// Liquid alpha in the f64 twin: the Yuma 3 per-bond sigmoid (spec §4.12) with NativeMath.exp in place of
// the crate's 31-term Taylor series, and the legacy consensus-quantile logistic (§10.2) with NativeMath.log.

import { VecF } from './sparse';

/** The I32F32 range limit: the crate's exp fails (→ the caller's error value) when the result exceeds it. */
const Q_RANGE: f64 = 2147483648.0;

// @ts-ignore: decorator
@inline function clamp01(x: f64): f64 { return x < 0 ? 0 : x > 1 ? 1 : x; }

/**
 * α for one bond: d = clamp(w − c) if w ≥ b else clamp(b − w); x = −(σ/100)·(d − ½) clamped to [−20, 20]
 * (exp_safe); sig = 1 / (1 + eˣ); α = clamp(α_lo + sig·(α_hi − α_lo), α_lo, α_hi). `steepness` is σ.
 */
export function alphaSigmoidF(c: f64, w: f64, b: f64, alphaLow: f64, alphaHigh: f64, steepness: f64): f64 {
  const d = w >= b ? clamp01(w - c) : clamp01(b - w);
  let x = (steepness / -100.0) * (d - 0.5);
  x = x < -20 ? -20 : x > 20 ? 20 : x;
  const sig = 1.0 / (1.0 + NativeMath.exp(x));
  let alpha = alphaLow + sig * (alphaHigh - alphaLow);
  if (alpha > alphaHigh) alpha = alphaHigh;
  if (alpha < alphaLow) alpha = alphaLow;
  return alpha;
}

/** q-quantile as the legacy code computes it: sort, pos = q·(n−1), linear interpolation. */
export function quantileF(x: VecF, q: f64): f64 {
  const n = x.length;
  if (n == 0) return 0;
  const sorted = StaticArray.slice<f64>(x);
  sorted.sort();
  const pos = q * <f64>(n - 1);
  const lo = <i32>Math.floor(pos);
  const hi = <i32>Math.ceil(pos);
  if (lo == hi) return sorted[lo];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - <f64>lo);
}

/** The epoch's safe_ln: ln(x), or 0 for x ≤ 0. */
function safeLnF(x: f64): f64 { return x <= 0 ? 0 : NativeMath.log(x); }

/**
 * Legacy per-column alphas (spec §10.2 steps 1–3), or null where the legacy code falls back to the scalar
 * alpha. The chain's exp error (a result beyond the I32F32 range) maps to 0 as the chain maps it, so the
 * same columns take α_hi.
 */
export function legacyColumnAlphasF(consensus: VecF, alphaLow: f64, alphaHigh: f64): VecF | null {
  const cHigh = quantileF(consensus, 0.75);
  const cLow = quantileF(consensus, 0.25);
  if (!(cHigh > cLow || cHigh != 0 || cLow < 0)) return null;
  let a: f64 = 0, b: f64 = 0;
  if (!(cHigh <= cLow || alphaLow == 0 || alphaHigh == 0)) {
    const lnHigh = safeLnF(1.0 / alphaHigh - 1.0);
    const lnLow = safeLnF(1.0 / alphaLow - 1.0);
    a = (lnHigh - lnLow) / (cLow - cHigh);
    b = lnLow + a * cLow;
  }
  const out = new StaticArray<f64>(consensus.length);
  for (let j = 0; j < consensus.length; j++) {
    let e = NativeMath.exp(b - a * consensus[j]);
    if (!(e < Q_RANGE)) e = 0;
    let alpha = 1.0 / (1.0 + e);
    if (alpha > alphaHigh) alpha = alphaHigh;
    if (alpha < alphaLow) alpha = alphaLow;
    out[j] = alpha;
  }
  return out;
}
