// The f64 twin of the Yuma epoch: ../epoch.ts step for step (same sections, masks, sparse rules and
// order; section numbers of shared/spec/yuma-epoch.md), but in float64 real arithmetic instead of
// I32F32. It exists only to show what fixed-point rounding changes; the chain is ../epoch.ts.
// Storage is the chain's (u16 rows, rao integers): outputs are ⌊x·65535⌋ and ⌊share·E⌋ of real values.
//
// Legend (as in ../epoch.ts): S stake, A active stake, W weights, C consensus, W̄ clipped weights,
// VT validator trust, R ranks, I incentive, Wb weights for bonds, B bonds, ΔB bond deltas, E bonds
// after the EMA, D dividends. All values are real numbers.

import { EpochInputs } from '../io';
import { VecId, MatId, ScalarId } from '../result';
import { SparseF, VecF } from './sparse';
import { TwinResult } from './result';
import { normalizeF, inplaceNormalizeF, vecMaskZeroF, vecToU16F, vecMaxUpscaleToU16F, toU16F, boolsToVecF } from './vecmath';
import {
  rowSumSparseF, inplaceRowNormalizeSparseF, inplaceColNormalizeSparseF, colMaxSparseF, colClipSparseF,
  matmulSparseF, rowHadamardSparseF, rowDotSparseF, rowDotColNormalizedSparseF, interpolateSparseF, matEmaSparseF,
} from './sparsemath';
import { normalizedStakeF, topkPermitsF } from './stake';
import { maskedWeightsF } from './weights';
import { weightedMedianColSparseF } from './consensus';
import { readBondsF, liquidAlphaEmaF, anyNonZeroF } from './bonds';
import { legacyColumnAlphasF } from './liquid';
import { emissionSharesF, sharesToRaoF } from './emission';

