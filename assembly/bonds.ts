// Bonds (spec §4.9–§4.11): reading stored bonds, the Yuma 1/2 EMA of stake-weighted weights, and the
// Yuma 3 per-bond EMA with optional liquid alpha. Dividends live in epoch.ts next to their caller.

import { ONE, qmul, satAdd, satSub, u16Proportion } from './fixed';
import { ptr, getI32, setI32, getI64, setI64 } from './raw';
import { Sparse, Vec64 } from './sparse';
import { U16Csr } from './io';
import { sigmoidScale, sigmoidArgument, alphaFromExp, expSafeEach } from './liquid';

/**
 * Stored bond rows as Q values, without the columns registered at or after `lastTempo`
 * ("recently registered", spec §4.9). Yuma 1 reads the u16 as an integer, Yuma 3 as a proportion.
 */
export function readBonds(stored: U16Csr, reg: StaticArray<u64>, lastTempo: u64, asProportion: bool): Sparse {
  const n = reg.length;
  const out = new Sparse(n, stored.nnz());
  const start = ptr(stored.start), col = ptr(stored.col), val = ptr(stored.val), regs = ptr(reg);
  const oStart = ptr(out.start), oCol = ptr(out.col), oVal = ptr(out.val);
  let m = 0;
  for (let i = 0; i < n; i++) {
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const j = getI32(col, k);
      if (j >= n || lastTempo <= <u64>getI64(regs, j)) continue;
      const v = <i64>getI32(val, k);
      setI32(oCol, m, j);
      setI64(oVal, m, asProportion ? u16Proportion(v) : v << 32);
      m++;
    }
    setI32(oStart, i + 1, m);
  }
  out.sealRows(m);
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
  const bRowV = new StaticArray<i64>(n);  // B[i][·] densified: plain lookup, then forward-scan view
  const bRow = ptr(bRowV), c = ptr(consensus);
  const wStart = ptr(wb.start), wCol = ptr(wb.col), wVal = ptr(wb.val);
  const bStart = ptr(b.start), bCol = ptr(b.col), bVal = ptr(b.val);
  const oStart = ptr(out.start), oCol = ptr(out.col), oVal = ptr(out.val);
  // alphasOut has Wb's structure; its values hold x_ij, then exp_safe(x_ij), then α_ij.
  const aStart = ptr(alphasOut.start), aCol = ptr(alphasOut.col), alphas = ptr(alphasOut.val);
  memory.copy(aStart, wStart, <usize>(n + 1) << 2);
  memory.copy(aCol, wCol, <usize>wb.nnz << 2);
  alphasOut.sealRows(wb.nnz);

  // Pass 1: x_ij = (σ ÷ −100) ⊗ (d ⊖ ½) from the forward-scan views w̃, b̃.
  const scale = sigmoidScale(steepness);
  for (let i = 0; i < n; i++) {
    const bFirst = getI32(bStart, i), bEnd = getI32(bStart, i + 1);
    let maxCol = -1;
    for (let k = bFirst; k < bEnd; k++) {
      const j = getI32(bCol, k);
      if (j > maxCol) { setI64(bRow, j, getI64(bVal, k)); maxCol = j; }
    }
    maxCol = -1;
    for (let k = getI32(wStart, i), end = getI32(wStart, i + 1); k < end; k++) {
      const j = getI32(wCol, k);
      const wSeen = j > maxCol ? getI64(wVal, k) : 0;
      if (j > maxCol) maxCol = j;
      setI64(alphas, k, sigmoidArgument(getI64(c, j), wSeen, getI64(bRow, j), scale));
    }
    for (let k = bFirst; k < bEnd; k++) setI64(bRow, getI32(bCol, k), 0);
  }
  // Pass 2: exp_safe of every x at once (shared arguments once, then four series in lockstep).
  expSafeEach(alphas, wb.nnz, scale);
  // Pass 3: α_ij from exp_safe, and the bond EMA.
  let m = 0;
  for (let i = 0; i < n; i++) {
    const bFirst = getI32(bStart, i), bEnd = getI32(bStart, i + 1);
    for (let k = bFirst; k < bEnd; k++) setI64(bRow, getI32(bCol, k), getI64(bVal, k));
    for (let k = getI32(wStart, i), end = getI32(wStart, i + 1); k < end; k++) {
      const j = getI32(wCol, k);
      const alpha = alphaFromExp(getI64(alphas, k), alphaLow, alphaHigh);
      setI64(alphas, k, alpha);
      let v = satAdd(qmul(satSub(ONE, alpha), getI64(bRow, j)), max<i64>(qmul(alpha, getI64(wVal, k)), 0));
      if (v > ONE) v = ONE;
      if (v > 0) { setI32(oCol, m, j); setI64(oVal, m, v); m++; }
    }
    setI32(oStart, i + 1, m);
    for (let k = bFirst; k < bEnd; k++) setI64(bRow, getI32(bCol, k), 0);
  }
  out.sealRows(m);
  return out;
}

/** Any C_j ≠ 0 (liquid alpha only applies then). */
export function anyNonZero(x: Vec64): bool {
  for (let i = 0; i < x.length; i++) if (unchecked(x[i]) != 0) return true;
  return false;
}
