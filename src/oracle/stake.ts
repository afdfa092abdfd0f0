// Epoch steps §3–§4.4: activity cutoff, stake (I64F64 normalisation), validator permits, active stake.
// Pure functions of the epoch input; the order and the types follow run_epoch.rs.

import type { EpochInput } from '../model/epoch.ts';
import { type Fixed, I64F64_MAX, U64_MAX, clamp, fixed64ToFixed32, fixed64ToU64 } from './fixed.ts';
import { maskVector, normalize } from './sparse.ts';

/** §3: cutoff = max(⌊factor · tempo / 1000⌋, 1) blocks (u64 integer math). */
export function activityCutoff(factorMilli: number, tempo: number): bigint {
  const cutoff = (BigInt(factorMilli) * BigInt(tempo)) / 1000n;
  return cutoff > 1n ? cutoff : 1n;
}

/** §4.1: inactive_i = (last_update_i + cutoff < block), the addition saturating at u64::MAX. */
export function inactiveMask(lastUpdate: readonly bigint[], cutoff: bigint, block: bigint): boolean[] {
  return lastUpdate.map((updated) => clamp(updated + cutoff, 0n, U64_MAX) < block);
}

/** The chain's tao weight as raw I64F64: the U96F32 quotient ⌊tw·2^32 / (2^64−1)⌋, widened (yuma-trace/1). */
export function taoWeightI64F64(taoWeight: bigint): bigint {
  return ((taoWeight << 32n) / U64_MAX) << 32n;
}

/**
 * §4.2 steps 1–4. stake_i = I64F64(alpha_i) ⊕ I64F64(tao_i) ⊗ tao_weight; zeroed when ⌊stake_i⌋ < threshold
 * (except the owner); normalised in I64F64 (s_i = trunc(stake_i·2^64 / Σ)); then floored to I32F32.
 */
export function normalizedStake(input: EpochInput): Fixed[] {
  const { n, alphaStake, taoStake, ownerUid } = input;
  const threshold = input.hyperparameters.stakeThreshold;
  const taoWeight = taoWeightI64F64(input.taoWeight);
  const toI64F64 = (rao: bigint): bigint => clamp(rao << 64n, 0n, I64F64_MAX);
  const filtered: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const taoPart = (toI64F64(taoStake[i] ?? 0n) * taoWeight) >> 64n;
    const total = clamp(toI64F64(alphaStake[i] ?? 0n) + taoPart, -I64F64_MAX - 1n, I64F64_MAX);
    filtered.push(i !== ownerUid && fixed64ToU64(total) < threshold ? 0n : total);
  }
  const total = filtered.reduce((a, b) => a + b, 0n);
  if (total === 0n) return filtered.map(fixed64ToFixed32);
  return filtered.map((s) => fixed64ToFixed32((s << 64n) / total));
}

/**
 * is_topk_nonzero (current) / is_topk (legacy): start from `S_i ≠ 0` (legacy: all true); if n ≥ k, a stable
 * ascending sort by S sets the first n − k indices false (ties: the lower index goes first). Spec §4.3.
 */
export function topK(stake: readonly Fixed[], k: number, nonzeroOnly: boolean): boolean[] {
  const n = stake.length;
  const result = stake.map((s) => !nonzeroOnly || s !== 0n);
  if (n < k) return result;
  const order = stake.map((_, i) => i).sort((a, b) => (stake[a] < stake[b] ? -1 : stake[a] > stake[b] ? 1 : a - b));
  for (const i of order.slice(0, n - k)) result[i] = false;
  return result;
}

/** §4.3: the permits the epoch masks with (old permits, a missing entry is false) plus the owner's. */
export function maskingPermits(input: EpochInput): boolean[] {
  return Array.from({ length: input.n }, (_, i) => i === input.ownerUid || (input.validatorPermit[i] ?? false));
}

/** §4.3: the permits this epoch writes: top-k of S (legacy: is_topk), then the owner forced true. */
export function newPermits(input: EpochInput, stake: readonly Fixed[]): boolean[] {
  const { maxAllowedValidators, legacy } = input.hyperparameters;
  const permits = topK(stake, maxAllowedValidators, !legacy);
  if (input.ownerUid !== null && input.ownerUid < input.n) permits[input.ownerUid] = true;
  return permits;
}

/** §4.4: A = S masked where inactive or not permitted, then normalised in I32F32 (unchanged if ΣA = 0). */
export function activeStake(stake: readonly Fixed[], inactive: readonly boolean[], permits: readonly boolean[]): Fixed[] {
  const masked = maskVector(
    permits.map((p) => !p),
    maskVector(inactive, stake),
  );
  return normalize(masked);
}
