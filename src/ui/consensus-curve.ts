// The consensus of one miner laid out as subtensor's docs/consensus.md draws it: validators sorted by the weight they
// give the miner (highest first) against their cumulative active stake, read off at κ. Pure; floats for display only.
import type { CsrRaw } from '../state/playground.svelte.ts';
import { rawFloat } from './format.ts';

export interface CurvePoint {
  uid: number;
  /** Row-normalised weight W_ij (raw I32F32). */
  weightRaw: bigint;
  /** Active stake A_i (raw I32F32). */
  stakeRaw: bigint;
  /** Cumulative active stake of this validator and everyone weighting the miner at least as high (float). */
  cumulative: number;
}

/** Participants (A_i > 0) sorted by W_ij descending (ties by uid), with the cumulative stake from the top. */
export function consensusCurve(weights: CsrRaw, activeStake: BigInt64Array, miner: number): CurvePoint[] {
  const points: Omit<CurvePoint, 'cumulative'>[] = [];
  for (let i = 0; i < activeStake.length; i++) {
    if (activeStake[i] <= 0n) continue;
    let w = 0n;
    for (let k = weights.offsets[i]; k < weights.offsets[i + 1]; k++) if (weights.cols[k] === miner) { w = weights.raw[k]; break; }
    points.push({ uid: i, weightRaw: w, stakeRaw: activeStake[i] });
  }
  points.sort((a, b) => (a.weightRaw === b.weightRaw ? a.uid - b.uid : a.weightRaw > b.weightRaw ? -1 : 1));
  const total = points.reduce((t, p) => t + rawFloat(p.stakeRaw), 0);
  let sum = 0;
  return points.map((p) => {
    sum += rawFloat(p.stakeRaw);
    return { ...p, cumulative: total > 0 ? sum / total : 0 };
  });
}
