// 128-bit unsigned helpers on u64 halves: the intermediates that I32F32 products and quotients need
// (AssemblyScript has no i128). Pure integer code; no allocation.

/** Low 64 bits of the last `umul128` product (a second return value without allocating). */
export let mulLo: u64 = 0;

/** Full 64×64 → 128-bit unsigned product: returns the high 64 bits and leaves the low 64 in `mulLo`. */
// @ts-ignore: decorator
@inline
export function umul128(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff, a1 = a >> 32;
  const b0 = b & 0xffffffff, b1 = b >> 32;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  mulLo = (mid << 32) | (p00 & 0xffffffff);
  return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/**
 * ⌊(u1·2^64 + u0) / v⌋ for `u1 < v` (so the quotient fits in 64 bits): Knuth's algorithm D with
 * 32-bit digits (Hacker's Delight `divlu`). Two native divisions instead of a 128-step loop.
 */
export function divlu(u1: u64, u0: u64, v: u64): u64 {
  const b: u64 = 1 << 32;
  const s = <u64>clz(v);
  v = v << s;
  const vn1 = v >> 32, vn0 = v & 0xffffffff;
  // wasm shifts are mod 64, so the s = 0 case must not shift u0 right by 64.
  const un32 = s == 0 ? u1 : (u1 << s) | (u0 >> (64 - s));
  const un10 = u0 << s;
  const un1 = un10 >> 32, un0 = un10 & 0xffffffff;

  let q1 = un32 / vn1;
  let rhat = un32 - q1 * vn1;
  while (q1 >= b || q1 * vn0 > b * rhat + un1) {
    q1--;
    rhat += vn1;
    if (rhat >= b) break;
  }
  // Wrapping arithmetic is intended: the true value is < v < 2^64.
  const un21 = un32 * b + un1 - q1 * v;
  let q0 = un21 / vn1;
  rhat = un21 - q0 * vn1;
  while (q0 >= b || q0 * vn0 > b * rhat + un0) {
    q0--;
    rhat += vn1;
    if (rhat >= b) break;
  }
  return q1 * b + q0;
}
