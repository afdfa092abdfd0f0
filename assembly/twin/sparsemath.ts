// Sparse-matrix helpers of the f64 twin, one per function of ../sparsemath.ts, with the same entry
// rules (which entries exist is semantics, spec §13.6) and real arithmetic in place of ⊗ ⊘ ⊕.

import { SparseF, VecF } from './sparse';

/** Row sums Σ_j m[i][j]. */
export function rowSumSparseF(m: SparseF): VecF {
  const out = new StaticArray<f64>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s: f64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) s += m.valAt(k);
    unchecked((out[i] = s));
  }
  return out;
}

/** Mutates m: each row with sum > 0 becomes m[i][j] / rowsum_i; entries (also zeros) kept. */
export function inplaceRowNormalizeSparseF(m: SparseF): void {
  for (let i = 0; i < m.rows; i++) {
    let s: f64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) s += m.valAt(k);
    if (s <= 0) continue;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) m.setVal(k, m.valAt(k) / s);
  }
}

/** Column sums over columns 0..cols−1. */
export function colSumSparseF(m: SparseF, cols: i32): VecF {
  const out = new StaticArray<f64>(cols);
  for (let k = 0; k < m.nnz; k++) {
    const j = m.colAt(k);
    if (j < cols) unchecked((out[j] += m.valAt(k)));
  }
  return out;
}

/** Mutates m: entries of columns with non-zero sum become m[i][j] / colsum_j. */
export function inplaceColNormalizeSparseF(m: SparseF, cols: i32): void {
  const sums = colSumSparseF(m, cols);
  for (let k = 0; k < m.nnz; k++) {
    const s = unchecked(sums[m.colAt(k)]);
    if (s != 0) m.setVal(k, m.valAt(k) / s);
  }
}

/** Column maxima over columns 0..cols−1 (0 for empty columns). */
export function colMaxSparseF(m: SparseF, cols: i32): VecF {
  const maxes = new StaticArray<f64>(cols);
  for (let k = 0; k < m.nnz; k++) {
    const j = m.colAt(k);
    if (m.valAt(k) > unchecked(maxes[j])) unchecked((maxes[j] = m.valAt(k)));
  }
  return maxes;
}

/** col_clip_sparse: (j, w) with C_j < w becomes (j, C_j) if C_j > 0, else is dropped; w ≤ C_j is kept. */
export function colClipSparseF(w: SparseF, consensus: VecF): SparseF {
  const out = new SparseF(w.rows, w.nnz);
  for (let i = 0; i < w.rows; i++) {
    for (let k = w.rowStart(i); k < w.rowEnd(i); k++) {
      const j = w.colAt(k);
      const v = w.valAt(k);
      const c = unchecked(consensus[j]);
      if (c < v) {
        if (c > 0) out.push(j, c);
      } else out.push(j, v);
    }
    out.endRow();
  }
  return out;
}

/** r_j = Σ_i x[i]·m[i][j], accumulated row by row as the chain does (the ranks). */
export function matmulSparseF(m: SparseF, x: VecF, cols: i32): VecF {
  const out = new StaticArray<f64>(cols);
  for (let i = 0; i < m.rows; i++) {
    const xi = unchecked(x[i]);
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) unchecked((out[m.colAt(k)] += xi * m.valAt(k)));
  }
  return out;
}

/** m[i][j]·x[i] for every entry, structure unchanged. */
export function rowHadamardSparseF(m: SparseF, x: VecF): SparseF {
  const out = m.clone();
  for (let i = 0; i < m.rows; i++) {
    const xi = unchecked(x[i]);
    for (let k = out.rowStart(i); k < out.rowEnd(i); k++) out.setVal(k, out.valAt(k) * xi);
  }
  return out;
}

/** d_i = Σ_j x_j·m[i][j] (the Yuma 1 dividend dot product). */
export function rowDotSparseF(m: SparseF, x: VecF): VecF {
  const out = new StaticArray<f64>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s: f64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) s += unchecked(x[m.colAt(k)]) * m.valAt(k);
    unchecked((out[i] = s));
  }
  return out;
}

