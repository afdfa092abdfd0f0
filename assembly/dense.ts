// The dense-matrix functions of subtensor's epoch/math.rs (and the vector helpers they need), in the same
// exact I32F32 semantics as the sparse ones the epoch uses. The epoch never calls these: subtensor runs
// them only in its test-only `epoch_dense` path, and we keep them so tests/assembly can check every
// math.rs vector. Matrices are ragged rows like Rust's Vec<Vec<I32F32>>, because math.rs defines what
// happens when rows differ in length. Over 200 lines: one file per math.rs family reads better here.

import { ONE, qdiv, qmul, qmulChecked, satAdd, satSub } from './fixed';
import { Vec64 } from './sparse';
import { inplaceNormalize, sum } from './vecmath';

/** Ragged dense rows, the shape of math.rs' `Vec<Vec<I32F32>>` (rows may differ in length). */
export type Rows = StaticArray<Vec64>;

function zeros(n: i32): Vec64 { return new StaticArray<i64>(n); }
function copyRows(m: Rows): Rows {
  const out = new StaticArray<Vec64>(m.length);
  for (let i = 0; i < m.length; i++) out[i] = StaticArray.slice<i64>(m[i]);
  return out;
}
/** `vec![vec![]]`: one empty row, what math.rs returns for an empty or degenerate matrix. */
function oneEmptyRow(): Rows {
  const out = new StaticArray<Vec64>(1);
  out[0] = zeros(0);
  return out;
}
function firstRowEmpty(m: Rows): bool { return m.length == 0 || m[0].length == 0; }

/** vec_mul: x_i ⊗ y_i with checked_mul (0 on overflow); length min(|x|, |y|). */
export function vecMul(x: Vec64, y: Vec64): Vec64 {
  const out = zeros(min(x.length, y.length));
  for (let i = 0; i < out.length; i++) out[i] = qmulChecked(x[i], y[i]);
  return out;
}

/** Mutates x: rows with Σ > 0 become x_ij ⊘ Σ_j x_ij (plain sum, as Rust's `iter().sum()`). */
export function inplaceRowNormalize(x: Rows): void {
  for (let i = 0; i < x.length; i++) {
    const s = sum(x[i]);
    if (s > 0) for (let j = 0; j < x[i].length; j++) x[i][j] = qdiv(x[i][j], s);
  }
}

/** Mutates x: x_ij ⊘ Σ_i x_ij (⊕ sums) where the column sum is non-zero; short rows count as zeros. */
export function inplaceColNormalize(x: Rows): void {
  let cols = 0;
  for (let i = 0; i < x.length; i++) cols = max(cols, x[i].length);
  const sums = zeros(cols);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x[i].length; j++) sums[j] = satAdd(sums[j], x[i][j]);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x[i].length; j++) if (sums[j] != 0) x[i][j] = qdiv(x[i][j], sums[j]);
}

/** Mutates x: x_ij ⊘ max_i x_ij where that maximum (floored at 0) is non-zero. */
export function inplaceColMaxUpscale(x: Rows): void {
  let cols = 0;
  for (let i = 0; i < x.length; i++) cols = max(cols, x[i].length);
  const maxes = zeros(cols);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x[i].length; j++) if (maxes[j] < x[i][j]) maxes[j] = x[i][j];
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x[i].length; j++) if (maxes[j] != 0) x[i][j] = qdiv(x[i][j], maxes[j]);
}

/** Mutates matrix: entries whose mask is true, or that the mask does not cover, become 0 (nothing if the mask is empty). */
export function inplaceMaskMatrix(mask: Rows, matrix: Rows): void {
  if (firstRowEmpty(mask)) return;
  for (let r = 0; r < matrix.length; r++) {
    for (let c = 0; c < matrix[r].length; c++) {
      const masked = r >= mask.length || c >= mask[r].length || mask[r][c] != 0;
      if (masked) matrix[r][c] = 0;
    }
  }
}

/** Mutates matrix: masked rows (and rows beyond the mask) become zeros of the first row's width. */
export function inplaceMaskRows(mask: StaticArray<bool>, matrix: Rows): void {
  if (matrix.length == 0) return;
  const cols = matrix[0].length;
  for (let r = 0; r < matrix.length; r++) if (r >= mask.length || mask[r]) matrix[r] = zeros(cols);
}

