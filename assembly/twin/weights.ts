// Reading and masking the stored weights in the f64 twin (spec §4.5 W1–W5): the same masks, in the
// same order, as ../weights.ts; values are the u16 integers as f64.

import { SparseF } from './sparse';
import { U16Csr } from '../io';

/**
 * W after all masks: W1 columns ≥ n ignored; W2 rows of non-permitted validators emptied; W3 diagonal
 * removed except the owner's own entry; W4 (i, j) removed if last_update[i] ≤ reg[j]; W5 with
 * commit-reveal, (i, j) removed if commit_block[i] < reg[j].
 */
export function maskedWeightsF(
  stored: U16Csr, permit: StaticArray<bool>, ownerUid: i32, lastUpdate: StaticArray<u64>,
  reg: StaticArray<u64>, commitReveal: bool, commitBlock: StaticArray<u64>,
): SparseF {
  const n = permit.length;
  const out = new SparseF(n, stored.nnz());
  for (let i = 0; i < n; i++) {
    if (unchecked(permit[i])) {
      const updated = unchecked(lastUpdate[i]);
      const committed = unchecked(commitBlock[i]);
      for (let k = stored.rowStart(i); k < stored.rowEnd(i); k++) {
        const j = stored.colAt(k);
        if (j >= n) continue;                                         // W1
        if (j == i && i != ownerUid) continue;                        // W3
        const registered = unchecked(reg[j]);
        if (updated <= registered) continue;                          // W4
        if (commitReveal && committed < registered) continue;         // W5
        out.push(j, <f64>stored.valAt(k));
      }
    }
    out.endRow();                                                     // W2
  }
  return out;
}
