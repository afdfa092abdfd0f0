// Vector and sparse-matrix helpers of subtensor's epoch/math.rs, on raw I32F32 (spec §2, §4).
// A sparse row is `[column, raw]` pairs in the order the epoch holds them; which entries exist is semantics.

import type { SparseRowRaw } from '../model/epoch.ts';
import { type Fixed, saturatingAdd, saturatingMul, saturatingSub, safeDiv, ONE } from './fixed.ts';

/** Plain Σ (Rust `iter().sum()`): exact addition, no saturation. */
export function sum(values: readonly Fixed[]): Fixed {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** inplace_normalize as a copy: x ⊘ Σx per entry; unchanged when Σx = 0. */
export function normalize(values: readonly Fixed[]): Fixed[] {
  const total = sum(values);
  return total === 0n ? [...values] : values.map((v) => safeDiv(v, total));
}

/** inplace_normalize_using_sum as a copy: x ⊘ total per entry; unchanged when total = 0. */
export function normalizeUsingSum(values: readonly Fixed[], total: Fixed): Fixed[] {
  return total === 0n ? [...values] : values.map((v) => safeDiv(v, total));
}

/** inplace_mask_vector as a copy: entries where `mask` is true become 0. */
export function maskVector(mask: readonly boolean[], values: readonly Fixed[]): Fixed[] {
  return values.map((v, i) => (mask[i] ? 0n : v));
}

/** vecdiv: x_i ⊘ y_i, and 0 where y_i = 0. */
export function vecDiv(x: readonly Fixed[], y: readonly Fixed[]): Fixed[] {
  return x.map((xi, i) => (y[i] !== 0n ? safeDiv(xi, y[i]) : 0n));
}

/** Deep copy of a sparse matrix. */
export function cloneSparse(matrix: readonly SparseRowRaw[]): SparseRowRaw[] {
  return matrix.map((row) => row.map(([j, v]): [number, bigint] => [j, v]));
}

/** n empty rows. */
export function emptyRows(n: number): SparseRowRaw[] {
  return Array.from({ length: n }, () => []);
}

/** Keeps the entries (i, j, v) for which `keep` holds, in stored order. */
export function filterEntries(matrix: readonly SparseRowRaw[], keep: (i: number, j: number, v: Fixed) => boolean): SparseRowRaw[] {
  return matrix.map((row, i) => row.filter(([j, v]) => keep(i, j, v)));
}

/** inplace_row_normalize_sparse as a copy: rows with Σ > 0 become v ⊘ Σ; other rows unchanged. */
export function rowNormalizeSparse(matrix: readonly SparseRowRaw[]): SparseRowRaw[] {
  return matrix.map((row) => {
    const total = sum(row.map(([, v]) => v));
    return total > 0n ? row.map(([j, v]): [number, bigint] => [j, safeDiv(v, total)]) : row.map(([j, v]): [number, bigint] => [j, v]);
  });
}

/** row_sum_sparse: plain Σ of each row. */
export function rowSumSparse(matrix: readonly SparseRowRaw[]): Fixed[] {
  return matrix.map((row) => sum(row.map(([, v]) => v)));
}

/** col_sum_sparse: ⊕-sum of each column over all rows. */
function colSumSparse(matrix: readonly SparseRowRaw[], n: number): Fixed[] {
  const sums: Fixed[] = new Array(n).fill(0n);
  for (const row of matrix) for (const [j, v] of row) sums[j] = saturatingAdd(sums[j], v);
  return sums;
}

/** inplace_col_normalize_sparse as a copy: v ⊘ colsum_j, skipping columns whose ⊕-sum is 0. */
export function colNormalizeSparse(matrix: readonly SparseRowRaw[], n: number): SparseRowRaw[] {
  const sums = colSumSparse(matrix, n);
  return matrix.map((row) => row.map(([j, v]): [number, bigint] => [j, sums[j] === 0n ? v : safeDiv(v, sums[j])]));
}

/** inplace_col_max_upscale_sparse as a copy: v ⊘ max_i(column j), skipping columns whose maximum is 0. */
export function colMaxUpscaleSparse(matrix: readonly SparseRowRaw[], n: number): SparseRowRaw[] {
  const maxima: Fixed[] = new Array(n).fill(0n);
  for (const row of matrix) for (const [j, v] of row) if (maxima[j] < v) maxima[j] = v;
  return matrix.map((row) => row.map(([j, v]): [number, bigint] => [j, maxima[j] === 0n ? v : safeDiv(v, maxima[j])]));
}

/** matmul_sparse: result_j = ⊕-Σ_i (vector_i ⊗ W_ij), each product floored separately. */
export function matmulSparse(matrix: readonly SparseRowRaw[], vector: readonly Fixed[], n: number): Fixed[] {
  const result: Fixed[] = new Array(n).fill(0n);
  matrix.forEach((row, i) => {
    for (const [j, v] of row) result[j] = saturatingAdd(result[j], saturatingMul(vector[i], v));
  });
  return result;
}

/** matmul_transpose_sparse: result_i = ⊕-Σ_j (vector_j ⊗ M_ij). */
export function matmulTransposeSparse(matrix: readonly SparseRowRaw[], vector: readonly Fixed[]): Fixed[] {
  return matrix.map((row) => row.reduce((acc, [j, v]) => saturatingAdd(acc, saturatingMul(vector[j], v)), 0n));
}

/** row_hadamard_sparse: every entry of row i multiplied by vector_i (entries kept, zeros included). */
export function rowHadamardSparse(matrix: readonly SparseRowRaw[], vector: readonly Fixed[]): SparseRowRaw[] {
  return matrix.map((row, i) => row.map(([j, v]): [number, bigint] => [j, saturatingMul(v, vector[i])]));
}

/** Writes a sparse row into a dense array of length n (later entries of the same column win). */
export function densifyRow(row: SparseRowRaw, n: number): Fixed[] {
  const dense: Fixed[] = new Array(n).fill(0n);
  for (const [j, v] of row) if (j < n) dense[j] = v;
  return dense;
}

/**
 * interpolate_sparse: W + ratio ⊗ (W̄ − W). ratio 0 → exact copy of `from`, ratio 1 → exact copy of `to`;
 * otherwise rows are densified and only results > 0 are kept, in increasing column order (spec §4.9).
 */
export function interpolateSparse(from: readonly SparseRowRaw[], to: readonly SparseRowRaw[], n: number, ratio: Fixed): SparseRowRaw[] {
  if (ratio === 0n) return cloneSparse(from);
  if (ratio === ONE) return cloneSparse(to);
  return from.map((fromRow, i) => {
    const a = densifyRow(fromRow, n);
    const b = densifyRow(to[i], n);
    const row: SparseRowRaw = [];
    for (let j = 0; j < n; j++) {
      const value = saturatingAdd(a[j], saturatingMul(ratio, saturatingSub(b[j], a[j])));
      if (value > 0n) row.push([j, value]);
    }
    return row;
  });
}

/**
 * mat_ema_sparse with one α per column (a constant α is the common case): over the union of entries,
 * E_ij = (α_j ⊗ new_ij) ⊕ ((1 ⊖ α_j) ⊗ old_ij), each product floored; keeps E > 0, increasing column order.
 */
export function matEmaSparse(
  next: readonly SparseRowRaw[],
  old: readonly SparseRowRaw[],
  n: number,
  alphaOfColumn: (j: number) => Fixed,
): SparseRowRaw[] {
  return next.map((nextRow, i) => {
    const acc: Fixed[] = new Array(n).fill(0n);
    for (const [j, v] of nextRow) acc[j] = saturatingAdd(acc[j], saturatingMul(alphaOfColumn(j), v));
    for (const [j, v] of old[i]) acc[j] = saturatingAdd(acc[j], saturatingMul(saturatingSub(ONE, alphaOfColumn(j)), v));
    const row: SparseRowRaw = [];
    acc.forEach((v, j) => {
      if (v > 0n) row.push([j, v]);
    });
    return row;
  });
}