/** Mutates matrix: zeroes the diagonal; a matrix that is not square (by its first row) is left as it is. */
export function inplaceMaskDiag(matrix: Rows): void {
  if (firstRowEmpty(matrix) || matrix.length != matrix[0].length) return;
  for (let i = 0; i < matrix.length; i++) if (i < matrix[i].length) matrix[i][i] = 0;
}

/** Mutates matrix: inplaceMaskDiag, but the diagonal entry at `except` keeps its value (the subnet owner). */
export function inplaceMaskDiagExceptIndex(matrix: Rows, except: i32): void {
  if (firstRowEmpty(matrix) || matrix.length != matrix[0].length) return;
  const keep = except < matrix.length && except < matrix[except].length;
  const saved = keep ? matrix[except][except] : 0;
  inplaceMaskDiag(matrix);
  if (keep) matrix[except][except] = saved;
}

/** mat_vec_mul: each row ⊗ v element-wise (vecMul); [[]] for an empty matrix. */
export function matVecMul(matrix: Rows, v: Vec64): Rows {
  if (firstRowEmpty(matrix)) return oneEmptyRow();
  const out = new StaticArray<Vec64>(matrix.length);
  for (let i = 0; i < matrix.length; i++) out[i] = vecMul(matrix[i], v);
  return out;
}

/** row_hadamard: row i scaled by v_i (⊗); rows beyond v are dropped; [[]] for an empty matrix. */
export function rowHadamard(matrix: Rows, v: Vec64): Rows {
  if (firstRowEmpty(matrix)) return oneEmptyRow();
  const out = new StaticArray<Vec64>(min(matrix.length, v.length));
  for (let i = 0; i < out.length; i++) {
    out[i] = zeros(matrix[i].length);
    for (let j = 0; j < matrix[i].length; j++) out[i][j] = qmul(v[i], matrix[i][j]);
  }
  return out;
}

/** row_sum: plain Σ_j per row; [] when the first row is empty. */
export function rowSum(x: Rows): Vec64 {
  if (x.length > 0 && x[0].length == 0) return zeros(0);
  const out = zeros(x.length);
  for (let i = 0; i < x.length; i++) out[i] = sum(x[i]);
  return out;
}

/** matmul: r_j = ⊕_i v_i ⊗ m_ij over the first row's width (missing v_i count as 0). */
export function matmul(matrix: Rows, v: Vec64): Vec64 {
  if (firstRowEmpty(matrix)) return zeros(0);
  const out = zeros(matrix[0].length);
  for (let i = 0; i < matrix.length; i++) {
    const scale: i64 = i < v.length ? v[i] : 0;
    const width = min(matrix[i].length, out.length);
    for (let j = 0; j < width; j++) out[j] = satAdd(out[j], qmul(scale, matrix[i][j]));
  }
  return out;
}

/** matmul_transpose: r_i = ⊕_j m_ij ⊗ v_j over min(row length, |v|). */
export function matmulTranspose(matrix: Rows, v: Vec64): Vec64 {
  if (firstRowEmpty(matrix)) return zeros(0);
  const out = zeros(matrix.length);
  for (let i = 0; i < matrix.length; i++) {
    let s: i64 = 0;
    for (let j = 0; j < min(matrix[i].length, v.length); j++) s = satAdd(s, qmul(matrix[i][j], v[j]));
    out[i] = s;
  }
  return out;
}

/** Mutates x: x_ij = min(x_ij, threshold_j) over min(row length, |threshold|). */
export function inplaceColClip(x: Rows, threshold: Vec64): void {
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < min(x[i].length, threshold.length); j++) if (threshold[j] < x[i][j]) x[i][j] = threshold[j];
  }
}

/**
 * weighted_median(stake, score, idx, minority, lo, hi): math.rs' mid-pivot quickselect over the
 * candidates `idx` (⊕/⊖ stake sums). consensus.ts runs the same search specialised to the epoch.
 */
