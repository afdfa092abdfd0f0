// Stake-weighted median consensus per column (spec §4.6, math.rs `weighted_median_col_sparse`),
// computed with the chain's own deterministic mid-pivot quickselect. All stake sums are exact
// integer additions, so the result equals the spec's definition bit for bit.

import { satSub } from './fixed';
import { Sparse, Vec64 } from './sparse';
import { normalize } from './vecmath';

// Scratch shared by every column: candidate lists are partitioned in place between two buffers.
let bufA = new StaticArray<i32>(0);
let bufB = new StaticArray<i32>(0);
let scores = new StaticArray<i64>(0);
let stakes = new StaticArray<i64>(0);

function ensureScratch(p: i32): void {
  if (bufA.length >= p) return;
  bufA = new StaticArray<i32>(p);
  bufB = new StaticArray<i32>(p);
}

/**
 * The chain's quickselect on candidates cand[0..len) (indices into `scores`/`stakes`, in index order):
 * pivot = cand[⌊len/2⌋]; go lower if minority < lo + stake_lower (and lower non-empty); else go higher
 * if hi − stake_higher ≤ minority (and higher non-empty); else the pivot is the median.
 */
function weightedMedian(len: i32, minority: i64): i64 {
  let cand = bufA, spare = bufB;
  let lo: i64 = 0;
  let hi: i64 = 0;
  for (let k = 0; k < len; k++) hi += unchecked(stakes[cand[k]]);
  while (true) {
    if (len == 0) return 0;
    if (len == 1) return unchecked(scores[cand[0]]);
    const pivot = unchecked(scores[cand[len >> 1]]);
    let stakeLower: i64 = 0, stakeHigher: i64 = 0;
    let nLower = 0, nHigher = 0;
    // Lower candidates fill `spare` from the front, higher ones from the back (reversed, fixed below).
    for (let k = 0; k < len; k++) {
      const idx = unchecked(cand[k]);
      const s = unchecked(scores[idx]);
      if (s < pivot) { unchecked((spare[nLower++] = idx)); stakeLower += unchecked(stakes[idx]); }
      else if (s > pivot) { unchecked((spare[len - 1 - nHigher++] = idx)); stakeHigher += unchecked(stakes[idx]); }
    }
    if (minority < lo + stakeLower && nLower > 0) {
      hi = lo + stakeLower;
      len = nLower;
    } else if (hi - stakeHigher <= minority && nHigher > 0) {
      lo = hi - stakeHigher;
      // Restore index order of the higher list (it was written back to front).
      for (let k = 0; k < nHigher; k++) unchecked((cand[k] = spare[len - 1 - k]));
      len = nHigher;
      continue;
    } else {
      return pivot;
    }
    const t = cand; cand = spare; spare = t;
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
  const rowOf = new StaticArray<i32>(p);
  const raw = new StaticArray<i64>(p);
  p = 0;
  for (let i = 0; i < stake.length; i++) if (unchecked(stake[i]) > 0) { unchecked((rowOf[p] = i)); unchecked((raw[p] = stake[i])); p++; }
  stakes = normalize(raw);
  let total: i64 = 0;
  for (let k = 0; k < p; k++) total += unchecked(stakes[k]);
  const minority = satSub(total, kappa);

  // Column-major scores of the participants (a transpose of their rows; absent entries are 0).
  const colCount = new StaticArray<i32>(cols + 1);
  for (let q = 0; q < p; q++) {
    const i = unchecked(rowOf[q]);
    for (let k = w.rowStart(i); k < w.rowEnd(i); k++) unchecked((colCount[w.colAt(k) + 1] += 1));
  }
  for (let j = 0; j < cols; j++) unchecked((colCount[j + 1] += colCount[j]));
  const entryRow = new StaticArray<i32>(colCount[cols]);
  const entryVal = new StaticArray<i64>(colCount[cols]);
  const fill = StaticArray.slice<i32>(colCount);
  for (let q = 0; q < p; q++) {
    const i = unchecked(rowOf[q]);
    for (let k = w.rowStart(i); k < w.rowEnd(i); k++) {
      const at = unchecked(fill[w.colAt(k)]++);
      unchecked((entryRow[at] = q)); unchecked((entryVal[at] = w.valAt(k)));
    }
  }

  ensureScratch(p);
  scores = new StaticArray<i64>(p);
  const out = new StaticArray<i64>(cols);
  for (let j = 0; j < cols; j++) {
    for (let k = colCount[j]; k < colCount[j + 1]; k++) unchecked((scores[entryRow[k]] = entryVal[k]));
    for (let q = 0; q < p; q++) unchecked((bufA[q] = q));
    unchecked((out[j] = weightedMedian(p, minority)));
    for (let k = colCount[j]; k < colCount[j + 1]; k++) unchecked((scores[entryRow[k]] = 0));
  }
  return out;
}
