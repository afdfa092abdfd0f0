// Unsigned 128-bit values as mutable {hi, lo} pairs and the two wide operations the coinbase's
// fixed-point types need: ⌊a·b / 2^shift⌋ and trunc(a·2^shift / b), on 32-bit limbs with u64
// intermediates (AssemblyScript has no i128). Scratch limbs are module-level: nothing allocates per call.

import { umul128, mulLo, divlu } from '../wide';

/** A mutable unsigned 128-bit integer. Used as raw bits of U96F32 (shift 32) and U64F64 (shift 64). */
export class U128 {
  hi: u64 = 0;
  lo: u64 = 0;
}

/** Set when the last `mulShr` saturated or `divShl` failed (zero divisor or a quotient over 128 bits). */
export let wideOverflow = false;

const prod = new StaticArray<u32>(8);
const un = new StaticArray<u32>(8);
const vn = new StaticArray<u32>(4);
const quot = new StaticArray<u32>(7);

/** out := (hi, lo). Returns out. */
export function set(out: U128, hi: u64, lo: u64): U128 {
  out.hi = hi;
  out.lo = lo;
  return out;
}

/** out := a. */
export function copy(out: U128, a: U128): U128 { return set(out, a.hi, a.lo); }

/** −1, 0, 1 as a <, =, > b. */
export function cmp(a: U128, b: U128): i32 {
  if (a.hi != b.hi) return a.hi < b.hi ? -1 : 1;
  if (a.lo != b.lo) return a.lo < b.lo ? -1 : 1;
  return 0;
}

export function isZero(a: U128): bool { return (a.hi | a.lo) == 0; }

/** out := a + b, saturating at 2^128 − 1. */
export function addSat(out: U128, a: U128, b: U128): U128 {
  const lo = a.lo + b.lo;
  const carry = <u64>(lo < a.lo);
  const hi = a.hi + b.hi + carry;
  if (hi < a.hi || (hi == a.hi && carry != 0 && b.hi == u64.MAX_VALUE)) return set(out, u64.MAX_VALUE, u64.MAX_VALUE);
  return set(out, hi, lo);
}

/** out := a − b, saturating at 0. */
export function subSat(out: U128, a: U128, b: U128): U128 {
  if (cmp(a, b) <= 0) return set(out, 0, 0);
  const lo = a.lo - b.lo;
  return set(out, a.hi - b.hi - <u64>(a.lo < b.lo), lo);
}

/** out := min(a, b). */
export function min128(out: U128, a: U128, b: U128): U128 { return cmp(a, b) <= 0 ? copy(out, a) : copy(out, b); }

/** out := ⌊a·b / 2^shift⌋ (shift 0..128; out may alias a or b), saturating at 2^128 − 1 (sets `wideOverflow`). */
export function mulShr(out: U128, a: U128, b: U128, shift: i32): U128 {
  wideOverflow = false;
  // Fast path: both below 2^64, so the product fits 128 bits and nothing saturates.
  if ((a.hi | b.hi) == 0) {
    const hi = umul128(a.lo, b.lo);
    const lo = mulLo;
    if (shift == 0) return set(out, hi, lo);
    if (shift == 32) return set(out, hi >> 32, (hi << 32) | (lo >> 32));
    if (shift == 64) return set(out, 0, hi);
  }
  // One operand below 2^64 (a U96F32 fraction ≤ 1, a u64 amount): the 192-bit product from two umul128.
  if ((a.hi == 0 || b.hi == 0) && (shift == 0 || shift == 32 || shift == 64)) {
    const wideHi = a.hi == 0 ? b.hi : a.hi;
    const wideLo = a.hi == 0 ? b.lo : a.lo;
    const narrow = a.hi == 0 ? a.lo : b.lo;
    const h0 = umul128(wideLo, narrow);
    const w0 = mulLo;
    const h1 = umul128(wideHi, narrow);
    const w1 = h0 + mulLo;
    const w2 = h1 + <u64>(w1 < h0);
    if (shift == 64) return set(out, w2, w1);
    if (shift == 0 ? w2 != 0 : w2 >> 32 != 0) {
      wideOverflow = true;
      return set(out, u64.MAX_VALUE, u64.MAX_VALUE);
    }
    if (shift == 0) return set(out, w1, w0);
    return set(out, (w1 >> 32) | (w2 << 32), (w0 >> 32) | (w1 << 32));
  }
  for (let i = 0; i < 8; i++) unchecked((prod[i] = 0));
  for (let i = 0; i < 4; i++) {
    const ai = <u64>limb(a, i);
    if (ai == 0) continue;
    let carry: u64 = 0;
    for (let j = 0; j < 4; j++) {
      const t = ai * <u64>limb(b, j) + <u64>unchecked(prod[i + j]) + carry;
      unchecked((prod[i + j] = <u32>t));
      carry = t >> 32;
    }
    unchecked((prod[i + 4] = <u32>carry));
  }
  // Bits [shift, shift + 128) of the 256-bit product; anything above saturates.
  const word = shift >> 5;
  const bit = shift & 31;
  for (let k = word + 4; k < 8; k++) {
    if (unchecked(prod[k]) >> bit != 0 || (k > word + 4 && unchecked(prod[k]) != 0)) {
      wideOverflow = true;
      return set(out, u64.MAX_VALUE, u64.MAX_VALUE);
    }
  }
  let r0: u64 = 0, r1: u64 = 0;
  for (let k = 0; k < 4; k++) {
    const lowPart = <u64>prodAt(word + k) >> bit;
    const highPart = bit == 0 ? 0 : (<u64>prodAt(word + k + 1) << (32 - bit)) & 0xffffffff;
    const digit = (lowPart | highPart) & 0xffffffff;
    if (k < 2) r0 |= digit << (32 * k); else r1 |= digit << (32 * (k - 2));
  }
  return set(out, r1, r0);
}