export function weightedMedian(stake: Vec64, score: Vec64, idx: StaticArray<i32>, minority: i64, lo: i64, hi: i64): i64 {
  if (stake.length != score.length) return 0;
  let cur = idx;
  for (let iteration = 0; iteration <= idx.length; iteration++) {
    const n = cur.length;
    if (n == 0) return 0;
    if (n == 1) return score[cur[0]];
    const pivot = score[cur[n >> 1]];
    let loStake: i64 = 0, hiStake: i64 = 0, nLower = 0, nUpper = 0;
    for (let k = 0; k < n; k++) {
      const s = score[cur[k]];
      if (s < pivot) { loStake = satAdd(loStake, stake[cur[k]]); nLower++; }
      else if (s > pivot) { hiStake = satAdd(hiStake, stake[cur[k]]); nUpper++; }
    }
    const goLower = minority < satAdd(lo, loStake) && nLower > 0;
    if (!goLower && !(satSub(hi, hiStake) <= minority && nUpper > 0)) return pivot;
    const next = new StaticArray<i32>(goLower ? nLower : nUpper);
    let at = 0;
    for (let k = 0; k < n; k++) {
      const s = score[cur[k]];
      if (goLower ? s < pivot : s > pivot) next[at++] = cur[k];
    }
    if (goLower) hi = satAdd(lo, loStake);
    else lo = satSub(hi, hiStake);
    cur = next;
  }
  return 0;
}

/**
 * weighted_median_col (dense): per column, rows with stake > 0 (a row of the wrong width contributes
 * stake 0 and score 0), stakes re-normalised, minority = Σ ⊖ majority, then weightedMedian.
 */
export function weightedMedianCol(stake: Vec64, score: Rows, majority: i64): Vec64 {
  const columns = score.length > 0 ? score[0].length : 0;
  const out = zeros(columns);
  for (let c = 0; c < columns; c++) {
    let p = 0;
    for (let r = 0; r < stake.length; r++) if (stake[r] > 0) p++;
    if (p == 0) continue;
    const useStake = zeros(p), useScore = zeros(p);
    p = 0;
    for (let r = 0; r < stake.length; r++) {
      if (stake[r] <= 0) continue;
      const ok = r < score.length && score[r].length == columns;
      useStake[p] = ok ? stake[r] : 0;
      useScore[p] = ok ? score[r][c] : 0;
      p++;
    }
    inplaceNormalize(useStake);
    const total = sum(useStake);
    const idx = new StaticArray<i32>(p);
    for (let k = 0; k < p; k++) idx[k] = k;
    out[c] = weightedMedian(useStake, useScore, idx, satSub(total, majority), 0, total);
  }
  return out;
}

/** interpolate: ratio 0 → a, ratio 1 → b, else a ⊕ ratio ⊗ (b ⊖ a) in a's shape (first row's width). */
export function interpolate(a: Rows, b: Rows, ratio: i64): Rows {
  if (ratio == 0) return copyRows(a);
  if (ratio == ONE) return copyRows(b);
  if (firstRowEmpty(a)) return oneEmptyRow();
  const out = new StaticArray<Vec64>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = zeros(a[0].length);
  for (let i = 0; i < min(a.length, b.length); i++) {
    const width = min(min(a[i].length, b[i].length), out[i].length);
    for (let j = 0; j < width; j++) out[i][j] = satAdd(a[i][j], qmul(ratio, satSub(b[i][j], a[i][j])));
  }
  return out;
}

/**
 * mat_ema_alpha (dense, per-entry α): min((1 ⊖ α_ij) ⊗ old_ij ⊕ max(α_ij ⊗ new_ij, 0), 1).
 * [[]] for an empty `fresh`; a copy of `old` if the row counts differ; a copy of `fresh` if any row lengths differ.
 */
export function matEmaAlpha(fresh: Rows, old: Rows, alpha: Rows): Rows {
  if (firstRowEmpty(fresh)) return oneEmptyRow();
  if (fresh.length != old.length || fresh.length != alpha.length) return copyRows(old);
  for (let i = 0; i < fresh.length; i++) {
    if (fresh[i].length != old[i].length || fresh[i].length != alpha[i].length) return copyRows(fresh);
  }
  const out = new StaticArray<Vec64>(fresh.length);
  for (let i = 0; i < fresh.length; i++) {
    out[i] = zeros(fresh[i].length);
    for (let j = 0; j < fresh[i].length; j++) {
      const a = alpha[i][j];
      const decayed = qmul(satSub(ONE, a), old[i][j]);
      const v = satAdd(decayed, max<i64>(qmul(a, fresh[i][j]), 0));
      out[i][j] = v < ONE ? v : ONE;
    }
  }
  return out;
}
