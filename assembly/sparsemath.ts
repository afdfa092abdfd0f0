// Sparse-matrix helpers of subtensor's epoch/math.rs (the `*_sparse` functions) on `Sparse`.
// Sparse structure is semantics (spec §13.6): which entries exist decides clipping, interpolation and
// liquid-alpha EMA, so every function states which entries it keeps.

import { qdiv, qmul, satAdd, satSub, ONE } from './fixed';
import { Sparse, Vec64 } from './sparse';

/** Row sums Σ_j m[i][j] with plain addition (row_sum_sparse). */
export function rowSumSparse(m: Sparse): Vec64 {
  const out = new StaticArray<i64>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s: i64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) s += m.valAt(k);
    unchecked((out[i] = s));
  }
  return out;
}

/** Mutates m: each row with sum > 0 becomes m[i][j] ⊘ rowsum_i; entries (also zeros) kept. */
export function inplaceRowNormalizeSparse(m: Sparse): void {
  for (let i = 0; i < m.rows; i++) {
    let s: i64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) s += m.valAt(k);
    if (s <= 0) continue;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) m.setVal(k, qdiv(m.valAt(k), s));
  }
}

/** Column sums with ⊕ over columns 0..cols−1 (entries with larger columns are ignored). */
export function colSumSparse(m: Sparse, cols: i32): Vec64 {
  const out = new StaticArray<i64>(cols);
  for (let k = 0; k < m.nnz; k++) {
    const j = m.colAt(k);
    if (j < cols) unchecked((out[j] = satAdd(out[j], m.valAt(k))));
  }
  return out;
}

/** Mutates m: entries of columns with non-zero sum become m[i][j] ⊘ colsum_j (inplace_col_normalize_sparse). */
export function inplaceColNormalizeSparse(m: Sparse, cols: i32): void {
  const sums = colSumSparse(m, cols);
  for (let k = 0; k < m.nnz; k++) {
    const s = unchecked(sums[m.colAt(k)]);
    if (s != 0) m.setVal(k, qdiv(m.valAt(k), s));
  }
}

/** Column maxima over columns 0..cols−1 (0 for empty columns; values are compared as raw integers). */
export function colMaxSparse(m: Sparse, cols: i32): Vec64 {
  const maxes = new StaticArray<i64>(cols);
  for (let k = 0; k < m.nnz; k++) {
    const j = m.colAt(k);
    if (m.valAt(k) > unchecked(maxes[j])) unchecked((maxes[j] = m.valAt(k)));
  }
  return maxes;
}

/** Mutates m: each column divided by its maximum where that maximum is non-zero (inplace_col_max_upscale_sparse). */
export function inplaceColMaxUpscaleSparse(m: Sparse, cols: i32): void {
  const maxes = colMaxSparse(m, cols);
  for (let k = 0; k < m.nnz; k++) {
    const mx = unchecked(maxes[m.colAt(k)]);
    if (mx != 0) m.setVal(k, qdiv(m.valAt(k), mx));
  }
}

/**
 * col_clip_sparse: entry (j, w) with consensus[j] < w becomes (j, consensus[j]) if that is > 0,
 * otherwise it is dropped; entries with w ≤ consensus[j] (zeros included) are kept as they are.
 */
export function colClipSparse(w: Sparse, consensus: Vec64): Sparse {
  const out = new Sparse(w.rows, w.nnz);
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

/** r_j = ⊕_i (x[i] ⊗ m[i][j]): stake-weighted column sums, each product floored (math.rs matmul_sparse; the ranks). */
export function matmulSparse(m: Sparse, x: Vec64, cols: i32): Vec64 {
  const out = new StaticArray<i64>(cols);
  for (let i = 0; i < m.rows; i++) {
    const xi = unchecked(x[i]);
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) {
      const j = m.colAt(k);
      unchecked((out[j] = satAdd(out[j], qmul(xi, m.valAt(k)))));
    }
  }
  return out;
}

/** m[i][j] ⊗ x[i] for every entry, structure unchanged (row_hadamard_sparse). */
export function rowHadamardSparse(m: Sparse, x: Vec64): Sparse {
  const out = m.clone();
  for (let i = 0; i < m.rows; i++) {
    const xi = unchecked(x[i]);
    for (let k = out.rowStart(i); k < out.rowEnd(i); k++) out.setVal(k, qmul(out.valAt(k), xi));
  }
  return out;
}

