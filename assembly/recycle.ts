// Reuse of the epoch's large arrays (sparse-matrix entries) from one epoch to the next. Every matrix an
// epoch makes is dead once the next epoch starts: the host reads results before it runs again, and
// index.ts replaces the result. So between `beginRecycling` and `endRecycling` (runEpoch), arrays come
// from the previous epoch's, unzeroed, instead of fresh zeroed allocations; outside, they are plain
// garbage-collected arrays. Contract for users: every element is written before it is read.

let recycling = false;
let madeI32: StaticArray<i32>[] = [];
let madeI64: StaticArray<i64>[] = [];
let spareI32: StaticArray<i32>[] = [];
let spareI64: StaticArray<i64>[] = [];

/** Called by runEpoch first: the previous epoch's arrays become reusable. */
export function beginRecycling(): void {
  spareI32 = madeI32;
  spareI64 = madeI64;
  madeI32 = [];
  madeI64 = [];
  recycling = true;
}

/** Called by runEpoch last: later allocations are ordinary again. */
export function endRecycling(): void {
  recycling = false;
}

/** An i32 array of at least `len` elements, contents unspecified while recycling (zeros otherwise). */
export function takeI32(len: i32): StaticArray<i32> {
  if (!recycling) return new StaticArray<i32>(len);
  let a: StaticArray<i32> | null = null;
  for (let k = 0; k < spareI32.length; k++) {
    if (spareI32[k].length >= len) {
      a = spareI32[k];
      spareI32[k] = spareI32[spareI32.length - 1];
      spareI32.pop();
      break;
    }
  }
  if (!a) a = new StaticArray<i32>(len);
  madeI32.push(a);
  return a;
}

/** An i64 array of at least `len` elements, contents unspecified while recycling (zeros otherwise). */
export function takeI64(len: i32): StaticArray<i64> {
  if (!recycling) return new StaticArray<i64>(len);
  let a: StaticArray<i64> | null = null;
  for (let k = 0; k < spareI64.length; k++) {
    if (spareI64[k].length >= len) {
      a = spareI64[k];
      spareI64[k] = spareI64[spareI64.length - 1];
      spareI64.pop();
      break;
    }
  }
  if (!a) a = new StaticArray<i64>(len);
  madeI64.push(a);
  return a;
}
