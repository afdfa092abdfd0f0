// Float64 sparse matrices for the f64 twin of the epoch: the same compressed-row shape as ../sparse.ts
// (rows in stored order, entries appended row by row), holding real values instead of raw I32F32.
//
//   start: [0, 3, 3, 5]            rows 0..n−1 (row 1 empty)
//   col:   [4, 5, 7 | 4, 6]        column uid of each entry
//   val:   [w, w, w | w, w]        f64 value

/** A sparse matrix of f64 values. `start` has rows+1 entries; entries may be fewer than capacity. */
export class SparseF {
  start: StaticArray<i32>;
  col: StaticArray<i32>;
  val: StaticArray<f64>;
  /** Entries appended so far (rows are appended in order with `push` and closed with `endRow`). */
  nnz: i32 = 0;
  private row: i32 = 0;

  constructor(public rows: i32, capacity: i32) {
    this.start = new StaticArray<i32>(rows + 1);
    this.col = new StaticArray<i32>(max(capacity, 1));
    this.val = new StaticArray<f64>(max(capacity, 1));
  }

  /** Appends (j, v) to the row being built. Capacity must have been sized by the caller. */
  // @ts-ignore: decorator
  @inline
  push(j: i32, v: f64): void {
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
  @inline rowStart(i: i32): i32 { return unchecked(this.start[i]); }
  // @ts-ignore: decorator
  @inline rowEnd(i: i32): i32 { return unchecked(this.start[i + 1]); }
  // @ts-ignore: decorator
  @inline colAt(k: i32): i32 { return unchecked(this.col[k]); }
  // @ts-ignore: decorator
  @inline valAt(k: i32): f64 { return unchecked(this.val[k]); }
  // @ts-ignore: decorator
  @inline setVal(k: i32, v: f64): void { unchecked((this.val[k] = v)); }

  /** An exact copy (same entries, same order). */
  clone(): SparseF {
    const out = new SparseF(this.rows, this.nnz);
    for (let i = 0; i < this.rows; i++) {
      for (let k = this.rowStart(i); k < this.rowEnd(i); k++) out.push(this.colAt(k), this.valAt(k));
      out.endRow();
    }
    return out;
  }
}

/** An empty n-row matrix. */
export function emptySparseF(rows: i32): SparseF {
  const m = new SparseF(rows, 0);
  for (let i = 0; i < rows; i++) m.endRow();
  return m;
}

/** A vector of f64 values. */
export type VecF = StaticArray<f64>;
