// substrate-fixed's I32F32 (and the I64F64 / I96F32 edges the epoch touches) on BigInt raw values, spec §2.
// Plain arithmetic on exact integers: every rounding rule is written out. No epoch logic lives here.

/** A raw I32F32 value: the real number `raw / 2^32`, kept in the signed 64-bit range. */
export type Fixed = bigint;

export const FRAC_BITS = 32n;
export const ONE: Fixed = 1n << FRAC_BITS;
export const ZERO: Fixed = 0n;
export const I32F32_MAX: Fixed = (1n << 63n) - 1n;
export const I32F32_MIN: Fixed = -(1n << 63n);
export const I64F64_MAX = (1n << 127n) - 1n;
export const U64_MAX = (1n << 64n) - 1n;
export const U16_MAX = 65535;
const Q_U16_MAX: Fixed = 65535n << FRAC_BITS;

/** Clamps to [lo, hi]. */
export function clamp(x: bigint, lo: bigint, hi: bigint): bigint {
  return x < lo ? lo : x > hi ? hi : x;
}

const inRange = (x: bigint): boolean => x >= I32F32_MIN && x <= I32F32_MAX;
const saturate = (x: bigint): Fixed => clamp(x, I32F32_MIN, I32F32_MAX);

/** `a ⊕ b`: saturating addition. */
export function saturatingAdd(a: Fixed, b: Fixed): Fixed {
  return saturate(a + b);
}

/** `a ⊖ b`: saturating subtraction. */
export function saturatingSub(a: Fixed, b: Fixed): Fixed {
  return saturate(a - b);
}

/** `a ⊗ b`: ⌊a·b / 2^32⌋ (BigInt `>>` is an arithmetic shift, i.e. floor), then clamped. */
export function saturatingMul(a: Fixed, b: Fixed): Fixed {
  return saturate((a * b) >> FRAC_BITS);
}

/** `checked_mul`: the floored product, or null when it leaves the I32F32 range. */
export function checkedMul(a: Fixed, b: Fixed): Fixed | null {
  const p = (a * b) >> FRAC_BITS;
  return inRange(p) ? p : null;
}

/** `checked_div`: trunc(a·2^32 / b) (BigInt `/` truncates toward zero); null on a zero divisor or overflow. */
export function checkedDiv(a: Fixed, b: Fixed): Fixed | null {
  if (b === 0n) return null;
  const q = (a << FRAC_BITS) / b;
  return inRange(q) ? q : null;
}

/** `a ⊘ b` = subtensor's safe_div: the truncated quotient, and 0 on a zero divisor or overflow. */
export function safeDiv(a: Fixed, b: Fixed): Fixed {
  return checkedDiv(a, b) ?? 0n;
}

/** `saturating_div`: the truncated quotient clamped to the range; `b` must not be 0 (the chain would panic). */
export function saturatingDiv(a: Fixed, b: Fixed): Fixed {
  if (b === 0n) throw new RangeError('saturating_div by zero');
  return saturate((a << FRAC_BITS) / b);
}

/** Integer → I32F32, exact and saturating (`saturating_from_num` of an integer). */
export function fromInt(k: bigint | number): Fixed {
  return saturate(BigInt(k) << FRAC_BITS);
}

/** subtensor's u16_to_fixed: the integer v itself, not a proportion. */
export function u16ToFixed(v: number): Fixed {
  return BigInt(v) << FRAC_BITS;
}

/** subtensor's u16_proportion_to_fixed: Q(v) ⊘ Q(65535). */
export function u16ProportionToFixed(v: number): Fixed {
  return safeDiv(u16ToFixed(v), Q_U16_MAX);
}

/** `saturating_to_num::<u16>`: floor, negative → 0, clamped at 65535. */
export function fixedToU16(x: Fixed): number {
  return Number(clamp(x >> FRAC_BITS, 0n, 65535n));
}

/** `saturating_to_num::<u64>`: floor, negative → 0, clamped at 2^64−1. */
export function fixedToU64(x: Fixed): bigint {
  return clamp(x >> FRAC_BITS, 0n, U64_MAX);
}

