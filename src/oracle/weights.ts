// Epoch step §4.5: reading the stored weights and the masks W1–W5 (row normalisation W6 is sparse.ts).
// Stored order and zero-valued entries are kept throughout: they matter for clipping and Yuma 3.

import type { EpochInput, SparseRowRaw, SparseRowU16 } from '../model/epoch.ts';
import { type Fixed, U64_MAX, u16ToFixed } from './fixed.ts';
import { filterEntries } from './sparse.ts';

/** Reads n stored u16 rows, by default as Q(v) (the integer, not a proportion); rows and columns ≥ n are ignored. */
export function readU16Rows(rows: readonly SparseRowU16[], n: number, convert: (v: number) => Fixed = u16ToFixed): SparseRowRaw[] {
  return Array.from({ length: n }, (_, i) => (rows[i] ?? []).filter(([j]) => j < n).map(([j, v]): [number, bigint] => [j, convert(v)]));
}

/**
 * W1–W5 in subtensor's order: W2 rows of non-permitted validators emptied; W3 diagonal removed except the
 * owner's own entry; W4 (i, j) removed if last_update_i ≤ reg_j; W5 (commit-reveal on) removed if cb_i < reg_j.
 */
export function maskedWeights(input: EpochInput, permits: readonly boolean[]): SparseRowRaw[] {
  const { n, ownerUid, lastUpdate, blockAtRegistration: reg } = input;
  const read = readU16Rows(input.weights, n);
  const permitted = read.map((row, i) => (permits[i] ? row : []));
  const offDiagonal = filterEntries(permitted, (i, j) => i !== j || (i === ownerUid && j === ownerUid));
  const upToDate = filterEntries(offDiagonal, (i, j) => !(lastUpdate[i] <= reg[j]));
  if (!input.hyperparameters.commitRevealEnabled) return upToDate;
  const commitBlock = (i: number): bigint => input.commitBlock[i] ?? U64_MAX;
  return filterEntries(upToDate, (i, j) => !(commitBlock(i) < reg[j]));
}
