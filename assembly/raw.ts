// Element access by address for the epoch's inner loops. The incremental runtime stores a managed
// reference (a StaticArray, a Sparse) to its shadow stack at every use inside a loop; a plain address
// is an integer and stays in a register. Nothing here allocates or checks bounds.
//
// Contract: an address is valid while its array is alive and not replaced. Callers take addresses
// from arrays they hold in a local or a parameter (so the collector, which never moves objects, keeps
// them), and re-take them after any call that may replace the array.

/** Address of element 0 of a StaticArray (a StaticArray reference points at its data). */
// @ts-ignore: decorator
@inline export function ptr<T>(a: StaticArray<T>): usize { return changetype<usize>(a); }

// @ts-ignore: decorator
@inline export function getI32(p: usize, k: i32): i32 { return load<i32>(p + (<usize>k << 2)); }
// @ts-ignore: decorator
@inline export function setI32(p: usize, k: i32, v: i32): void { store<i32>(p + (<usize>k << 2), v); }
// @ts-ignore: decorator
@inline export function getI64(p: usize, k: i32): i64 { return load<i64>(p + (<usize>k << 3)); }
// @ts-ignore: decorator
@inline export function setI64(p: usize, k: i32, v: i64): void { store<i64>(p + (<usize>k << 3), v); }
// @ts-ignore: decorator
@inline export function getF64(p: usize, k: i32): f64 { return load<f64>(p + (<usize>k << 3)); }
// @ts-ignore: decorator
@inline export function setF64(p: usize, k: i32, v: f64): void { store<f64>(p + (<usize>k << 3), v); }
// @ts-ignore: decorator
@inline export function getU8(p: usize, k: i32): bool { return load<u8>(p + <usize>k) != 0; }
