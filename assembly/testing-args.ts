// Argument and result slots of the test entry points (testing-*.ts): the host allocates and fills i64
// vectors with `testArg`, calls a `math*` export, and reads the one result vector. Matrices travel
// encoded in a single vector (src/engine/wasm-testing.ts is the other side):
//
//   dense rows (ragged, like Vec<Vec<I32F32>>): [r, len_0 … len_{r−1}, row 0 values, row 1 values, …]
//   sparse rows (Vec<Vec<(u16, I32F32)>>):      [r, len_0 … len_{r−1}, row 0 (col, val) pairs, …]
//   I64F64 vectors (128-bit raw):               [hi_0, lo_0, hi_1, lo_1, …]
//   bools:                                      0 / 1
//
// Test-only: nothing here is used by the epoch.

import { Sparse, Vec64 } from './sparse';
import { Rows } from './dense';

const SLOTS = 8;
const args = new StaticArray<Vec64>(SLOTS);
for (let i = 0; i < SLOTS; i++) args[i] = new StaticArray<i64>(0);
let result: Vec64 = new StaticArray<i64>(0);

/** Allocates argument slot `slot` with `len` i64 values and returns its address for the host to fill. */
export function testArg(slot: i32, len: i32): usize {
  const v = new StaticArray<i64>(len);
  args[slot] = v;
  return changetype<usize>(v);
}

/** Address of the last result vector (valid until the next call that allocates). */
export function testResultPtr(): usize { return changetype<usize>(result); }

/** Length (i64 values) of the last result vector. */
export function testResultLen(): i32 { return result.length; }

export function arg(slot: i32): Vec64 { return args[slot]; }
export function setResult(v: Vec64): void { result = v; }

export function decodeBools(v: Vec64): StaticArray<bool> {
  const out = new StaticArray<bool>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] != 0;
  return out;
}

export function encodeBools(b: StaticArray<bool>): Vec64 {
  const out = new StaticArray<i64>(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b[i] ? 1 : 0;
  return out;
}

export function decodeRows(v: Vec64): Rows {
  const r = <i32>v[0];
  const out = new StaticArray<Vec64>(r);
  let at = 1 + r;
  for (let i = 0; i < r; i++) {
    const len = <i32>v[1 + i];
    const row = new StaticArray<i64>(len);
    for (let j = 0; j < len; j++) row[j] = v[at++];
    out[i] = row;
  }
  return out;
}

export function encodeRows(m: Rows): Vec64 {
  let total = 1 + m.length;
  for (let i = 0; i < m.length; i++) total += m[i].length;
  const out = new StaticArray<i64>(total);
  out[0] = m.length;
  let at = 1 + m.length;
  for (let i = 0; i < m.length; i++) {
    out[1 + i] = m[i].length;
    for (let j = 0; j < m[i].length; j++) out[at++] = m[i][j];
  }
  return out;
}

export function decodeSparse(v: Vec64): Sparse {
  const r = <i32>v[0];
  let nnz = 0;
  for (let i = 0; i < r; i++) nnz += <i32>v[1 + i];
  const m = new Sparse(r, nnz);
  let at = 1 + r;
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < <i32>v[1 + i]; k++) { m.push(<i32>v[at], v[at + 1]); at += 2; }
    m.endRow();
  }
  return m;
}

export function encodeSparse(m: Sparse): Vec64 {
  const out = new StaticArray<i64>(1 + m.rows + 2 * m.nnz);
  out[0] = m.rows;
  let at = 1 + m.rows;
  for (let i = 0; i < m.rows; i++) {
    out[1 + i] = m.rowEnd(i) - m.rowStart(i);
    for (let k = m.rowStart(i); k < m.rowEnd(i); k++) { out[at++] = m.colAt(k); out[at++] = m.valAt(k); }
  }
  return out;
}
