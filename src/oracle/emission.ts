// Epoch steps §4.13 (emission split, fallbacks, rao) and the u16 encodings of §4.14, §10.1 and §11.1.

import { type Fixed, fixedToU16, fromInt, proportionToRao, round, safeDiv, saturatingAdd, saturatingMul, u16ToFixed } from './fixed.ts';
import { normalize, normalizeUsingSum, sum } from './sparse.ts';

/** The normalised shares of §4.13: ns (server), nv (validator), nc (combined). */
export interface EmissionShares {
  serverShare: Fixed[];
  validatorShare: Fixed[];
  combinedShare: Fixed[];
}

/**
 * §4.13: c_i = I_i ⊕ D_i; ns = I ⊘ Σc, nv = D ⊘ Σc, nc = normalize(c). If Σc = 0 (no usable weights):
 * nv = nc = A when ΣA ≠ 0, else S (inactive uids included); ns stays as it is (0).
 */
export function emissionShares(incentive: Fixed[], dividends: Fixed[], activeStake: Fixed[], stake: Fixed[]): EmissionShares {
  const combined = incentive.map((x, i) => saturatingAdd(x, dividends[i]));
  const total = sum(combined);
  const serverShare = normalizeUsingSum(incentive, total);
  if (total === 0n) {
    const fallback = sum(activeStake) === 0n ? stake : activeStake;
    return { serverShare, validatorShare: [...fallback], combinedShare: [...fallback] };
  }
  return { serverShare, validatorShare: normalizeUsingSum(dividends, total), combinedShare: normalize(combined) };
}

/** §4.13 rao: ⌊raw(x) · E / 2^32⌋ per uid (I96F32 product floored to u64). */
export function toRao(shares: Fixed[], raoEmission: bigint): bigint[] {
  return shares.map((x) => proportionToRao(x, raoEmission));
}

const Q_U16_MAX = u16ToFixed(65535);
const Q_THRESHOLD = fromInt(32768);

/**
 * vec_max_upscale_to_u16: m = max; m = 0 → ⌊x ⊗ 65535⌋; m > 32768 → round(x ⊗ (65535 ⊘ m));
 * else round((x ⊗ 65535) ⊘ m); rounding half away from zero, then floor-saturated to u16 (§10.1, §11.1).
 */
export function vecMaxUpscaleToU16(values: readonly Fixed[]): number[] {
  if (values.length === 0) return [];
  const m = values.reduce((a, b) => (b > a ? b : a));
  if (m === 0n) return values.map((x) => fixedToU16(saturatingMul(x, Q_U16_MAX)));
  if (m > Q_THRESHOLD) return values.map((x) => fixedToU16(round(saturatingMul(x, safeDiv(Q_U16_MAX, m)))));
  return values.map((x) => fixedToU16(round(safeDiv(saturatingMul(x, Q_U16_MAX), m))));
}

/** vec_u16_max_upscale_to_u16: how set_weights stores submitted values (§11.1): [32767, 32767] → [65535, 65535]. */
export function maxUpscaleU16(values: readonly number[]): number[] {
  return vecMaxUpscaleToU16(values.map(u16ToFixed));
}
