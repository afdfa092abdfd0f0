// Stake-weighted median consensus per column (spec §4.6, math.rs `weighted_median_col_sparse`),
// computed with the chain's own deterministic mid-pivot quickselect. All stake sums are exact
// integer additions, so the result equals the spec's definition bit for bit.

import { satSub } from './fixed';
import { Sparse, Vec64 } from './sparse';
import { normalize } from './vecmath';
import { ptr, getI32, setI32, getI64, setI64 } from './raw';

// Candidate lists as (score, stake) pairs in three regions of p slots each, kept between epochs: a
// partition reads the current region and writes the lower and higher lists into the other two.
let scoreBuf = new StaticArray<i64>(0);
let stakeBuf = new StaticArray<i64>(0);

/**
 * The chain's quickselect on the `len` candidates of region 0 (in index order), regions of `p` slots:
 * pivot = the candidate at ⌊len/2⌋; go lower if minority < lo + stake_lower (and lower non-empty); else
 * go higher if hi − stake_higher ≤ minority (and higher non-empty); else the pivot is the median.
 * Lower and higher lists keep index order; both are written at every step so that no branch depends
 * on the comparison (random scores would mispredict half of them).
 */
function weightedMedian(len: i32, p: i32, minority: i64, total: i64): i64 {
  const scores = ptr(scoreBuf), stakes = ptr(stakeBuf);
  const region = <usize>p << 3;
  let cur: usize = 0, lower: usize = region, higher: usize = region << 1;
  let lo: i64 = 0;
  let hi: i64 = total;
  while (true) {
    if (len == 0) return 0;
    const cs = scores + cur, cw = stakes + cur;
    if (len == 1) return getI64(cs, 0);
    const pivot = getI64(cs, len >> 1);
    const ls = scores + lower, lw = stakes + lower, hs = scores + higher, hw = stakes + higher;
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
      const t = cur; cur = lower; lower = t;
    } else if (hi - stakeHigher <= minority && nHigher > 0) {
      lo = hi - stakeHigher;
      len = nHigher;
      const t = cur; cur = higher; higher = t;
    } else {
      return pivot;
    }
  }
  return 0;
}

/**
 * C_j for every column j < cols: participants are the rows with stake[i] > 0, their stakes
 * re-normalised among themselves; minority = Σa ⊖ kappa. Rows without an entry for j score 0.
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

  // Column-major scores of the participants (a transpose of their rows; absent entries are 0).
  const colStartV = new StaticArray<i32>(cols + 1);
  const colStart = ptr(colStartV), rowOf = ptr(rowOfV);
  const start = ptr(w.start), col = ptr(w.col), val = ptr(w.val);
  for (let q = 0; q < p; q++) {
    const i = getI32(rowOf, q);
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const at = getI32(col, k) + 1;
      setI32(colStart, at, getI32(colStart, at) + 1);
    }
  }
  for (let j = 0; j < cols; j++) setI32(colStart, j + 1, getI32(colStart, j + 1) + getI32(colStart, j));
  const entries = getI32(colStart, cols);
  const entryRowV = new StaticArray<i32>(entries);
  const entryValV = new StaticArray<i64>(entries);
  const fillV = StaticArray.slice<i32>(colStartV);
  const entryRow = ptr(entryRowV), entryVal = ptr(entryValV), fill = ptr(fillV);
  for (let q = 0; q < p; q++) {
    const i = getI32(rowOf, q);
    for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
      const j = getI32(col, k);
      const at = getI32(fill, j);
      setI32(fill, j, at + 1);
      setI32(entryRow, at, q); setI64(entryVal, at, getI64(val, k));
    }
  }

  if (scoreBuf.length < 3 * p) {
    scoreBuf = new StaticArray<i64>(3 * p);
    stakeBuf = new StaticArray<i64>(3 * p);
  }
  const scores = ptr(scoreBuf), stakes = ptr(stakeBuf), stakesIn = ptr(stakesV);
  const out = new StaticArray<i64>(cols);
  const o = ptr(out);
  for (let j = 0; j < cols; j++) {
    const first = getI32(colStart, j), end = getI32(colStart, j + 1);
    // A column nobody scored: every score is 0, so the median is 0 (and 0 without participants).
    if (first == end) continue;
    memory.fill(scores, 0, <usize>p << 3);
    memory.copy(stakes, stakesIn, <usize>p << 3);
    for (let k = first; k < end; k++) setI64(scores, getI32(entryRow, k), getI64(entryVal, k));
    setI64(o, j, weightedMedian(p, p, minority, total));
  }
  return out;
}
