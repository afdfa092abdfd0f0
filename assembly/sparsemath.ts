// Sparse-matrix helpers of subtensor's epoch/math.rs (the `*_sparse` functions) on `Sparse`.
// Sparse structure is semantics (spec §13.6): which entries exist decides clipping, interpolation and
// liquid-alpha EMA, so every function states which entries it keeps. Inner loops read and write by
// address (raw.ts).

import { qdiv, qmul, satAdd, satSub, ONE } from './fixed';
import { Sparse, Vec64 } from './sparse';
import { ptr, getI32, setI32, getI64, setI64 } from './raw';

/** Row sums Σ_j m[i][j] with plain addition (row_sum_sparse). */
export function rowSumSparse(m: Sparse): Vec64 {
  const out = new StaticArray<i64>(m.rows);
  const start = ptr(m.start), val = ptr(m.val), o = ptr(out);
  for (let i = 0, rows = m.rows; i < rows; i++) {
    let s: i64 = 0;
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) s += getI64(val, k);
    setI64(o, i, s);
  }
  return out;
}

/** Mutates m: each row with sum > 0 becomes m[i][j] ⊘ rowsum_i; entries (also zeros) kept. */
export function inplaceRowNormalizeSparse(m: Sparse): void {
  const start = ptr(m.start), val = ptr(m.val);
  for (let i = 0, rows = m.rows; i < rows; i++) {
    const first = getI32(start, i), end = getI32(start, i + 1);
    let s: i64 = 0;
    for (let k = first; k < end; k++) s += getI64(val, k);
    if (s <= 0) continue;
    for (let k = first; k < end; k++) setI64(val, k, qdiv(getI64(val, k), s));
  }
}

/** Column sums with ⊕ over columns 0..cols−1 (entries with larger columns are ignored). */
export function colSumSparse(m: Sparse, cols: i32): Vec64 {
  const out = new StaticArray<i64>(cols);
  const col = ptr(m.col), val = ptr(m.val), o = ptr(out);
  for (let k = 0, nnz = m.nnz; k < nnz; k++) {
    const j = getI32(col, k);
    if (j < cols) setI64(o, j, satAdd(getI64(o, j), getI64(val, k)));
  }
  return out;
}

/** Mutates m: entries whose column has a non-zero `divisors` value become m[i][j] ⊘ divisors[j]. */
function inplaceColDivide(m: Sparse, divisors: Vec64): void {
  const d = ptr(divisors), col = ptr(m.col), val = ptr(m.val);
  for (let k = 0, nnz = m.nnz; k < nnz; k++) {
    const s = getI64(d, getI32(col, k));
    if (s != 0) setI64(val, k, qdiv(getI64(val, k), s));
  }
}

/** Mutates m: entries of columns with non-zero sum become m[i][j] ⊘ colsum_j (inplace_col_normalize_sparse). */
export function inplaceColNormalizeSparse(m: Sparse, cols: i32): void {
  inplaceColDivide(m, colSumSparse(m, cols));
}

/** Column maxima over columns 0..cols−1 (0 for empty columns; values are compared as raw integers). */
export function colMaxSparse(m: Sparse, cols: i32): Vec64 {
  const maxes = new StaticArray<i64>(cols);
  const col = ptr(m.col), val = ptr(m.val), o = ptr(maxes);
  for (let k = 0, nnz = m.nnz; k < nnz; k++) {
    const j = getI32(col, k);
    const v = getI64(val, k);
    if (v > getI64(o, j)) setI64(o, j, v);
  }
  return maxes;
}

/** Mutates m: each column divided by its maximum where that maximum is non-zero (inplace_col_max_upscale_sparse). */
export function inplaceColMaxUpscaleSparse(m: Sparse, cols: i32): void {
  inplaceColDivide(m, colMaxSparse(m, cols));
}

/**
 * col_clip_sparse: entry (j, w) with consensus[j] < w becomes (j, consensus[j]) if that is > 0,
 * otherwise it is dropped; entries with w ≤ consensus[j] (zeros included) are kept as they are.
 */
