// Stake-weighted median consensus per column in the f64 twin (spec §4.6), computed from the spec's
// definition rather than the chain's quickselect: on exact integers both agree, and on f64 the
// definition is the one that stays well defined (sums may differ by an ulp between orders).

import { SparseF, VecF } from './sparse';
import { normalizeF } from './vecmath';

// Sort key of the per-column comparator (AssemblyScript comparators cannot capture locals).
let sortScore = new StaticArray<f64>(0);

/**
 * C_j for every column j < cols. Participants are the rows with stake[i] > 0, their stakes a re-normalised
 * among themselves, T = Σa, minority = T − kappa. C_j = the smallest score v with Σ_{x_i ≤ v} a_i > minority
 * (strictly: a tie with minority does not cross); the largest score if none crosses; 0 without participants.
 * Rows without an entry for j score 0.
 */
export function weightedMedianColSparseF(stake: VecF, w: SparseF, kappa: f64, cols: i32): VecF {
  let p = 0;
  for (let i = 0; i < stake.length; i++) if (unchecked(stake[i]) > 0) p++;
  const rowOf = new StaticArray<i32>(p);
  const raw = new StaticArray<f64>(p);
  p = 0;
  for (let i = 0; i < stake.length; i++) if (unchecked(stake[i]) > 0) { unchecked((rowOf[p] = i)); unchecked((raw[p] = stake[i])); p++; }
  const a = normalizeF(raw);
  let total: f64 = 0;
  for (let q = 0; q < p; q++) total += unchecked(a[q]);
  const minority = total - kappa;

  // Column-major entries of the participants' rows (a transpose; absent entries score 0).
  const colCount = new StaticArray<i32>(cols + 1);
  for (let q = 0; q < p; q++) {
    const i = unchecked(rowOf[q]);
    for (let k = w.rowStart(i); k < w.rowEnd(i); k++) unchecked((colCount[w.colAt(k) + 1] += 1));
  }
  for (let j = 0; j < cols; j++) unchecked((colCount[j + 1] += colCount[j]));
  const entryRow = new StaticArray<i32>(colCount[cols]);
  const entryVal = new StaticArray<f64>(colCount[cols]);
  const fill = StaticArray.slice<i32>(colCount);
  for (let q = 0; q < p; q++) {
    const i = unchecked(rowOf[q]);
    for (let k = w.rowStart(i); k < w.rowEnd(i); k++) {
      const at = unchecked(fill[w.colAt(k)]++);
      unchecked((entryRow[at] = q)); unchecked((entryVal[at] = w.valAt(k)));
    }
  }

  const out = new StaticArray<f64>(cols);
  if (p == 0) return out;
  const scores = new StaticArray<f64>(p);
  sortScore = scores;
  const order = new Array<i32>(0);
  for (let j = 0; j < cols; j++) {
    // Positive scores sorted ascending; every other participant scores 0.
    order.length = 0;
    for (let k = colCount[j]; k < colCount[j + 1]; k++) {
      const q = unchecked(entryRow[k]);
      unchecked((scores[q] = entryVal[k]));
      if (entryVal[k] > 0) order.push(q);
    }
    order.sort((x: i32, y: i32): i32 => {
      const sx = unchecked(sortScore[x]), sy = unchecked(sortScore[y]);
      return sx < sy ? -1 : sx > sy ? 1 : x - y;
    });
    unchecked((out[j] = medianOfColumn(scores, a, order, minority)));
    for (let k = colCount[j]; k < colCount[j + 1]; k++) unchecked((scores[entryRow[k]] = 0));
  }
  return out;
}

/** The definition on one column: `order` lists the positive scores ascending; all other participants score 0. */
function medianOfColumn(scores: VecF, a: VecF, order: Array<i32>, minority: f64): f64 {
  const p = a.length;
  let cum: f64 = 0;
  let zeros = 0;
  for (let q = 0; q < p; q++) if (unchecked(scores[q]) <= 0) { cum += unchecked(a[q]); zeros++; }
  if (zeros > 0 && cum > minority) return 0;
  let k = 0;
  while (k < order.length) {
    const v = unchecked(scores[unchecked(order[k])]);
    while (k < order.length && unchecked(scores[unchecked(order[k])]) == v) { cum += unchecked(a[unchecked(order[k])]); k++; }
    if (cum > minority) return v;
  }
  // Nothing crossed (only when minority ≥ T): the largest score.
  return order.length > 0 ? unchecked(scores[unchecked(order[order.length - 1])]) : 0;
}
