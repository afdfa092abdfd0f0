// Sparse matrices in compressed-row form, the shape subtensor's `Vec<Vec<(u16, I32F32)>>` takes in
// flat memory. Row i holds entries start[i] .. start[i+1]−1 in stored order; values are raw I32F32.
//
//   start: [0, 3, 3, 5]            rows 0..n−1 (here n = 3; row 1 empty)
//   col:   [4, 5, 7 | 4, 6]        column uid of each entry
//   val:   [w, w, w | w, w]        raw I32F32 (i64)

import { takeI32, takeI64 } from './recycle';

/** A sparse matrix of raw I32F32 values. `start` has rows+1 entries; entries may be fewer than capacity. */
export class Sparse {
  start: StaticArray<i32>;
  col: StaticArray<i32>;
  val: StaticArray<i64>;
  /** Entries appended so far (rows are appended in order with `push` and closed with `endRow`). */
  nnz: i32 = 0;
  private row: i32 = 0;

  constructor(public rows: i32, capacity: i32) {
    this.start = new StaticArray<i32>(rows + 1);
    // col and val may be last epoch's arrays, unzeroed (recycle.ts): every builder writes an entry before it is read.
    this.col = takeI32(max(capacity, 1));
    this.val = takeI64(max(capacity, 1));
  }

  /** Appends (j, v) to the row being built. Capacity must have been sized by the caller. */
  // @ts-ignore: decorator
  @inline
  push(j: i32, v: i64): void {
    unchecked((this.col[this.nnz] = j));
    unchecked((this.val[this.nnz] = v));
    this.nnz++;
  }

  /** Closes the current row. Call exactly `rows` times. */
  // @ts-ignore: decorator
  @inline
  endRow(): void {
    this.row++;
    unchecked((this.start[this.row] = this.nnz));
  }

  // @ts-ignore: decorator
  @inline
  rowStart(i: i32): i32 { return unchecked(this.start[i]); }
  // @ts-ignore: decorator
  @inline
  rowEnd(i: i32): i32 { return unchecked(this.start[i + 1]); }
  // @ts-ignore: decorator
  @inline
  colAt(k: i32): i32 { return unchecked(this.col[k]); }
  // @ts-ignore: decorator
  @inline
  valAt(k: i32): i64 { return unchecked(this.val[k]); }
  // @ts-ignore: decorator
  @inline
  setVal(k: i32, v: i64): void { unchecked((this.val[k] = v)); }

  /** Marks every row closed after the arrays were filled by address (raw.ts): `nnz` entries in all. */
  sealRows(nnz: i32): void {
    this.nnz = nnz;
    this.row = this.rows;
  }

  /** An exact copy (same entries, same order). */
  clone(): Sparse {
    const out = new Sparse(this.rows, this.nnz);
    memory.copy(changetype<usize>(out.start), changetype<usize>(this.start), <usize>(this.rows + 1) << 2);
    memory.copy(changetype<usize>(out.col), changetype<usize>(this.col), <usize>this.nnz << 2);
    memory.copy(changetype<usize>(out.val), changetype<usize>(this.val), <usize>this.nnz << 3);
    out.sealRows(this.nnz);
    return out;
  }
}

/** An empty n-row matrix. */
export function emptySparse(rows: i32): Sparse {
  const m = new Sparse(rows, 0);
  m.sealRows(0);
  return m;
}

/** A vector of raw I32F32 (or any i64) values. */
export type Vec64 = StaticArray<i64>;