/** subtensor's fixed_proportion_to_u16: ⌊x ⊗ 65535⌋ in 0..65535. How every u16 output is written. */
export function fixedProportionToU16(x: Fixed): number {
  return fixedToU16(saturatingMul(x, Q_U16_MAX));
}

/** `round()`: nearest integer, ties away from zero (saturating at the range ends). */
export function round(x: Fixed): Fixed {
  const half = ONE >> 1n;
  const magnitude = x < 0n ? -x : x;
  const rounded = ((magnitude + half) >> FRAC_BITS) << FRAC_BITS;
  return saturate(x < 0n ? -rounded : rounded);
}

/** The minimum / maximum of two raw values. */
export const min = (a: Fixed, b: Fixed): Fixed => (a < b ? a : b);
export const max = (a: Fixed, b: Fixed): Fixed => (a > b ? a : b);

/** Rounds the exact rational `num / den` (den > 0) to the nearest integer, ties to even. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const n = negative ? -num : num;
  let q = n / den;
  const twiceRem = 2n * (n - q * den);
  if (twiceRem > den || (twiceRem === den && (q & 1n) === 1n)) q += 1n;
  return negative ? -q : q;
}

/**
 * `from_num(f64)`: the binary64 value, exactly, rounded to the nearest 2^-32, ties to even; saturating.
 * `0.1` here is the double 0.1000000000000000055…, so fromF64(0.1) has raw 429496730.
 */
export function fromF64(x: number): Fixed {
  if (!Number.isFinite(x)) throw new RangeError(`from_num of a non-finite float: ${x}`);
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // value = mantissa · 2^exponent with an integer mantissa (subnormals have no implicit bit).
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biasedExponent === 0 ? -1074 : biasedExponent - 1075) + 32;
  const signed = negative ? -mantissa : mantissa;
  const raw = exponent >= 0 ? signed << BigInt(exponent) : roundHalfEven(signed, 1n << BigInt(-exponent));
  return saturate(raw);
}

/** `from_num(f32)`: the literal is first rounded to binary32 (so 0.1_f32 ≠ 0.1_f64), then as fromF64. */
export function fromF32(x: number): Fixed {
  return fromF64(Math.fround(x));
}

// Constants of substrate_fixed::transcendental, stored as I9F23 (23 fractional bits) and widened exactly.
/** e as ⌊e·2^23⌋ = 22802600 (2.7182817459…), widened to I32F32. */
export const E_I9F23: Fixed = 22802600n << 9n;
/** log2(e) as ⌊log2(e)·2^23⌋ = 12102203, widened to I32F32. */
export const LOG2_E_I9F23: Fixed = 12102203n << 9n;
const TWO: Fixed = 2n * ONE;

/**
 * substrate_fixed::transcendental::exp evaluated in I32F32: the Taylor series 1 + y + Σ_{i=2..31} y^i/i!
 * with every term floored (⊗) and truncated (÷ i), for y = |x|; inverted for x < 0. null = the crate's Err.
 * Not libm: exp(20) is ≈ 481239357.674, not 485165195.41.
 */
export function exp(x: Fixed): Fixed | null {
  if (x === 0n) return ONE;
  if (x === ONE) return E_I9F23;
  const negative = x < 0n;
  const y = negative ? -x : x;
  let result = saturate(y + ONE);
  let term = y;
  for (let i = 2n; i < FRAC_BITS; i++) {
    const product = checkedMul(term, y);
    if (product === null) return null;
    const quotient = checkedDiv(product, i << FRAC_BITS);
    if (quotient === null) return null;
    term = quotient;
    if (!inRange(result + term)) return null;
    result += term;
  }
  return negative ? checkedDiv(ONE, result) : result;
}

/** subtensor's exp_safe: clamp x to [−20, 20], then exp; on error 0 for x ≤ 0, I32F32::MAX otherwise. */
export function expSafe(x: Fixed): Fixed {
  const clamped = clamp(x, fromInt(-20), fromInt(20));
  return exp(clamped) ?? (clamped <= 0n ? 0n : I32F32_MAX);
}