export function colClipSparse(w: Sparse, consensus: Vec64): Sparse {
  const out = new Sparse(w.rows, w.nnz);
  const start = ptr(w.start), col = ptr(w.col), val = ptr(w.val), c = ptr(consensus);
  const oStart = ptr(out.start), oCol = ptr(out.col), oVal = ptr(out.val);
  let n = 0;
  for (let i = 0, rows = w.rows; i < rows; i++) {
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const j = getI32(col, k);
      const v = getI64(val, k);
      const cj = getI64(c, j);
      if (cj < v) {
        if (cj > 0) { setI32(oCol, n, j); setI64(oVal, n, cj); n++; }
      } else { setI32(oCol, n, j); setI64(oVal, n, v); n++; }
    }
    setI32(oStart, i + 1, n);
  }
  out.sealRows(n);
  return out;
}

/** r_j = ⊕_i (x[i] ⊗ m[i][j]): stake-weighted column sums, each product floored (math.rs matmul_sparse; the ranks). */
export function matmulSparse(m: Sparse, x: Vec64, cols: i32): Vec64 {
  const out = new StaticArray<i64>(cols);
  const start = ptr(m.start), col = ptr(m.col), val = ptr(m.val), xs = ptr(x), o = ptr(out);
  for (let i = 0, rows = m.rows; i < rows; i++) {
    const xi = getI64(xs, i);
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const j = getI32(col, k);
      setI64(o, j, satAdd(getI64(o, j), qmul(xi, getI64(val, k))));
    }
  }
  return out;
}

/** m[i][j] ⊗ x[i] for every entry, structure unchanged (row_hadamard_sparse). */
export function rowHadamardSparse(m: Sparse, x: Vec64): Sparse {
  const out = m.clone();
  const start = ptr(out.start), val = ptr(out.val), xs = ptr(x);
  for (let i = 0, rows = m.rows; i < rows; i++) {
    const xi = getI64(xs, i);
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) setI64(val, k, qmul(getI64(val, k), xi));
  }
  return out;
}

/** d_i = ⊕_j (x_j ⊗ m[i][j]), each product floored (math.rs matmul_transpose_sparse; the dividend dot product). */
export function rowDotSparse(m: Sparse, x: Vec64): Vec64 {
  const out = new StaticArray<i64>(m.rows);
  const start = ptr(m.start), col = ptr(m.col), val = ptr(m.val), xs = ptr(x), o = ptr(out);
  for (let i = 0, rows = m.rows; i < rows; i++) {
    let s: i64 = 0;
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) s = satAdd(s, qmul(getI64(xs, getI32(col, k)), getI64(val, k)));
    setI64(o, i, s);
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
  const aRow = new StaticArray<i64>(cols);
  const bRow = new StaticArray<i64>(cols);
  const touchedRow = new StaticArray<bool>(cols);
  const a = ptr(aRow), b = ptr(bRow), touched = ptr(touchedRow);
  const wStart = ptr(w.start), wCol = ptr(w.col), wVal = ptr(w.val);
  const cStart = ptr(wClipped.start), cCol = ptr(wClipped.col), cVal = ptr(wClipped.val);
  const oStart = ptr(out.start), oCol = ptr(out.col), oVal = ptr(out.val);
  let n = 0;
  for (let i = 0, rows = w.rows; i < rows; i++) {
    if (getI32(wStart, i) == getI32(wStart, i + 1) && getI32(cStart, i) == getI32(cStart, i + 1)) {
      setI32(oStart, i + 1, n);
      continue;
    }
    for (let k = getI32(wStart, i), end = getI32(wStart, i + 1); k < end; k++) {
      const j = getI32(wCol, k);
      setI64(a, j, getI64(wVal, k)); store<bool>(touched + j, true);
    }
    for (let k = getI32(cStart, i), end = getI32(cStart, i + 1); k < end; k++) {
      const j = getI32(cCol, k);
      setI64(b, j, getI64(cVal, k)); store<bool>(touched + j, true);
    }
    // Columns absent from both rows give 0 ⊕ ratio ⊗ 0 = 0 and are never kept, so only touched ones matter.
    for (let j = 0; j < cols; j++) {
      if (!load<bool>(touched + j)) continue;
      const aj = getI64(a, j);
      const v = satAdd(aj, qmul(ratio, satSub(getI64(b, j), aj)));
      if (v > 0) { setI32(oCol, n, j); setI64(oVal, n, v); n++; }
      setI64(a, j, 0); setI64(b, j, 0); store<bool>(touched + j, false);
    }
    setI32(oStart, i + 1, n);
  }
  out.sealRows(n);
  return out;
}

