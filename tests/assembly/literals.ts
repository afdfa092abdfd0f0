// Test literals of subtensor's math.rs (as math-tests.json writes them) → exact raw fixed-point values,
// following the file's "conventions": a float literal is first rounded to its Rust type (f32 or f64),
// then to the nearest raw value, ties to even; integers are exact; named constants are spelled out.
import { readFileSync } from 'node:fs';

export type LiteralType = 'f32' | 'f64' | 'int';
export type Literal = number | string;

export const ONE = 1n << 32n;
export const I32F32_MAX = (1n << 63n) - 1n;
export const I32F32_MIN = -(1n << 63n);

/** JSON.parse, but integer literals of 16+ digits (beyond 2^53) are kept exactly, as decimal strings. */
export function parseJsonExact(path: string | URL): unknown {
  const text = readFileSync(path, 'utf8').replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, '$1"$2"');
  return JSON.parse(text);
}

/** Integer values of the named constants the vectors use. */
const INTEGERS: Record<string, bigint> = {
  'i32::MIN': -(1n << 31n),
  'i32::MAX': (1n << 31n) - 1n,
  'u32::MAX': (1n << 32n) - 1n,
  'i64::MAX': (1n << 63n) - 1n,
  'i64::MAX/2': ((1n << 63n) - 1n) / 2n,
  'u64::MAX': (1n << 64n) - 1n,
};
/** Raw I32F32 values of the named fixed-point constants (`MAX`/`MIN` stand for I32F32's). */
const FIXED: Record<string, bigint> = { 'I32F32::MAX': I32F32_MAX, 'I32F32::MIN': I32F32_MIN, MAX: I32F32_MAX, MIN: I32F32_MIN };

/** x·2^frac rounded to the nearest integer, ties to even, exactly (x is any finite double). */
export function roundScaled(x: number, frac: number): bigint {
  if (!Number.isFinite(x)) throw new Error(`not a finite literal: ${x}`);
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (biased === 0 ? 0n : 1n << 52n);
  const shift = (biased === 0 ? -1074 : biased - 1075) + frac; // |x| = mantissa · 2^(shift − frac)
  let magnitude: bigint;
  if (shift >= 0) magnitude = mantissa << BigInt(shift);
  else {
    const s = BigInt(-shift);
    const q = mantissa >> s;
    const r = mantissa - (q << s);
    const half = 1n << (s - 1n);
    magnitude = r > half || (r === half && (q & 1n) === 1n) ? q + 1n : q;
  }
  return bits >> 63n ? -magnitude : magnitude;
}

/** The f32 a Rust f32 literal denotes. Refuses a double that lies exactly between two f32s (double rounding could differ). */
export function toF32(x: number): number {
  const f = Math.fround(x);
  if (f !== x) {
    const other = Math.fround(x + (x - f));
    if (other !== f && x - f === other - x) throw new Error(`f32 literal ${x} is ambiguous after JSON parsing`);
  }
  return f;
}

function clamp(v: bigint, bits: number): bigint {
  const max = (1n << BigInt(bits - 1)) - 1n;
  return v > max ? max : v < -max - 1n ? -max - 1n : v;
}

/**
 * The raw value of one literal in a fixed-point type with `frac` fractional bits and `bits` in all,
 * saturating like `saturating_from_num`. Strings: a named constant, a decimal integer, `p/q` (the
 * truncating fixed-point quotient of two integers), or any text with `(raw N)` in it (that raw value).
 */
export function toRaw(value: Literal, type: LiteralType, frac = 32, bits = 64): bigint {
  if (typeof value === 'string') {
    const raw = /\(.*raw (-?\d+)\)/.exec(value);
    if (raw) return BigInt(raw[1]);
    const name = value.replace(/\s*\(.*\)$/, '').trim();
    if (name in FIXED) {
      if (frac !== 32) throw new Error(`${value} is an I32F32 constant`);
      return FIXED[name];
    }
    const quotient = /^(-?\d+)\s*\/\s*(\d+)$/.exec(name);
    if (quotient) return (BigInt(quotient[1]) << BigInt(frac)) / BigInt(quotient[2]);
    const int = name in INTEGERS ? INTEGERS[name] : /^-?\d+$/.test(name) ? BigInt(name) : undefined;
    if (int === undefined) throw new Error(`unknown literal ${JSON.stringify(value)}`);
    return clamp(int << BigInt(frac), bits);
  }
  if (type === 'int') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer literal: ${value}`);
    return clamp(BigInt(value) << BigInt(frac), bits);
  }
  return clamp(roundScaled(type === 'f32' ? toF32(value) : value, frac), bits);
}

/** An integer literal (u16, u64, or a named integer constant) as a bigint. */
export function toInt(value: Literal): bigint {
  return toRaw(value, 'int', 0, 130);
}

/** ε as a raw bound: |got − want| ≤ ε holds for integers exactly when |got − want| ≤ ⌊ε·2^frac⌋. */
export function epsilonRaw(epsilon: number, frac = 32): bigint {
  return BigInt(Math.floor(epsilon * 2 ** frac));
}
