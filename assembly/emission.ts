// The emission split inside the epoch (spec §4.13): normalised shares to rao, always rounding down.

import { umul128, mulLo } from './wide';
import { qdiv, satAdd } from './fixed';
import { Vec64 } from './sparse';
import { sum } from './vecmath';

/** ⌊raw(share)·E / 2^32⌋ as u64 (I96F32 product, floored, saturating; negative shares give 0). */
export function shareToRao(share: i64, rao: u64): u64 {
  if (share <= 0) return 0;
  const hi = umul128(<u64>share, rao);
  if ((hi >> 32) != 0) return u64.MAX_VALUE;
  return (hi << 32) | (mulLo >> 32);
}

/** Each share to rao. */
export function sharesToRao(shares: Vec64, rao: u64): Vec64 {
  const out = new StaticArray<i64>(shares.length);
  for (let i = 0; i < shares.length; i++) unchecked((out[i] = <i64>shareToRao(shares[i], rao)));
  return out;
}

/** The three normalised shares of §4.13: server (miners), validator, combined. */
export class Shares {
  constructor(public server: Vec64, public validator: Vec64, public combined: Vec64) {}
}

/**
 * c = I ⊕ D; ns = I ⊘ Σc, nv = D ⊘ Σc, nc = c ⊘ Σc. If Σc = 0 (no usable weights) the validator and
 * combined shares fall back to active stake A, or to stake S when ΣA = 0; the server share stays 0.
 */
export function emissionShares(incentive: Vec64, dividends: Vec64, activeStake: Vec64, stake: Vec64): Shares {
  const n = incentive.length;
  const combined = new StaticArray<i64>(n);
  for (let i = 0; i < n; i++) unchecked((combined[i] = satAdd(incentive[i], dividends[i])));
  const total = sum(combined);
  const ns = new StaticArray<i64>(n), nv = new StaticArray<i64>(n), nc = new StaticArray<i64>(n);
  if (total == 0) {
    const fallback = sum(activeStake) != 0 ? activeStake : stake;
    return new Shares(ns, StaticArray.slice<i64>(fallback), StaticArray.slice<i64>(fallback));
  }
  for (let i = 0; i < n; i++) {
    unchecked((ns[i] = qdiv(incentive[i], total)));
    unchecked((nv[i] = qdiv(dividends[i], total)));
    unchecked((nc[i] = qdiv(combined[i], total)));
  }
  return new Shares(ns, nv, nc);
}