/**
 * mat_ema_sparse over the union of entries: E[i][j] = (α_j ⊗ new[i][j]) ⊕ ((1 ⊖ α_j) ⊗ old[i][j]), keeping
 * entries > 0, each row in increasing column order. `alphaPerCol` (length cols) or the scalar `alpha`.
 */
export function matEmaSparse(fresh: Sparse, old: Sparse, alpha: i64, alphaPerCol: Vec64 | null, cols: i32): Sparse {
  const out = new Sparse(fresh.rows, fresh.nnz + old.nnz);
  // Per-column factors α_j and 1 ⊖ α_j (the scalar alpha repeated when there are none).
  const alphasV = new StaticArray<i64>(cols);
  const oneMinusV = new StaticArray<i64>(cols);
  const rowV = new StaticArray<i64>(cols);
  const alphas = ptr(alphasV), oneMinus = ptr(oneMinusV), row = ptr(rowV);
  const scalarOneMinus = satSub(ONE, alpha);
  for (let j = 0; j < cols; j++) {
    const a = alphaPerCol ? unchecked(alphaPerCol[j]) : alpha;
    setI64(alphas, j, a);
    setI64(oneMinus, j, alphaPerCol ? satSub(ONE, a) : scalarOneMinus);
  }
  const fStart = ptr(fresh.start), fCol = ptr(fresh.col), fVal = ptr(fresh.val);
  const bStart = ptr(old.start), bCol = ptr(old.col), bVal = ptr(old.val);
  const oStart = ptr(out.start), oCol = ptr(out.col), oVal = ptr(out.val);
  let n = 0;
  for (let i = 0, rows = fresh.rows; i < rows; i++) {
    const fFirst = getI32(fStart, i), fEnd = getI32(fStart, i + 1);
    const bFirst = getI32(bStart, i), bEnd = getI32(bStart, i + 1);
    if (fFirst < fEnd || bFirst < bEnd) {
      for (let k = fFirst; k < fEnd; k++) {
        const j = getI32(fCol, k);
        setI64(row, j, satAdd(getI64(row, j), qmul(getI64(alphas, j), getI64(fVal, k))));
      }
      for (let k = bFirst; k < bEnd; k++) {
        const j = getI32(bCol, k);
        setI64(row, j, satAdd(getI64(row, j), qmul(getI64(oneMinus, j), getI64(bVal, k))));
      }
      // Columns in neither row stay 0 and, like every result ≤ 0, are not kept: no need to track them.
      for (let j = 0; j < cols; j++) {
        const v = getI64(row, j);
        if (v > 0) { setI32(oCol, n, j); setI64(oVal, n, v); n++; }
        setI64(row, j, 0);
      }
    }
    setI32(oStart, i + 1, n);
  }
  out.sealRows(n);
  return out;
}

/**
 * Σ_j (m[i][j] ⊘ colsum_j) ⊗ x_j per row, i.e. rowDotSparse(colNormalized(m), x) without materialising
 * the column-normalised copy (columns with zero sum keep their values, as inplace_col_normalize_sparse does).
 */
export function rowDotColNormalizedSparse(m: Sparse, x: Vec64, cols: i32): Vec64 {
  const sumsV = colSumSparse(m, cols);
  const out = new StaticArray<i64>(m.rows);
  const sums = ptr(sumsV), xs = ptr(x), o = ptr(out);
  const start = ptr(m.start), col = ptr(m.col), val = ptr(m.val);
  for (let i = 0, rows = m.rows; i < rows; i++) {
    let s: i64 = 0;
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const j = getI32(col, k);
      const d = getI64(sums, j);
      const v = d != 0 ? qdiv(getI64(val, k), d) : getI64(val, k);
      s = satAdd(s, qmul(v, getI64(xs, j)));
    }
    setI64(o, i, s);
  }
  return out;
}
