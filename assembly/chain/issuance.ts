// Per-block issuance from total issuance (chain.md §1.1, coinbase/block_emission.rs
// `get_block_emission_for_issuance`), bit-exact: I96F32 quotient, substrate-fixed log2 with its
// round-half-up halving, floor, then 2^-k of the 1 TAO base. The same curve gives a subnet's
// alpha emission from its alpha issuance (§1.2).

import { divlu } from '../wide';

/** 21 000 000 TAO in rao: the supply cap (`TotalSupply`). */
export const TOTAL_SUPPLY: u64 = 21_000_000_000_000_000;
/** `DefaultBlockEmission`: 1 TAO per block before any halving. */
export const DEFAULT_BLOCK_EMISSION: u64 = 1_000_000_000;
const ONE: u64 = 1 << 32;
const TWO: u64 = 2 << 32;

/**
 * k = ⌊log2(1 / (1 − I / 21M))⌋ as the chain evaluates it (the number of halvings so far); 64 when
 * I ≥ 21M (no emission). All values are I96F32 raw with 32 fractional bits.
 */
export function halvings(issuance: u64): i32 {
  if (issuance >= TOTAL_SUPPLY) return 64;
  // f = trunc(I·2^32 / 21e15): the I96F32 quotient (I < 21e15 so I>>32 < divisor).
  const f = divlu(issuance >> 32, issuance << 32, TOTAL_SUPPLY);
  const rest = ONE - f;
  // x = 1 ⊘ (1 − f) = trunc(2^64 / rest); rest = 1 ulp means x = 2^32 exactly, log2 = 32.
  if (rest <= 1) return 32;
  let x = divlu(1, 0, rest);
  // substrate-fixed log2, integer part: halve with round-half-up on the last bit while x ≥ 2.
  let k = 0;
  while (x >= TWO) {
    x = (x >> 1) + (x & 1);
    k++;
  }
  return k;
}

/** Block emission in rao for a total issuance (or a subnet's alpha emission for its alpha issuance). */
export function blockEmissionForIssuance(issuance: u64): u64 {
  const k = halvings(issuance);
  // 1 ⊘ 2^k ⊗ 1e9 in I96F32, floored: exactly ⌊1e9 / 2^k⌋ (0 once 2^k exceeds 2^32).
  if (k > 32) return 0;
  return DEFAULT_BLOCK_EMISSION >> <u64>k;
}
