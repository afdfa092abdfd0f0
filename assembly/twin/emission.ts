// The emission split inside the epoch (spec §4.13) in the f64 twin: real shares, floored to rao only at the end.

import { VecF } from './sparse';
import { sumF } from './vecmath';

/** ⌊share·E⌋ rao (0 for shares ≤ 0), as an integer-valued f64. */
export function sharesToRaoF(shares: VecF, rao: f64): VecF {
  const out = new StaticArray<f64>(shares.length);
  for (let i = 0; i < shares.length; i++) {
    const s = unchecked(shares[i]);
    unchecked((out[i] = s <= 0 ? 0 : Math.floor(s * rao)));
  }
  return out;
}

/** The three normalised shares: server (miners), validator, combined. */
export class SharesF {
  constructor(public server: VecF, public validator: VecF, public combined: VecF) {}
}

/**
 * c = I + D; ns = I / Σc, nv = D / Σc, nc = c / Σc. If Σc = 0 the validator and combined shares fall back
 * to active stake A, or to stake S when ΣA = 0; the server share stays 0.
 */
export function emissionSharesF(incentive: VecF, dividends: VecF, activeStake: VecF, stake: VecF): SharesF {
  const n = incentive.length;
  const combined = new StaticArray<f64>(n);
  for (let i = 0; i < n; i++) unchecked((combined[i] = incentive[i] + dividends[i]));
  const total = sumF(combined);
  const ns = new StaticArray<f64>(n), nv = new StaticArray<f64>(n), nc = new StaticArray<f64>(n);
  if (total == 0) {
    const fallback = sumF(activeStake) != 0 ? activeStake : stake;
    return new SharesF(ns, StaticArray.slice<f64>(fallback), StaticArray.slice<f64>(fallback));
  }
  for (let i = 0; i < n; i++) {
    unchecked((ns[i] = incentive[i] / total));
    unchecked((nv[i] = dividends[i] / total));
    unchecked((nc[i] = combined[i] / total));
  }
  return new SharesF(ns, nv, nc);
}
