// Sparse functions of subtensor's epoch/math.rs that the epoch does not call one by one: the masks
// (weights.ts fuses them into one pass), the element-wise mat_vec_mul_sparse (epoch.ts fuses it with
// the row sum in rowDotSparse) and mat_ema_alpha_sparse with an explicit α matrix (bonds.ts computes
// α per bond itself). Same exact semantics, so tests/assembly can check every math.rs vector. Test-only.

import { ONE, qmul, satAdd, satSub } from './fixed';
import { Sparse, Vec64 } from './sparse';
import { Rows } from './dense';

/** mask_rows_sparse: rows whose mask is true (or that the mask does not cover) become empty. */
export function maskRowsSparse(mask: StaticArray<bool>, m: Sparse): Sparse {
  const out = new Sparse(m.rows, m.nnz);
  for (let i = 0; i < m.rows; i++) {
    if (i < mask.length && !mask[i]) for (let k = m.rowStart(i); k < m.rowEnd(i); k++) out.push(m.colAt(k), m.valAt(k));
    out.endRow();
  }
  return out;
}

/** mask_diag_sparse_except_index: drops entries (i, i) except (except, except); except < 0 drops all. */
export function maskDiagSparseExceptIndex(m: Sparse, except: i32): Sparse {
  const out = new Sparse(m.rows, m.nnz);
  for (let i = 0; i < m.rows; i++) {
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) if (m.colAt(k) != i || i == except) out.push(m.colAt(k), m.valAt(k));
    out.endRow();
  }
  return out;
}

/** Predicates of vec_mask_sparse_matrix, by code: 0 a == b, 1 a < b, 2 a <= b, 3 a > b, 4 a >= b, 5 a != b. */
function holds(op: i32, a: u64, b: u64): bool {
  switch (op) {
    case 0: return a == b;
    case 1: return a < b;
    case 2: return a <= b;
    case 3: return a > b;
    case 4: return a >= b;
    default: return a != b;
  }
}

/** vec_mask_sparse_matrix: drops (i, j) where f(first[i], second[j]); missing vector entries read as 0. */
export function vecMaskSparseMatrix(m: Sparse, first: StaticArray<u64>, second: StaticArray<u64>, op: i32): Sparse {
  const out = new Sparse(m.rows, m.nnz);
  for (let i = 0; i < m.rows; i++) {
    const a: u64 = i < first.length ? first[i] : 0;
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) {
      const j = m.colAt(k);
      if (!holds(op, a, j < second.length ? second[j] : 0)) out.push(j, m.valAt(k));
    }
    out.endRow();
  }
  return out;
}

/** mat_vec_mul_sparse: entry (j, m_ij ⊗ v_j), dropped when the product is 0 or v has no j-th value. */
export function matVecMulSparse(m: Sparse, v: Vec64): Sparse {
  const out = new Sparse(m.rows, m.nnz);
  for (let i = 0; i < m.rows; i++) {
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) {
      const j = m.colAt(k);
      if (j >= v.length) continue;
      const p = qmul(m.valAt(k), v[j]);
      if (p != 0) out.push(j, p);
    }
    out.endRow();
  }
  return out;
}

/**
 * mat_ema_alpha_sparse: for each entry (j, n) of fresh[i] with j inside α's row,
 * v = min((1 ⊖ α_ij) ⊗ old_ij ⊕ max(α_ij ⊗ n, 0), 1), kept if v > 0. Bonds whose column is absent
 * from fresh[i] are dropped, not decayed. A copy of `fresh` if the row counts differ.
 */
export function matEmaAlphaSparse(fresh: Sparse, old: Sparse, alpha: Rows): Sparse {
  if (fresh.rows != old.rows || fresh.rows != alpha.length) return fresh.clone();
  const out = new Sparse(fresh.rows, fresh.nnz);
  for (let i = 0; i < fresh.rows; i++) {
    const a = alpha[i];
    const decayed = new StaticArray<i64>(a.length);
    for (let k = old.rowStart(i); k < old.rowEnd(i); k++) {
      const j = old.colAt(k);
      if (j < a.length) decayed[j] = qmul(satSub(ONE, a[j]), old.valAt(k));
    }
    for (let k = fresh.rowStart(i); k < fresh.rowEnd(i); k++) {
      const j = fresh.colAt(k);
      if (j >= a.length) continue;
      let v = satAdd(decayed[j], max<i64>(qmul(a[j], fresh.valAt(k)), 0));
      if (v > ONE) v = ONE;
      if (v > 0) out.push(j, v);
    }
    out.endRow();
  }
  return out;
}