export function runTwinEpoch(inp: EpochInputs, want: bool): TwinResult {
  const n = inp.n;
  const res = new TwinResult(n);
  const block = <u64>inp.param(1);
  const kappa = <f64>inp.param(2) / 65535.0;
  const bondsPenalty = <f64>inp.param(3) / 65535.0;
  const tempo = <u64>inp.param(5);
  const k = <i32>inp.param(7);
  const yuma3 = inp.param(8) != 0;
  const liquidAlpha = inp.param(9) != 0;
  const alphaLow = <f64>inp.param(10) / 65535.0;
  const alphaHigh = <f64>inp.param(11) / 65535.0;
  const steepness = <f64>inp.param(12);
  const legacy = inp.param(15) != 0;
  const ownerUid = <i32>inp.param(16);
  const lastMechanismStep = <u64>inp.param(18);
  const raoEmission = <f64><u64>inp.param(19);

  // §3 Activity cutoff = max(⌊factor·tempo / 1000⌋, 1) blocks (integers, as on chain).
  let cutoff = (<u64>inp.param(6) * tempo) / 1000;
  if (cutoff < 1) cutoff = 1;
  res.setScalar(ScalarId.ActivityCutoff, <f64>cutoff);

  // §4.1 Activity: inactive_i = last_update_i + cutoff < block.
  const inactive = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) {
    const seen = unchecked(inp.lastUpdate[i]);
    const until = seen + cutoff < seen ? u64.MAX_VALUE : seen + cutoff;
    unchecked((inactive[i] = until < block));
  }

  // §4.2 Stake: S = normalise(alpha + tao_weight·tao, threshold-filtered except the owner), in f64.
  const S = normalizedStakeF(inp.alphaStake, inp.taoStake, <u64>inp.param(17), <u64>inp.param(13), ownerUid);

  // §4.3 Permits: masking uses last epoch's permits (plus the owner); new ones are only written out.
  const permit = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((permit[i] = inp.validatorPermit[i] != 0 || i == ownerUid));
  const newPermit = topkPermitsF(S, k, ownerUid, legacy);

  // §4.4 Active stake: A = normalise(S masked where inactive or not permitted).
  const excluded = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((excluded[i] = inactive[i] || !permit[i]));
  const A = vecMaskZeroF(S, excluded);
  inplaceNormalizeF(A);

  // §4.5 Weights: W1–W5 masks, then W6 row normalisation W_ij / Σ_j W_ij.
  const W = maskedWeightsF(inp.weights, permit, ownerUid, inp.lastUpdate, inp.blockAtRegistration, inp.param(14) != 0, inp.commitBlock);
  if (want) res.setMat(MatId.WeightsMasked, W.clone());
  inplaceRowNormalizeSparseF(W);

  // §4.6 Consensus: C_j = stake-weighted median of column j at majority kappa.
  const C = weightedMedianColSparseF(A, W, kappa, n);

  // §4.7 Clipping W̄_ij = min(W_ij, C_j) (entries clipped to 0 dropped); VT_i = Σ_j W̄_ij.
  const Wc = colClipSparseF(W, C);
  const VT = rowSumSparseF(Wc);

  // §4.8 Ranks R_j = Σ_i A_i·W̄_ij; incentive I = R / ΣR.
  const R = matmulSparseF(Wc, A, n);
  const I = normalizeF(R);

  // §10.1 (legacy outputs) pre-ranks P_j = Σ_i A_i·W_ij; trust T_j = R_j / P_j (0 where P_j = 0).
  const P = matmulSparseF(W, A, n);
  const T = new StaticArray<f64>(n);
  for (let j = 0; j < n; j++) unchecked((T[j] = P[j] != 0 ? R[j] / P[j] : 0));

  // §4.9 Weights for bonds: Wb = W + bonds_penalty·(W̄ − W).
  const Wb = interpolateSparseF(W, Wc, bondsPenalty, n);
  const lastTempo: u64 = lastMechanismStep == 0 ? (block > tempo ? block - tempo : 0) : lastMechanismStep + 1;
  const alphaBma = 1.0 - <f64><u64>inp.param(4) / 1e6;

  let B: SparseF, E: SparseF, D: VecF;
  let bondsDelta = new SparseF(n, 0);
  const liquidAlphas = new SparseF(n, liquidAlpha && yuma3 ? Wb.nnz : 0);
  let scalarAlpha = alphaBma;
  let columnAlphas: VecF | null = null;
  if (!yuma3) {
    // §4.10 Yuma 1/2: B column-normalised; ΔB_ij = Wb_ij·A_i column-normalised; E = EMA, column-normalised.
    B = readBondsF(inp.bonds, inp.blockAtRegistration, lastTempo, false);
    inplaceColNormalizeSparseF(B, n);
    bondsDelta = rowHadamardSparseF(Wb, A);
    inplaceColNormalizeSparseF(bondsDelta, n);
    if (legacy && liquidAlpha && anyNonZeroF(C)) columnAlphas = legacyColumnAlphasF(C, alphaLow, alphaHigh);
    if (columnAlphas) scalarAlpha = -1;
    E = matEmaSparseF(bondsDelta, B, scalarAlpha, columnAlphas, n);
    inplaceColNormalizeSparseF(E, n);
    // §4.10 step 5: D_i = Σ_j I_j·E_ij, normalised.
    D = rowDotSparseF(E, I);
    inplaceNormalizeF(D);
  } else {
    // §4.11 Yuma 3: B as u16 proportions; per-bond EMA towards Wb (liquid alpha) or the union EMA.
    B = readBondsF(inp.bonds, inp.blockAtRegistration, lastTempo, true);
    if (liquidAlpha && anyNonZeroF(C)) {
      E = liquidAlphaEmaF(Wb, B, C, alphaLow, alphaHigh, steepness, liquidAlphas);
      scalarAlpha = -1;
    } else {
      E = matEmaSparseF(Wb, B, scalarAlpha, null, n);
    }
    // §4.11 step 4: D_i = (Σ_j colnorm(E)_ij·I_j)·A_i, normalised.
    const t = rowDotColNormalizedSparseF(E, I, n);
    D = new StaticArray<f64>(n);
    for (let i = 0; i < n; i++) unchecked((D[i] = t[i] * A[i]));
    inplaceNormalizeF(D);
  }

  // §4.13 Emission: shares of c = I + D (fallback to A or S), floored to rao at the very end.
  const shares = emissionSharesF(I, D, A, S);

  // §4.14 Storage form of the bonds, rows only for uids with a new permit.
  res.setMat(MatId.Bonds, storedBondsF(E, newPermit, yuma3, n));
  res.setVec(VecId.Emission, sharesToRaoF(shares.combined, raoEmission));
  res.setVec(VecId.ServerEmission, sharesToRaoF(shares.server, raoEmission));
  res.setVec(VecId.ValidatorEmission, sharesToRaoF(shares.validator, raoEmission));
  res.setVec(VecId.Incentive, vecToU16F(I));
  res.setVec(VecId.Dividends, vecToU16F(D));
  res.setVec(VecId.Consensus, vecToU16F(C));
  res.setVec(VecId.ValidatorTrust, vecToU16F(VT));
  res.setVec(VecId.StakeWeight, vecToU16F(S));
  const active = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((active[i] = !inactive[i]));
  res.setVec(VecId.Active, boolsToVecF(active));
  res.setVec(VecId.NewPermit, boolsToVecF(newPermit));
  res.setVec(VecId.Rank, vecToU16F(I));
  res.setVec(VecId.Trust, vecToU16F(T));
  res.setVec(VecId.PruningScore, vecMaxUpscaleToU16F(shares.combined));

  if (want) {
    res.setScalar(ScalarId.LastTempo, <f64>lastTempo);
    res.setScalar(ScalarId.Alpha, scalarAlpha);
    res.setVec(VecId.Inactive, boolsToVecF(inactive));
    res.setVec(VecId.Stake, S);
    res.setVec(VecId.PermitUsed, boolsToVecF(permit));
    res.setVec(VecId.ActiveStake, A);
    res.setVec(VecId.ConsensusQ, C);
    res.setVec(VecId.ValidatorTrustQ, VT);
    res.setVec(VecId.Ranks, R);
    res.setVec(VecId.IncentiveQ, I);
    res.setVec(VecId.LegacyColumnAlpha, columnAlphas ? columnAlphas : new StaticArray<f64>(0));
    res.setVec(VecId.DividendsQ, D);
    res.setVec(VecId.ServerShare, shares.server);
    res.setVec(VecId.ValidatorShare, shares.validator);
    res.setVec(VecId.CombinedShare, shares.combined);
    res.setMat(MatId.Weights, W);
    res.setMat(MatId.ClippedWeights, Wc);
    res.setMat(MatId.WeightsForBonds, Wb);
    res.setMat(MatId.BondsBefore, B);
    res.setMat(MatId.BondsDelta, bondsDelta);
    res.setMat(MatId.LiquidAlpha, liquidAlphas);
    res.setMat(MatId.BondsEma, E);
  }
  return res;
}

/** Bonds as stored: Yuma 1 divides each column by its maximum first (where non-zero); both write ⌊E·65535⌋. */
function storedBondsF(E: SparseF, newPermit: StaticArray<bool>, yuma3: bool, n: i32): SparseF {
  const maxes = yuma3 ? new StaticArray<f64>(0) : colMaxSparseF(E, n);
  const out = new SparseF(n, E.nnz);
  for (let i = 0; i < n; i++) {
    if (unchecked(newPermit[i])) {
      for (let k = E.rowStart(i); k < E.rowEnd(i); k++) {
        let v = E.valAt(k);
        if (!yuma3) {
          const m = unchecked(maxes[E.colAt(k)]);
          if (m != 0) v = v / m;
        }
        out.push(E.colAt(k), toU16F(v));
      }
    }
    out.endRow();
  }
  return out;
}