/** subtensor's safe_exp (legacy liquid alpha): exp without clamping, 0 on error. */
export function safeExp(x: Fixed): Fixed {
  return exp(x) ?? 0n;
}

/** The crate's right shift with rounding: (x >> 1) + (x & 1) on raw bits. */
const roundingHalve = (x: Fixed): Fixed => (x >> 1n) + (x & 1n);

/** log2 of x ≥ 1 by repeated halving (integer part) and 32 rounds of squaring (fraction bits). */
function log2AtLeastOne(x: Fixed): Fixed {
  let count = 0n;
  while (x >= TWO) {
    count += 1n;
    x = roundingHalve(x);
  }
  if (x === ONE) return count << FRAC_BITS;
  let bits = count;
  for (let i = 0; i < 32; i++) {
    x = (x * x) >> FRAC_BITS;
    bits <<= 1n;
    if (x >= TWO) {
      bits |= 1n;
      x = roundingHalve(x);
    }
  }
  return bits;
}

/**
 * substrate_fixed::transcendental::log2 in I32F32; null for x ≤ 0. For x < 1 it is −log2(1/x); when 1/x
 * overflows (x < 2^-31) the crate's `unwrap` would panic, reported here as null as well.
 */
export function log2(x: Fixed): Fixed | null {
  if (x <= 0n) return null;
  if (x < ONE) {
    const inverse = checkedDiv(ONE, x);
    return inverse === null ? null : -log2AtLeastOne(inverse);
  }
  return log2AtLeastOne(x);
}

/** substrate_fixed::transcendental::ln = log2(x) / LOG2_E (truncating division); null for x ≤ 0. */
export function ln(x: Fixed): Fixed | null {
  const l = log2(x);
  return l === null ? null : checkedDiv(l, LOG2_E_I9F23);
}

/** subtensor's safe_ln: ln, or 0 on error. */
export function safeLn(x: Fixed): Fixed {
  return ln(x) ?? 0n;
}

// ---- I64F64 (stake normalisation, bonds moving average) and I96F32 (rao) edges ----

/** I64F64 → I32F32: drop the low 32 bits (floor), saturating on the integer part. */
export function fixed64ToFixed32(raw64: bigint): Fixed {
  return saturate(raw64 >> FRAC_BITS);
}

/** I64F64 `saturating_to_num::<u64>`: floor, negative → 0, clamped at 2^64−1. */
export function fixed64ToU64(raw64: bigint): bigint {
  return clamp(raw64 >> 64n, 0n, U64_MAX);
}

/** ⌊ I96F32(x) ⊗ I96F32(E) ⌋ as u64 = ⌊raw(x)·E / 2^32⌋, negative → 0, saturating at 2^64−1 (spec §4.13). */
export function proportionToRao(x: Fixed, rao: bigint): bigint {
  return clamp((x * rao) >> FRAC_BITS, 0n, U64_MAX);
}

// ---- Display ----

/**
 * The I32F32 display format of the epoch logs: the shortest decimal (at most 10 fractional digits,
 * ties to even) that parses back to the same raw value, trailing zeros trimmed: "1", "0.5", "0.3333333333".
 */
export function toDisplay(x: Fixed): string {
  const sign = x < 0n ? '-' : '';
  const magnitude = x < 0n ? -x : x;
  const integer = magnitude >> FRAC_BITS;
  const fraction = magnitude & (ONE - 1n);
  if (fraction === 0n) return `${sign}${integer}`;
  for (let digits = 1; digits <= 10; digits++) {
    const scale = 10n ** BigInt(digits);
    const decimal = roundHalfEven(fraction * scale, ONE);
    if (roundHalfEven(decimal * ONE, scale) === fraction) {
      const text = decimal.toString().padStart(digits, '0').replace(/0+$/, '');
      return `${sign}${integer}.${text}`;
    }
  }
  throw new Error(`unreachable: 10 digits always round-trip (raw ${x})`);
}
