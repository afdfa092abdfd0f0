// Bonds in the f64 twin (spec §4.9–§4.11): reading stored bonds and the Yuma 3 per-bond EMA with liquid
// alpha, with the entry rules of ../bonds.ts (absent columns dropped, the chain's forward scan for α).

import { SparseF, VecF } from './sparse';
import { U16Csr } from '../io';
import { alphaSigmoidF } from './liquid';

/**
 * Stored bond rows as f64, without the columns registered at or after `lastTempo` ("recently registered",
 * spec §4.9). Yuma 1 reads the u16 as an integer, Yuma 3 as the proportion u16 / 65535.
 */
export function readBondsF(stored: U16Csr, reg: StaticArray<u64>, lastTempo: u64, asProportion: bool): SparseF {
  const n = reg.length;
  const out = new SparseF(n, stored.nnz());
  for (let i = 0; i < n; i++) {
    for (let k = stored.rowStart(i); k < stored.rowEnd(i); k++) {
      const j = stored.colAt(k);
      if (j >= n || lastTempo <= unchecked(reg[j])) continue;
      const v = <f64>stored.valAt(k);
      out.push(j, asProportion ? v / 65535.0 : v);
    }
    out.endRow();
  }
  return out;
}

/**
 * Yuma 3 with liquid alpha (spec §4.11 step 2): for each entry (j, w) of Wb[i], in that row's order,
 * v = min((1 − α_ij)·b + max(α_ij·w, 0), 1) with b = B[i][j] (0 if absent), kept if v > 0. Bonds whose
 * column is absent from Wb[i] are dropped. α_ij reads w̃, b̃ through the chain's forward scan (only
 * entries whose column exceeds every earlier column of their row are seen). `alphasOut` gets α_ij.
 */
export function liquidAlphaEmaF(wb: SparseF, b: SparseF, consensus: VecF, alphaLow: f64, alphaHigh: f64, steepness: f64, alphasOut: SparseF): SparseF {
  const n = wb.rows;
  const out = new SparseF(n, wb.nnz);
  const bVal = new StaticArray<f64>(n);
  const bSeen = new StaticArray<f64>(n);
  for (let i = 0; i < n; i++) {
    let maxCol = -1;
    for (let k = b.rowStart(i); k < b.rowEnd(i); k++) {
      const j = b.colAt(k);
      unchecked((bVal[j] = b.valAt(k)));
      if (j > maxCol) { unchecked((bSeen[j] = b.valAt(k))); maxCol = j; }
    }
    maxCol = -1;
    for (let k = wb.rowStart(i); k < wb.rowEnd(i); k++) {
      const j = wb.colAt(k);
      const w = wb.valAt(k);
      const wSeen = j > maxCol ? w : 0;
      if (j > maxCol) maxCol = j;
      const alpha = alphaSigmoidF(unchecked(consensus[j]), wSeen, unchecked(bSeen[j]), alphaLow, alphaHigh, steepness);
      alphasOut.push(j, alpha);
      let v = (1 - alpha) * unchecked(bVal[j]) + max<f64>(alpha * w, 0);
      if (v > 1) v = 1;
      if (v > 0) out.push(j, v);
    }
    alphasOut.endRow();
    out.endRow();
    for (let k = b.rowStart(i); k < b.rowEnd(i); k++) { unchecked((bVal[b.colAt(k)] = 0)); unchecked((bSeen[b.colAt(k)] = 0)); }
  }
  return out;
}

/** Any C_j ≠ 0 (liquid alpha only applies then). */
export function anyNonZeroF(x: VecF): bool {
  for (let i = 0; i < x.length; i++) if (unchecked(x[i]) != 0) return true;
  return false;
}