/**
 * out := trunc(a·2^shift / b) (shift 0..64); out may alias a or b. Returns false, leaves out = 0 and sets `wideOverflow`
 * when b = 0 or the quotient does not fit 128 bits — the crate's checked_div "None".
 */
export function divShl(out: U128, a: U128, b: U128, shift: i32): bool {
  wideOverflow = false;
  // `out` may alias `a` or `b`: it is written only after both are read.
  if (isZero(b)) { wideOverflow = true; set(out, 0, 0); return false; }
  // Fast path: a 64-bit divisor and a numerator a·2^shift of at most 192 bits, by 64-bit long division.
  if (b.hi == 0 && (shift == 32 || shift == 64 || shift == 0)) {
    const v = b.lo;
    let n2: u64, n1: u64, n0: u64;
    if (shift == 0) { n2 = 0; n1 = a.hi; n0 = a.lo; }
    else if (shift == 32) { n2 = a.hi >> 32; n1 = (a.hi << 32) | (a.lo >> 32); n0 = a.lo << 32; }
    else { n2 = a.hi; n1 = a.lo; n0 = 0; }
    if (n2 >= v) { wideOverflow = true; set(out, 0, 0); return false; }
    const q1 = divlu(n2, n1, v);
    const r1 = n1 - q1 * v;
    const q0 = divlu(r1, n0, v);
    set(out, q1, q0);
    return true;
  }
  // A 128-bit divisor and a quotient below 2^64 (shares and proportions ≤ 1): one normalised 2-by-1 digit step.
  if (shift == 32 || shift == 64 || shift == 0) {
    let n2: u64, n1: u64, n0: u64;
    if (shift == 0) { n2 = 0; n1 = a.hi; n0 = a.lo; }
    else if (shift == 32) { n2 = a.hi >> 32; n1 = (a.hi << 32) | (a.lo >> 32); n0 = a.lo << 32; }
    else { n2 = a.hi; n1 = a.lo; n0 = 0; }
    if (n2 < b.hi || (n2 == b.hi && n1 < b.lo)) {
      set(out, 0, quotientBelow2to64(n2, n1, n0, b.hi, b.lo));
      return true;
    }
  }
  // Numerator limbs u[0..7): a shifted left by `shift` bits.
  for (let i = 0; i < 8; i++) unchecked((un[i] = 0));
  const word = shift >> 5;
  const bit = shift & 31;
  for (let i = 0; i < 4; i++) {
    const v = <u64>limb(a, i) << bit;
    unchecked((un[i + word] = un[i + word] | <u32>v));
    unchecked((un[i + word + 1] = un[i + word + 1] | <u32>(v >> 32)));
  }
  let m = 7;
  while (m > 0 && unchecked(un[m - 1]) == 0) m--;
  let n = 4;
  while (unchecked(limbAt(b, n - 1)) == 0) n--;
  for (let i = 0; i < 7; i++) unchecked((quot[i] = 0));
  if (m >= n) divmnu(m, n, b);
  for (let k = 4; k < 7; k++) if (unchecked(quot[k]) != 0) { wideOverflow = true; set(out, 0, 0); return false; }
  set(out, (<u64>unchecked(quot[3]) << 32) | unchecked(quot[2]), (<u64>unchecked(quot[1]) << 32) | unchecked(quot[0]));
  return true;
}

/**
 * ⌊(n2, n1, n0) / (b1, b0)⌋ for b1 ≠ 0 and (n2, n1) < (b1, b0), so the quotient fits 64 bits. Knuth's
 * algorithm D with 64-bit digits: normalise, estimate from the top digits (at most 2 too large), correct.
 */
