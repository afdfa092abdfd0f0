// Subnet pool math for a 0.5/0.5 Balancer pool, which is exactly constant product x·y = k
// (chain.md §2.4, pallets/swap/src/pallet/balancer.rs). Reserves are u64 rao / α units; the price is
// U64F64 TAO per α. Fees are the caller's business (they come off the input before these run).

import { U128, set, mulShr, divShl } from './u128';

const num = new U128();
const den = new U128();
const res = new U128();
const one = new U128();

/** out := spot price as U64F64 = (w_α/w_τ)·(TAO/α) with equal weights: trunc(TAO·2^64 / α); 0 when α = 0. */
export function spotPrice(out: U128, taoReserve: u64, alphaReserve: u64): U128 {
  if (alphaReserve == 0) return set(out, 0, 0);
  divShl(out, set(num, 0, taoReserve), set(den, 0, alphaReserve), 64);
  return out;
}

/** ⌊out_reserve · Δin / (in_reserve + Δin)⌋: the output of a constant-product swap (0 if the pool is empty). */
export function swapOut(inReserve: u64, outReserve: u64, amountIn: u64): u64 {
  const total = <u64>inReserve + amountIn;
  const carry = total < inReserve;
  if (outReserve == 0 || (!carry && total == 0)) return 0;
  mulShr(num, set(res, 0, outReserve), set(one, 0, amountIn), 0);
  if (!divShl(res, num, set(den, carry ? 1 : 0, total), 0)) return 0;
  return res.hi != 0 ? u64.MAX_VALUE : res.lo;
}

/** α paid out for `taoIn` TAO entering the pool. */
export function swapTaoForAlpha(taoReserve: u64, alphaReserve: u64, taoIn: u64): u64 {
  return swapOut(taoReserve, alphaReserve, taoIn);
}

/** TAO paid out for `alphaIn` α entering the pool. */
export function swapAlphaForTao(taoReserve: u64, alphaReserve: u64, alphaIn: u64): u64 {
  return swapOut(alphaReserve, taoReserve, alphaIn);
}
