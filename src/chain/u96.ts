// U96F32 on BigInt raw bits (value = raw / 2^32), unbounded: how set_weights reads TaoWeight in the host,
// and the arithmetic of the tests' BigInt oracle for assembly/chain/distribute.ts. Same semantics as
// assembly/chain/fixed128.ts below 2^128: products floor, quotients truncate, checked division gives null.

/** U96F32 from an integer. */
export const u96 = (v: bigint): bigint => v << 32n;
/** a ⊗ b, floored. */
export const u96Mul = (a: bigint, b: bigint): bigint => (a * b) >> 32n;
/** a ⊘ b truncated; null on a zero divisor (checked_div's None). */
export const u96Div = (a: bigint, b: bigint): bigint | null => (b === 0n ? null : (a << 32n) / b);
/** a ⊖ b, saturating at 0. */
export const u96Sub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
/** saturating_to_num::<u64>(): floor. */
export const u96ToInt = (a: bigint): bigint => a >> 32n;
/** U96F32(v) ⊘ U96F32(2^64 − 1): how the chain reads TaoWeight / CKBurn (safe_div). */
export const u64FractionToU96 = (v: bigint): bigint => (v << 32n) / ((1n << 64n) - 1n);
/** U96F32(v) ⊘ U96F32(65535): a u16 proportion (take, owner cut). */
export const u16ToU96 = (v: number): bigint => (BigInt(v) << 32n) / 65535n;