/** d_i = ⊕_j (x_j ⊗ m[i][j]), each product floored (math.rs matmul_transpose_sparse; the dividend dot product). */
export function rowDotSparse(m: Sparse, x: Vec64): Vec64 {
  const out = new StaticArray<i64>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s: i64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) s = satAdd(s, qmul(unchecked(x[m.colAt(k)]), m.valAt(k)));
    unchecked((out[i] = s));
  }
  return out;
}

/**
 * interpolate_sparse(W, W̄, ratio): ratio 0 → W, ratio 1 → W̄ (the same objects: callers treat all three
 * as read-only from here on, and the chain's copies are exact); otherwise per row
 * W ⊕ ratio ⊗ (W̄ ⊖ W) over all columns 0..cols−1, keeping only results > 0, in column order.
 */
export function interpolateSparse(w: Sparse, wClipped: Sparse, ratio: i64, cols: i32): Sparse {
  if (ratio == 0) return w;
  if (ratio == ONE) return wClipped;
  const out = new Sparse(w.rows, w.nnz + wClipped.nnz);
  const a = new StaticArray<i64>(cols);
  const b = new StaticArray<i64>(cols);
  const touched = new StaticArray<bool>(cols);
  for (let i = 0; i < w.rows; i++) {
    for (let k = w.rowStart(i); k < w.rowEnd(i); k++) { unchecked((a[w.colAt(k)] = w.valAt(k))); unchecked((touched[w.colAt(k)] = true)); }
    for (let k = wClipped.rowStart(i); k < wClipped.rowEnd(i); k++) { unchecked((b[wClipped.colAt(k)] = wClipped.valAt(k))); unchecked((touched[wClipped.colAt(k)] = true)); }
    // Columns absent from both rows give 0 ⊕ ratio ⊗ 0 = 0 and are never kept, so only touched ones matter.
    for (let j = 0; j < cols; j++) {
      if (!unchecked(touched[j])) continue;
      const v = satAdd(unchecked(a[j]), qmul(ratio, satSub(unchecked(b[j]), unchecked(a[j]))));
      if (v > 0) out.push(j, v);
      unchecked((a[j] = 0)); unchecked((b[j] = 0)); unchecked((touched[j] = false));
    }
    out.endRow();
  }
  return out;
}

/**
 * mat_ema_sparse over the union of entries: E[i][j] = (α_j ⊗ new[i][j]) ⊕ ((1 ⊖ α_j) ⊗ old[i][j]), keeping
 * entries > 0, each row in increasing column order. `alphaPerCol` (length cols) or the scalar `alpha`.
 */
export function matEmaSparse(fresh: Sparse, old: Sparse, alpha: i64, alphaPerCol: Vec64 | null, cols: i32): Sparse {
  const out = new Sparse(fresh.rows, fresh.nnz + old.nnz);
  const row = new StaticArray<i64>(cols);
  const touched = new StaticArray<bool>(cols);
  const oneMinus = satSub(ONE, alpha);
  for (let i = 0; i < fresh.rows; i++) {
    for (let k = fresh.rowStart(i); k < fresh.rowEnd(i); k++) {
      const j = fresh.colAt(k);
      const a = alphaPerCol ? unchecked(alphaPerCol[j]) : alpha;
      unchecked((row[j] = satAdd(row[j], qmul(a, fresh.valAt(k)))));
      unchecked((touched[j] = true));
    }
    for (let k = old.rowStart(i); k < old.rowEnd(i); k++) {
      const j = old.colAt(k);
      const om = alphaPerCol ? satSub(ONE, unchecked(alphaPerCol[j])) : oneMinus;
      unchecked((row[j] = satAdd(row[j], qmul(om, old.valAt(k)))));
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

/**
 * Σ_j (m[i][j] ⊘ colsum_j) ⊗ x_j per row, i.e. rowDotSparse(colNormalized(m), x) without materialising
 * the column-normalised copy (columns with zero sum keep their values, as inplace_col_normalize_sparse does).
 */
export function rowDotColNormalizedSparse(m: Sparse, x: Vec64, cols: i32): Vec64 {
  const sums = colSumSparse(m, cols);
  const out = new StaticArray<i64>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s: i64 = 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) {
      const j = m.colAt(k);
      const d = unchecked(sums[j]);
      const v = d != 0 ? qdiv(m.valAt(k), d) : m.valAt(k);
      s = satAdd(s, qmul(v, unchecked(x[j])));
    }
    unchecked((out[i] = s));
  }
  return out;
}
