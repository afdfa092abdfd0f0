// Stake-weighted median consensus per column (spec §4.6, math.rs `weighted_median_col_sparse`),
// computed with the chain's quickselect. All stake sums are exact integer additions, so the result
// equals the spec's definition bit for bit, whatever the pivots and the order of the candidates.

import { satSub } from './fixed';
import { Sparse, Vec64 } from './sparse';
import { normalize } from './vecmath';
import { ptr, getI32, setI32, getI64, setI64 } from './raw';
import { takeI64 } from './recycle';

// Scratch for the selection: three regions of candidate (score, stake) pairs, kept between epochs.
let scoreBuf = new StaticArray<i64>(0);
let stakeBuf = new StaticArray<i64>(0);

/**
 * The chain's quickselect on `len` ≤ p candidates (scores and stakes by address; the partitions go to
 * regions of p slots in the scratch buffers): go lower if minority < lo + stake_lower (and lower
 * non-empty); else go higher if hi − stake_higher ≤ minority (and higher non-empty); else the pivot is
 * the median. The chain pivots on the candidate at ⌊len/2⌋; the median of the candidates at len/4, len/2
 * and 3·len/4 splits closer to the middle, so fewer candidates are visited for the same result. Both
 * lists are written at every step so that no branch depends on the comparison.
 */
function weightedMedian(scores0: usize, stakes0: usize, len: i32, p: i32, minority: i64, total: i64): i64 {
  const scores = ptr(scoreBuf), stakes = ptr(stakeBuf);
  // Byte offsets of the scratch regions: the lower list, the higher list, and the one holding the current list.
  const region = <usize>p << 3;
  let lowerAt: usize = 0, higherAt = region, currentAt = region << 1;
  let cs = scores0, cw = stakes0;
  let lo: i64 = 0;
  let hi: i64 = total;
  while (true) {
    if (len == 0) return 0;
    if (len == 1) return getI64(cs, 0);
    const pa = getI64(cs, len >> 2), pb = getI64(cs, len >> 1), pc = getI64(cs, len - 1 - (len >> 2));
    const pivot = max(min(pa, pb), min(max(pa, pb), pc));  // median of the three
    const ls = scores + lowerAt, lw = stakes + lowerAt, hs = scores + higherAt, hw = stakes + higherAt;
    let stakeLower: i64 = 0, stakeHigher: i64 = 0;
    let nLower = 0, nHigher = 0;
    for (let k = 0; k < len; k++) {
      const s = getI64(cs, k), w = getI64(cw, k);
      const isLower = s < pivot, isHigher = s > pivot;
      setI64(ls, nLower, s); setI64(lw, nLower, w);
      setI64(hs, nHigher, s); setI64(hw, nHigher, w);
      nLower += <i32>isLower; nHigher += <i32>isHigher;
      stakeLower += select<i64>(w, 0, isLower);
      stakeHigher += select<i64>(w, 0, isHigher);
    }
    if (minority < lo + stakeLower && nLower > 0) {
      hi = lo + stakeLower;
      len = nLower;
      cs = ls; cw = lw;
      const t = lowerAt; lowerAt = currentAt; currentAt = t;
    } else if (hi - stakeHigher <= minority && nHigher > 0) {
      lo = hi - stakeHigher;
      len = nHigher;
      cs = hs; cw = hw;
      const t = higherAt; higherAt = currentAt; currentAt = t;
    } else {
      return pivot;
    }
  }
  return 0;
}

/**
 * C_j for every column j < cols: participants are the rows with stake[i] > 0, their stakes
 * re-normalised among themselves; minority = Σa ⊖ kappa. Rows without an entry for j score 0.
 *
 * The median depends only on how much stake sits at each score (spec §4.6 "Definition"; the chain's
 * quickselect returns it for any order of candidates), so a column's candidates are its entries plus
 * one score-0 candidate holding the stake of all participants without an entry there.
 */
export function weightedMedianColSparse(stake: Vec64, w: Sparse, kappa: i64, cols: i32): Vec64 {
  // Participants, in index order, with their re-normalised stake.
  let p = 0;
  for (let i = 0; i < stake.length; i++) if (unchecked(stake[i]) > 0) p++;
  const rowOfV = new StaticArray<i32>(p);
  const raw = new StaticArray<i64>(p);
  p = 0;
  for (let i = 0; i < stake.length; i++) if (unchecked(stake[i]) > 0) { unchecked((rowOfV[p] = i)); unchecked((raw[p] = stake[i])); p++; }
  const stakesV = normalize(raw);
  let total: i64 = 0;
  for (let k = 0; k < p; k++) total += unchecked(stakesV[k]);
  const minority = satSub(total, kappa);

  // Column-major candidates (score, stake) of the participants' entries, one spare slot per column.
  const colStartV = new StaticArray<i32>(cols + 1);
  const colStart = ptr(colStartV), rowOf = ptr(rowOfV), stakes = ptr(stakesV);
  const start = ptr(w.start), col = ptr(w.col), val = ptr(w.val);
  for (let q = 0; q < p; q++) {
    const i = getI32(rowOf, q);
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const at = getI32(col, k) + 1;
      setI32(colStart, at, getI32(colStart, at) + 1);
    }
  }
  for (let j = 0; j < cols; j++) setI32(colStart, j + 1, getI32(colStart, j + 1) + getI32(colStart, j) + 1);
  const slots = getI32(colStart, cols);
  // Every slot read below is written first, so these may be last epoch's arrays (recycle.ts).
  const candScoreV = takeI64(slots);
  const candStakeV = takeI64(slots);
  const fillV = StaticArray.slice<i32>(colStartV);
  const lastRowV = new StaticArray<i32>(cols);
  const candScore = ptr(candScoreV), candStake = ptr(candStakeV), fill = ptr(fillV);
  const lastRow = ptr(lastRowV);
  for (let j = 0; j < cols; j++) setI32(lastRow, j, -1);
  for (let q = 0; q < p; q++) {
    const i = getI32(rowOf, q);
    const s = getI64(stakes, q);
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const j = getI32(col, k);
      // A second entry of one row in one column replaces the first, as densifying the row does.
      if (getI32(lastRow, j) == q) { setI64(candScore, getI32(fill, j) - 1, getI64(val, k)); continue; }
      const at = getI32(fill, j);
      setI32(fill, j, at + 1);
      setI32(lastRow, j, q);
      setI64(candScore, at, getI64(val, k)); setI64(candStake, at, s);
    }
  }

  if (scoreBuf.length < 3 * p) {
    scoreBuf = new StaticArray<i64>(3 * p);
    stakeBuf = new StaticArray<i64>(3 * p);
  }
  const out = new StaticArray<i64>(cols);
  const o = ptr(out);
  for (let j = 0; j < cols; j++) {
    const first = getI32(colStart, j);
    let len = getI32(fill, j) - first;
    // A column nobody scored: every score is 0, so the median is 0 (and 0 without participants).
    if (len == 0) continue;
    if (len < p) {
      let scored: i64 = 0;
      for (let k = first, end = first + len; k < end; k++) scored += getI64(candStake, k);
      setI64(candScore, first + len, 0);
      setI64(candStake, first + len, total - scored);
      len++;
    }
    setI64(o, j, weightedMedian(candScore + (<usize>first << 3), candStake + (<usize>first << 3), len, p, minority, total));
  }
  return out;
}
