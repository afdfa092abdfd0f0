// Test entry points for the vector and scalar functions of subtensor's epoch/math.rs, named `math` +
// the math.rs name. Vectors arrive in argument slots and leave in the result slot (testing-args.ts).
// Each wraps the function the epoch itself runs where there is one; the rest come from testing-*.ts.

import { fromInt, toUnsigned } from './fixed';
import { Vec64 } from './sparse';
import { normalize, inplaceNormalize, sum, vecMaskZero, vecMaxUpscaleToU16, vecU16MaxUpscaleToU16 } from './vecmath';
import { normalizedStake, topkPermits } from './stake';
import { vecMul, weightedMedian } from './dense';
import { checkVecMaxLimited, checkedSum, checkedSumOverflowed, fitsFixed, fixedToU64, sigmoidSafe, vecdiv } from './testing-vecmath';
import { fixed64ToFixed32, fixed64ToU64, inplaceNormalize64, safeDiv64, wideHi } from './testing-fixed64';
import { arg, setResult, decodeBools, encodeBools } from './testing-args';

function asU64(v: Vec64): StaticArray<u64> { return changetype<StaticArray<u64>>(v); }

export function mathVecMaxUpscaleToU16(): void { setResult(vecMaxUpscaleToU16(arg(0))); }
export function mathVecU16MaxUpscaleToU16(): void { setResult(vecU16MaxUpscaleToU16(arg(0))); }
export function mathCheckVecMaxLimited(maxLimit: i32): bool { return checkVecMaxLimited(arg(0), maxLimit); }
export function mathSum(): i64 { return sum(arg(0)); }
export function mathNormalize(): void { setResult(normalize(arg(0))); }
export function mathInplaceNormalize(): void { inplaceNormalize(arg(0)); setResult(arg(0)); }
export function mathVecdiv(): void { setResult(vecdiv(arg(0), arg(1))); }
export function mathVecMul(): void { setResult(vecMul(arg(0), arg(1))); }

/** inplace_mask_vector(mask = slot 0, vector = slot 1) through the epoch's vecMaskZero. */
export function mathInplaceMaskVector(): void { setResult(vecMaskZero(arg(1), decodeBools(arg(0)))); }

/** is_topk through the epoch's permit selection in its legacy (is_topk) form, without an owner. */
export function mathIsTopk(k: i32): void { setResult(encodeBools(topkPermits(arg(0), k, -1, true))); }

/** weighted_median(stake = slot 0, score = slot 1, idx = 0..n−1, minority, lo, hi). */
export function mathWeightedMedian(minority: i64, lo: i64, hi: i64): i64 {
  const n = arg(0).length;
  const idx = new StaticArray<i32>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return weightedMedian(arg(0), arg(1), idx, minority, lo, hi);
}

/** checked_sum over u64 (slot 0); `mathCheckedSumIsNone` tells whether it overflowed. */
export function mathCheckedSum(): u64 { return checkedSum(asU64(arg(0))); }
export function mathCheckedSumIsNone(): bool { return checkedSumOverflowed; }

/** The epoch's stake normalisation (spec §4.2) of alpha = slot 0 and tao = slot 1 (u64 values). */
export function mathNormalizedStake(taoWeight: u64, threshold: u64, ownerUid: i32): void {
  setResult(normalizedStake(asU64(arg(0)), asU64(arg(1)), taoWeight, threshold, ownerUid));
}

/** I64F64 safe_div of slot 0 by slot 1 (each [hi, lo]) into [hi, lo]. */
export function mathFixed64SafeDiv(): void {
  const a = arg(0), b = arg(1);
  const out = new StaticArray<i64>(2);
  out[1] = <i64>safeDiv64(a[0], <u64>a[1], b[0], <u64>b[1]);
  out[0] = wideHi;
  setResult(out);
}

export function mathInplaceNormalize64(): void { inplaceNormalize64(arg(0)); setResult(arg(0)); }

/** vec_fixed64_to_fixed32 of the pairs in slot 0. */
export function mathVecFixed64ToFixed32(): void {
  const p = arg(0);
  const out = new StaticArray<i64>(p.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = fixed64ToFixed32(p[2 * i], <u64>p[2 * i + 1]);
  setResult(out);
}

/** vec_fixed64_to_u64 of the pairs in slot 0 (u64 values). */
export function mathVecFixed64ToU64(): void {
  const p = arg(0);
  const out = new StaticArray<i64>(p.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = <i64>fixed64ToU64(p[2 * i], <u64>p[2 * i + 1]);
  setResult(out);
}

export function mathSigmoidSafe(x: i64, rho: i64, kappa: i64): i64 { return sigmoidSafe(x, rho, kappa); }
export function mathFixedToU16(x: i64): i32 { return <i32>toUnsigned(x, 65535); }
export function mathFixedToU64(x: i64): u64 { return fixedToU64(x); }
export function mathU16ToFixed(v: i32): i64 { return fromInt(v); }
/** I32F32::saturating_from_num of an integer. */
export function mathFromInt(v: i64): i64 { return fromInt(v); }
/** Whether I32F32::from_num(v) would succeed (it panics on overflow in subtensor's test builds). */
export function mathFromIntFits(v: i64): bool { return fitsFixed(v); }
