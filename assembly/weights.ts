// Reading and masking the stored weights (spec §4.5 W1–W5). Stored order and zero-valued entries
// are kept: they are semantics for clipping and for Yuma 3 liquid alpha.

import { fromInt } from './fixed';
import { Sparse } from './sparse';
import { U16Csr } from './io';
import { ptr, getI32, setI32, getI64, setI64 } from './raw';

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
  const start = ptr(stored.start), col = ptr(stored.col), val = ptr(stored.val);
  const oStart = ptr(out.start), oCol = ptr(out.col), oVal = ptr(out.val);
  const regs = ptr(reg);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (unchecked(permit[i])) {
      const updated = unchecked(lastUpdate[i]);
      const committed = commitReveal ? unchecked(commitBlock[i]) : u64.MAX_VALUE;
      for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
        const j = getI32(col, k);
        if (j >= n) continue;                                         // W1
        if (j == i && i != ownerUid) continue;                        // W3
        const registered = <u64>getI64(regs, j);
        if (updated <= registered) continue;                          // W4
        if (committed < registered) continue;                         // W5 (u64::MAX: no commit, or commit-reveal off)
        setI32(oCol, m, j);
        setI64(oVal, m, fromInt(<i64>getI32(val, k)));
        m++;
      }
    }
    setI32(oStart, i + 1, m);                                         // W2: forbidden rows stay empty
  }
  out.sealRows(m);
  return out;
}
