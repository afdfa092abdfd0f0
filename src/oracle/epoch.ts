// The BigInt oracle's epoch: spec §4 step by step in run_epoch.rs order (epoch_mechanism, sparse), plus the
// legacy Rank/Trust/PruningScores of §10.1. Independent of assembly/: the fuzz tests demand identical bits.
//
// Legend: S stake, A active stake, W weights, W̄ clipped weights, C consensus, VT validator trust, R ranks,
// I incentive, Wb weights for bonds, B bonds, ΔB bond deltas, E EMA bonds, D dividends, E_rao emission.

import type { EpochInput, EpochIntermediates, EpochOutput } from '../model/epoch.ts';
import { type BondsContext, yuma1Bonds, yuma3Bonds } from './bonds.ts';
import { colClipSparse, consensusColumns } from './consensus.ts';
import { emissionShares, toRao, vecMaxUpscaleToU16 } from './emission.ts';
import { type Fixed, fixedProportionToU16, u16ProportionToFixed } from './fixed.ts';
import { interpolateSparse, matmulSparse, normalize, rowNormalizeSparse, rowSumSparse, vecDiv } from './sparse.ts';
import { activeStake, activityCutoff, inactiveMask, maskingPermits, newPermits, normalizedStake } from './stake.ts';
import { maskedWeights } from './weights.ts';

const toU16 = (values: Fixed[]): number[] => values.map(fixedProportionToU16);

/** §4.9: last_tempo = block − tempo (saturating) if the coinbase never ran an epoch (lms = 0), else lms + 1. */
export function lastTempo(block: bigint, tempo: number, lastMechanismStepBlock: bigint): bigint {
  if (lastMechanismStepBlock !== 0n) return lastMechanismStepBlock + 1n;
  const t = BigInt(tempo);
  return block > t ? block - t : 0n;
}

/** Runs one epoch of one mechanism on exact integers. Pure: the input is not modified. */
export function oracleEpoch(input: EpochInput, options: { intermediates?: boolean } = {}): EpochOutput {
  const { n, block, hyperparameters: h } = input;

  // §3, §4.1 Activity: inactive_i = last_update_i + cutoff < block.
  const cutoff = activityCutoff(h.activityCutoffFactorMilli, h.tempo);
  const inactive = inactiveMask(input.lastUpdate.slice(0, n), cutoff, block);

  // §4.2 Stake: S = Q(normalize_I64F64(threshold-filtered alpha + tao_weight · tao)).
  const stake = normalizedStake(input);

  // §4.3 Permits: mask with the old permits (+ owner); write top-k of S (+ owner).
  const permits = maskingPermits(input);
  const permitsNew = newPermits(input, stake);

  // §4.4 Active stake: A = normalize(S masked by inactive and forbid).
  const active = activeStake(stake, inactive, permits);

  // §4.5 Weights: W1–W5 masks on Q(u16), then W6 row normalisation.
  const weightsMasked = maskedWeights(input, permits);
  const weights = rowNormalizeSparse(weightsMasked);

  // §4.6 Consensus: C_j = stake-weighted median of column j at majority κ = Q(kappa) ⊘ Q(65535).
  const consensus = consensusColumns(active, weights, n, u16ProportionToFixed(h.kappa));

  // §4.7 Clipping and validator trust: W̄ = min(W, C) (dropped where C_j = 0); VT_i = Σ_j W̄_ij.
  const clippedWeights = colClipSparse(weights, consensus);
  const validatorTrust = rowSumSparse(clippedWeights);

  // §4.8 Ranks and incentive: R_j = Σ_i A_i ⊗ W̄_ij; I = R ⊘ ΣR. §10.1: P_j = Σ_i A_i ⊗ W_ij, T = R ⊘ P.
  const preRanks = matmulSparse(weights, active, n);
  const ranks = matmulSparse(clippedWeights, active, n);
  const trust = vecDiv(ranks, preRanks);
  const incentive = normalize(ranks);

  // §4.9 Weights for bonds: Wb = W + bp ⊗ (W̄ − W), bp = Q(bonds_penalty) ⊘ Q(65535).
  const weightsForBonds = interpolateSparse(weights, clippedWeights, n, u16ProportionToFixed(h.bondsPenalty));
  const tempoStart = lastTempo(block, h.tempo, input.lastMechanismStepBlock);

  // §4.10 (Yuma 1/2, incl. §10.2 legacy liquid alpha) or §4.11 (Yuma 3): bonds EMA and dividends D.
  const ctx: BondsContext = { input, weightsForBonds, activeStake: active, consensus, incentive, lastTempo: tempoStart };
  const bonds = h.yuma3Enabled ? yuma3Bonds(ctx) : yuma1Bonds(ctx);

  // §4.13 Emission split: ns, nv, nc with the Σc = 0 fallback; rao = ⌊share · E_rao⌋.
  const shares = emissionShares(incentive, bonds.dividends, active, stake);

  // §4.14 Outputs: u16 proportions, rao emissions, bond rows only for uids holding a new permit.
  const output: EpochOutput = {
    emission: toRao(shares.combinedShare, input.raoEmission),
    serverEmission: toRao(shares.serverShare, input.raoEmission),
    validatorEmission: toRao(shares.validatorShare, input.raoEmission),
    incentive: toU16(incentive),
    dividends: toU16(bonds.dividends),
    consensus: toU16(consensus),
    validatorTrust: toU16(validatorTrust),
    stakeWeight: toU16(stake),
    active: inactive.map((x) => !x),
    newValidatorPermit: permitsNew,
    bonds: bonds.storage.map((row, i) => (permitsNew[i] ? row : [])),
    // §10.1 Rank = u16(I), Trust = u16(R ⊘ P), PruningScores = vec_max_upscale_to_u16(nc).
    legacyOutputs: { rank: toU16(incentive), trust: toU16(trust), pruningScore: vecMaxUpscaleToU16(shares.combinedShare) },
  };
  if (!options.intermediates) return output;

  const intermediates: EpochIntermediates = {
    activityCutoff: cutoff,
    inactive,
    stake,
    validatorPermit: permits,
    activeStake: active,
    weightsMasked,
    weights,
    consensus,
    clippedWeights,
    validatorTrust,
    ranks,
    incentive,
    weightsForBonds,
    lastTempo: tempoStart,
    bondsBefore: bonds.bondsBefore,
    bondsDelta: bonds.bondsDelta,
    alpha: bonds.alpha,
    liquidAlpha: bonds.liquidAlpha,
    legacyColumnAlpha: bonds.legacyColumnAlpha,
    bondsEma: bonds.bondsEma,
    dividends: bonds.dividends,
    ...shares,
  };
  return { ...output, intermediates };
}
