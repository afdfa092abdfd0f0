// Scalar entry points of the fixed-point library, exported so tests can check it against
// shared/golden/subtensor/math-tests.json and the spec's worked values. Not used by the page.

import { qmul, qdiv, qdivSat, satAdd, satSub, fromF64, roundHalfAway, toU16Proportion, u16Proportion } from './fixed';
import { exp, expSafe, expSafeAll, ln } from './transcendental';
import { ptr } from './raw';
import { alphaSigmoid } from './liquid';
import { alphaFromBondsMovingAverage } from './epoch';

export function fxMul(a: i64, b: i64): i64 { return qmul(a, b); }
export function fxDiv(a: i64, b: i64): i64 { return qdiv(a, b); }
export function fxDivSat(a: i64, b: i64): i64 { return qdivSat(a, b); }
export function fxAdd(a: i64, b: i64): i64 { return satAdd(a, b); }
export function fxSub(a: i64, b: i64): i64 { return satSub(a, b); }
export function fxFromF64(f: f64): i64 { return fromF64(f); }
export function fxRound(x: i64): i64 { return roundHalfAway(x); }
export function fxToU16(x: i64): i32 { return toU16Proportion(x); }
export function fxU16Proportion(v: i32): i64 { return u16Proportion(v); }
export function fxExp(x: i64): i64 { return exp(x); }
export function fxExpSafe(x: i64): i64 { return expSafe(x); }
/** exp_safe of every value in argument slot 0 through the batched path the epoch uses, into the result slot. */
export function fxExpSafeAll(): void {
  const x = arg(0);
  const out = new StaticArray<i64>(x.length);
  expSafeAll(ptr(x), ptr(out), x.length);
  setResult(out);
}
export function fxLn(x: i64): i64 { return ln(x); }
export function fxAlphaSigmoid(c: i64, w: i64, b: i64, lo: i64, hi: i64, steepness: i64): i64 {
  return alphaSigmoid(c, w, b, lo, hi, steepness);
}
export function fxAlphaBma(bma: u64): i64 { return alphaFromBondsMovingAverage(bma); }

// The math.rs vector and matrix entry points (argument slots: testing-args.ts).
export { testArg, testResultPtr, testResultLen } from './testing-args';
import { arg, setResult } from './testing-args';
export * from './testing-vectors';
export * from './testing-matrices';
