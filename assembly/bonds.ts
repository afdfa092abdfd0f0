// Bonds (spec §4.9–§4.11): reading stored bonds, the Yuma 1/2 EMA of stake-weighted weights, and the
// Yuma 3 per-bond EMA with optional liquid alpha. Dividends live in epoch.ts next to their caller.

import { ONE, qmul, satAdd, satSub, fromInt, u16Proportion } from './fixed';
import { Sparse, Vec64 } from './sparse';
import { U16Csr } from './io';
import { alphaSigmoid } from './liquid';

/**
 * Stored bond rows as Q values, without the columns registered at or after `lastTempo`
 * ("recently registered", spec §4.9). Yuma 1 reads the u16 as an integer, Yuma 3 as a proportion.
 */
export function readBonds(stored: U16Csr, reg: StaticArray<u64>, lastTempo: u64, asProportion: bool): Sparse {
  const n = reg.length;
  const out = new Sparse(n, stored.nnz());
  for (let i = 0; i < n; i++) {
    for (let k = stored.rowStart(i); k < stored.rowEnd(i); k++) {
      const j = stored.colAt(k);
      if (j >= n || lastTempo <= unchecked(reg[j])) continue;
      const v = <i64>stored.valAt(k);
      out.push(j, asProportion ? u16Proportion(v) : fromInt(v));
    }
    out.endRow();
  }
  return out;
}

/**
 * Yuma 3 with liquid alpha (spec §4.11 step 2). For each entry (j, w) of Wb[i], in that row's order:
 * v = min(((1 ⊖ α_ij) ⊗ b) ⊕ max(α_ij ⊗ w, 0), 1) with b = B[i][j] (0 if absent); kept if v > 0.
 * Bonds whose column is absent from Wb[i] are dropped. α_ij reads w̃, b̃ through the chain's single
 * forward scan, which only ever sees an entry whose column exceeds every earlier column of its row
 * (a "record"); other entries read as 0 for α only. `alphasOut` receives α_ij per entry of Wb.
 */
export function liquidAlphaEma(wb: Sparse, b: Sparse, consensus: Vec64, alphaLow: i64, alphaHigh: i64, steepness: i64, alphasOut: Sparse): Sparse {
  const n = wb.rows;
  const out = new Sparse(n, wb.nnz);
  const bVal = new StaticArray<i64>(n);   // plain lookup B[i][j]
  const bSeen = new StaticArray<i64>(n);  // forward-scan view of B[i][j]
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
      const alpha = alphaSigmoid(unchecked(consensus[j]), wSeen, unchecked(bSeen[j]), alphaLow, alphaHigh, steepness);
      alphasOut.push(j, alpha);
      let v = satAdd(qmul(satSub(ONE, alpha), unchecked(bVal[j])), max<i64>(qmul(alpha, w), 0));
      if (v > ONE) v = ONE;
      if (v > 0) out.push(j, v);
    }
    alphasOut.endRow();
    out.endRow();
    for (let k = b.rowStart(i); k < b.rowEnd(i); k++) { unchecked((bVal[b.colAt(k)] = 0)); unchecked((bSeen[b.colAt(k)] = 0)); }
  }
  return out;
}

/** Any C_j ≠ 0 (liquid alpha only applies then). */
export function anyNonZero(x: Vec64): bool {
  for (let i = 0; i < x.length; i++) if (unchecked(x[i]) != 0) return true;
  return false;
}