/**
 * interpolate_sparse(W, W̄, ratio): ratio 0 → W, ratio 1 → W̄ (the same objects, read-only from here);
 * otherwise per row W + ratio·(W̄ − W) over the union of columns, keeping results > 0, in column order.
 */
export function interpolateSparseF(w: SparseF, wClipped: SparseF, ratio: f64, cols: i32): SparseF {
  if (ratio == 0) return w;
  if (ratio == 1) return wClipped;
  const out = new SparseF(w.rows, w.nnz + wClipped.nnz);
  const a = new StaticArray<f64>(cols);
  const b = new StaticArray<f64>(cols);
  const touched = new StaticArray<bool>(cols);
  for (let i = 0; i < w.rows; i++) {
    for (let k = w.rowStart(i); k < w.rowEnd(i); k++) { unchecked((a[w.colAt(k)] = w.valAt(k))); unchecked((touched[w.colAt(k)] = true)); }
    for (let k = wClipped.rowStart(i); k < wClipped.rowEnd(i); k++) { unchecked((b[wClipped.colAt(k)] = wClipped.valAt(k))); unchecked((touched[wClipped.colAt(k)] = true)); }
    for (let j = 0; j < cols; j++) {
      if (!unchecked(touched[j])) continue;
      const v = unchecked(a[j]) + ratio * (unchecked(b[j]) - unchecked(a[j]));
      if (v > 0) out.push(j, v);
      unchecked((a[j] = 0)); unchecked((b[j] = 0)); unchecked((touched[j] = false));
    }
    out.endRow();
  }
  return out;
}

/**
 * mat_ema_sparse over the union of entries: E[i][j] = α_j·new[i][j] + (1 − α_j)·old[i][j], keeping
 * entries > 0, each row in increasing column order. `alphaPerCol` (length cols) or the scalar `alpha`.
 */
export function matEmaSparseF(fresh: SparseF, old: SparseF, alpha: f64, alphaPerCol: VecF | null, cols: i32): SparseF {
  const out = new SparseF(fresh.rows, fresh.nnz + old.nnz);
  const row = new StaticArray<f64>(cols);
  const touched = new StaticArray<bool>(cols);
  for (let i = 0; i < fresh.rows; i++) {
    for (let k = fresh.rowStart(i); k < fresh.rowEnd(i); k++) {
      const j = fresh.colAt(k);
      const a = alphaPerCol ? unchecked(alphaPerCol[j]) : alpha;
      unchecked((row[j] += a * fresh.valAt(k)));
      unchecked((touched[j] = true));
    }
    for (let k = old.rowStart(i); k < old.rowEnd(i); k++) {
      const j = old.colAt(k);
      const a = alphaPerCol ? unchecked(alphaPerCol[j]) : alpha;
      unchecked((row[j] += (1 - a) * old.valAt(k)));
      unchecked((touched[j] = true));
    }
    for (let j = 0; j < cols; j++) {
      if (!unchecked(touched[j])) continue;
      const v = unchecked(row[j]);
      if (v > 0) out.push(j, v);
      unchecked((row[j] = 0)); unchecked((touched[j] = false));
    }
    out.endRow();
  }
  return out;
}

/** Σ_j (m[i][j] / colsum_j)·x_j per row (columns with zero sum keep their values), the Yuma 3 dividend dot product. */
export function rowDotColNormalizedSparseF(m: SparseF, x: VecF, cols: i32): VecF {
  const sums = colSumSparseF(m, cols);
  const out = new StaticArray<f64>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s: f64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) {
      const j = m.colAt(k);
      const d = unchecked(sums[j]);
      s += (d != 0 ? m.valAt(k) / d : m.valAt(k)) * unchecked(x[j]);
    }
    unchecked((out[i] = s));
  }
  return out;
}
