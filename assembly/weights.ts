// Reading and masking the stored weights (spec §4.5 W1–W5). Stored order and zero-valued entries
// are kept: they are semantics for clipping and for Yuma 3 liquid alpha.

import { fromInt } from './fixed';
import { Sparse } from './sparse';
import { U16Csr } from './io';

/**
 * W as Q(u16) after all masks, in one pass over the stored rows:
 * W1 read (columns ≥ n ignored); W2 rows of non-permitted validators emptied; W3 diagonal removed
 * except the owner's own entry; W4 (i, j) removed if last_update[i] ≤ reg[j] (outdated);
 * W5 with commit-reveal, (i, j) removed if commit_block[i] < reg[j] (u64::MAX = no commit).
 */
export function maskedWeights(
  stored: U16Csr, permit: StaticArray<bool>, ownerUid: i32, lastUpdate: StaticArray<u64>,
  reg: StaticArray<u64>, commitReveal: bool, commitBlock: StaticArray<u64>,
): Sparse {
  const n = permit.length;
  const out = new Sparse(n, stored.nnz());
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
        out.push(j, fromInt(<i64>stored.valAt(k)));
      }
    }
    out.endRow();                                                     // W2: forbidden rows stay empty
  }
  return out;
}