function quotientBelow2to64(n2: u64, n1: u64, n0: u64, b1: u64, b0: u64): u64 {
  const s = <u64>clz(b1);
  // wasm shifts are mod 64, so s = 0 must not shift right by 64.
  if (s != 0) {
    b1 = (b1 << s) | (b0 >> (64 - s));
    b0 <<= s;
    n2 = (n2 << s) | (n1 >> (64 - s));
    n1 = (n1 << s) | (n0 >> (64 - s));
    n0 <<= s;
  }
  let q = n2 >= b1 ? u64.MAX_VALUE : divlu(n2, n1, b1);
  // p := q·(b1, b0), 192 bits; while p > n: q −= 1, p −= b.
  let p1 = umul128(q, b0);
  let p0 = mulLo;
  const hi = umul128(q, b1);
  p1 += mulLo;
  let p2 = hi + <u64>(p1 < mulLo);
  while (p2 > n2 || (p2 == n2 && (p1 > n1 || (p1 == n1 && p0 > n0)))) {
    q--;
    const borrow0 = <u64>(p0 < b0);
    p0 -= b0;
    const t = p1 - b1;
    const borrow1 = <u64>(p1 < b1) | <u64>(t < borrow0);
    p1 = t - borrow0;
    p2 -= borrow1;
  }
  return q;
}

// @ts-ignore: decorator
@inline function limb(a: U128, i: i32): u32 { return <u32>((i < 2 ? a.lo : a.hi) >> (32 * (i & 1))); }
// @ts-ignore: decorator
@inline function limbAt(a: U128, i: i32): u32 { return limb(a, i); }
// @ts-ignore: decorator
@inline function prodAt(k: i32): u32 { return k < 8 ? unchecked(prod[k]) : 0; }

/**
 * Knuth's algorithm D (Hacker's Delight `divmnu`) on 32-bit digits: quot := un[0..m) / b[0..n),
 * with b's top digit non-zero and m ≥ n. Uses `un` as the working remainder.
 */
function divmnu(m: i32, n: i32, b: U128): void {
  const base: u64 = 1 << 32;
  if (n == 1) {
    const v = <u64>limb(b, 0);
    let rem: u64 = 0;
    for (let j = m - 1; j >= 0; j--) {
      const cur = rem * base + <u64>unchecked(un[j]);
      unchecked((quot[j] = <u32>(cur / v)));
      rem = cur - (cur / v) * v;
    }
    return;
  }
  const s = <i32>clz<u32>(limb(b, n - 1));
  for (let i = n - 1; i > 0; i--) {
    const hiPart = <u64>limb(b, i) << s;
    const loPart = s == 0 ? 0 : <u64>limb(b, i - 1) >> (32 - s);
    unchecked((vn[i] = <u32>(hiPart | loPart)));
  }
  unchecked((vn[0] = <u32>(<u64>limb(b, 0) << s)));
  // Normalise the numerator in place, one extra digit at un[m].
  unchecked((un[m] = s == 0 ? 0 : <u32>(<u64>unchecked(un[m - 1]) >> (32 - s))));
  for (let i = m - 1; i > 0; i--) {
    const hiPart = <u64>unchecked(un[i]) << s;
    const loPart = s == 0 ? 0 : <u64>unchecked(un[i - 1]) >> (32 - s);
    unchecked((un[i] = <u32>(hiPart | loPart)));
  }
  unchecked((un[0] = <u32>(<u64>unchecked(un[0]) << s)));
  const vTop = <u64>unchecked(vn[n - 1]);
  const vNext = <u64>unchecked(vn[n - 2]);
  for (let j = m - n; j >= 0; j--) {
    const num = (<u64>unchecked(un[j + n]) << 32) | unchecked(un[j + n - 1]);
    let qhat = num / vTop;
    let rhat = num - qhat * vTop;
    while (qhat >= base || qhat * vNext > ((rhat << 32) | unchecked(un[j + n - 2]))) {
      qhat--;
      rhat += vTop;
      if (rhat >= base) break;
    }
    // Multiply and subtract; k carries the borrow (signed arithmetic shifts are intended).
    let k: i64 = 0;
    let t: i64 = 0;
    for (let i = 0; i < n; i++) {
      const p = qhat * <u64>unchecked(vn[i]);
      t = <i64>unchecked(un[i + j]) - k - <i64>(p & 0xffffffff);
      unchecked((un[i + j] = <u32>t));
      k = <i64>(p >> 32) - (t >> 32);
    }
    t = <i64>unchecked(un[j + n]) - k;
    unchecked((un[j + n] = <u32>t));
    unchecked((quot[j] = <u32>qhat));
    if (t < 0) {
      unchecked((quot[j] = quot[j] - 1));
      let c: u64 = 0;
      for (let i = 0; i < n; i++) {
        const sum = <u64>unchecked(un[i + j]) + <u64>unchecked(vn[i]) + c;
        unchecked((un[i + j] = <u32>sum));
        c = sum >> 32;
      }
      unchecked((un[j + n] = <u32>(<u64>unchecked(un[j + n]) + c)));
    }
  }
}
