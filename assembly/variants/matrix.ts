// Float64 vector and matrix primitives of the research variants (spec §1, §2). Matrices are flat,
// row-major V×S StaticArray<f64>. Every function writes into an explicit `out` (which may alias an
// input where said) and never produces NaN from finite, non-negative inputs.

export type Vec = StaticArray<f64>;

/** 2^-64: rescales a sum that overflowed f64 (exact for every normal value). */
const SHRINK: f64 = 5.421010862427522e-20;

/** Σ x[off .. off+n), in index order; +Infinity only if it overflows. */
export function sumRange(x: Vec, off: i32, n: i32): f64 {
  let s: f64 = 0;
  for (let k = 0; k < n; k++) s += unchecked(x[off + k]);
  return s;
}

/**
 * out[k] = x[off+k] / (Σ x[off..off+n) + eps), or 0 when that denominator is 0. A sum that overflows
 * is taken on values scaled by 2^-64, so huge finite inputs still give their true shares.
 */
export function normalizeRangeInto(out: Vec, outOff: i32, x: Vec, off: i32, n: i32, eps: f64): void {
  let sum = sumRange(x, off, n);
  let scale: f64 = 1;
  if (!isFinite(sum)) {
    scale = SHRINK;
    sum = 0;
    for (let k = 0; k < n; k++) sum += unchecked(x[off + k]) * SHRINK;
  }
  const den = sum + eps;
  for (let k = 0; k < n; k++) {
    unchecked((out[outOff + k] = den == 0 ? 0 : (unchecked(x[off + k]) * scale) / den));
  }
}

/** colnorm(y, eps) (spec §1): every entry divided by its column's sum + eps; a 0 denominator gives 0. `out` may be `y`. `colSum` is scratch of length cols. */
export function colNormalizeInto(out: Vec, y: Vec, rows: i32, cols: i32, eps: f64, colSum: Vec): void {
  for (let j = 0; j < cols; j++) unchecked((colSum[j] = 0));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) unchecked((colSum[j] += y[i * cols + j]));
  }
  for (let j = 0; j < cols; j++) unchecked((colSum[j] += eps));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const den = unchecked(colSum[j]);
      unchecked((out[i * cols + j] = den == 0 ? 0 : y[i * cols + j] / den));
    }
  }
}

/** out_ij = stake_i · m_ij: the stake-weighted matrix that instant bonds normalise. */
export function scaleRowsInto(out: Vec, m: Vec, stake: Vec, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    const s = unchecked(stake[i]);
    for (let j = 0; j < cols; j++) unchecked((out[i * cols + j] = s * m[i * cols + j]));
  }
}

/** out_ij = (1−β)·raw_ij + β·clipped_ij: weights for bonds (Wb, and interactive YUMA3's W_eff). */
export function interpolateInto(out: Vec, raw: Vec, clipped: Vec, beta: f64): void {
  for (let k = 0; k < out.length; k++) unchecked((out[k] = (1 - beta) * raw[k] + beta * clipped[k]));
}

/** out = α∘fresh + (1−α)∘old, per entry (α is a matrix; a scalar α is a constant matrix). `out` may alias either. */
export function emaInto(out: Vec, alpha: Vec, fresh: Vec, old: Vec): void {
  for (let k = 0; k < out.length; k++) {
    const a = unchecked(alpha[k]);
    unchecked((out[k] = a * fresh[k] + (1 - a) * old[k]));
  }
}

/** out_i = Σ_j m_ij · v_j. */
export function matVecInto(out: Vec, m: Vec, v: Vec, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    let s: f64 = 0;
    for (let j = 0; j < cols; j++) s += unchecked(m[i * cols + j]) * unchecked(v[j]);
    unchecked((out[i] = s));
  }
}

/** Sets every entry of x to v. */
export function fill(x: Vec, v: f64): void {
  for (let k = 0; k < x.length; k++) unchecked((x[k] = v));
}

/** Copies src into dst (equal lengths). */
export function copyInto(dst: Vec, src: Vec): void {
  memory.copy(changetype<usize>(dst), changetype<usize>(src), <usize>src.length << 3);
}
