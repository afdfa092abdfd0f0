// The neuron registration price ("burn") dynamics (chain.md §3.1, subnets/registration.rs):
// a per-block decay by f with f^BurnHalfLife = 1/2 in Q32 (bisection, as the chain finds it), and a
// ×BurnIncreaseMult (U64F64) bump after each registration. Clamping to [MinBurn, MaxBurn] is the caller's.

import { U128, set, mulShr } from './u128';

const ONE_Q32: u64 = 1 << 32;
const HALF_Q32: u64 = 1 << 31;

/** ⌊v · f / 2^32⌋, saturating at u64::MAX (`mul_by_q32`). */
export function mulByQ32(value: u64, factorQ32: u64): u64 {
  const hi = mulHi(value, factorQ32);
  const lo = value * factorQ32;
  if (hi >> 32 != 0) return u64.MAX_VALUE;
  return (hi << 32) | (lo >> 32);
}

function mulHi(x: u64, y: u64): u64 {
  const x0 = x & 0xffffffff, x1 = x >> 32, y0 = y & 0xffffffff, y1 = y >> 32;
  const p00 = x0 * y0, p01 = x0 * y1, p10 = x1 * y0, p11 = x1 * y1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/** base^exp in Q32 by squaring (`pow_q32`). */
export function powQ32(base: u64, exp: u32): u64 {
  let result = ONE_Q32;
  let factor = base;
  let power = exp;
  while (power > 0) {
    if ((power & 1) == 1) result = mulByQ32(result, factor);
    power >>= 1;
    if (power > 0) factor = mulByQ32(factor, factor);
  }
  return result;
}

/** The largest Q32 f with f^halfLife ≤ 1/2 (`decay_factor_q32`); 1.0 when halfLife = 0. */
export function decayFactorQ32(halfLife: u32): u64 {
  if (halfLife == 0) return ONE_Q32;
  let lo: u64 = 0;
  let hi: u64 = ONE_Q32;
  while (lo + 1 < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (powQ32(mid, halfLife) > HALF_Q32) hi = mid;
    else lo = mid;
  }
  return lo;
}

const x = new U128();
const m = new U128();

/** ⌊burn ⊗ mult⌋ with mult a U64F64 given as (multHi, multLo) (`bump_registration_price_after_registration`). */
export function bumpBurn(burn: u64, multHi: u64, multLo: u64): u64 {
  mulShr(x, set(x, 0, burn), set(m, multHi, multLo), 64);
  return x.hi != 0 ? u64.MAX_VALUE : x.lo;
}
