// The Yuma consensus epoch of one subnet mechanism, step by step in the order of subtensor's
// `epoch_mechanism` (pallets/subtensor/src/epoch/run_epoch.rs); section numbers are those of
// shared/spec/yuma-epoch.md. Pure: reads EpochInputs, returns an EpochResult.
//
// Legend (symbols used only in this file): S stake, A active stake, W weights, C consensus,
// W̄ clipped weights, VT validator trust, R ranks, I incentive, Wb weights for bonds, B bonds,
// ΔB bond deltas, E bonds after the EMA, D dividends. All values are raw I32F32.

import { ONE, Q_MAX, qdiv, qmulChecked, satSub, u16Proportion, toU16Proportion, clearOverflow } from './fixed';
import { ptr, getI32, setI32, getI64, setI64 } from './raw';
import { divlu } from './wide';
import { Sparse, Vec64 } from './sparse';
import { EpochInputs } from './io';
import { EpochResult, VecId, MatId, ScalarId, boolsToVec } from './result';
import { normalize, inplaceNormalize, vecMaskZero, vecToU16, vecMaxUpscaleToU16 } from './vecmath';
import {
  rowSumSparse, inplaceRowNormalizeSparse, inplaceColNormalizeSparse, colMaxSparse,
  colClipSparse, matmulSparse, rowHadamardSparse, rowDotSparse, rowDotColNormalizedSparse, interpolateSparse, matEmaSparse,
} from './sparsemath';
import { normalizedStake, topkPermits } from './stake';
import { maskedWeights } from './weights';
import { weightedMedianColSparse } from './consensus';
import { readBonds, liquidAlphaEma, anyNonZero } from './bonds';
import { legacyColumnAlphas } from './liquid';
import { emissionShares, sharesToRao } from './emission';

/** alpha_bma = 1 ⊖ Q(I64F64(bma) ⊘ I64F64(1e6)): the ratio in I64F64, floored (saturating) to I32F32. */
export function alphaFromBondsMovingAverage(bma: u64): i64 {
  const million: u64 = 1_000_000;
  const ratio = (bma >> 32) >= million ? Q_MAX : <i64>min<u64>(divlu(bma >> 32, bma << 32, million), <u64>Q_MAX);
  return satSub(ONE, ratio);
}

export function runEpoch(inp: EpochInputs, want: bool): EpochResult {
  const n = inp.n;
  const res = new EpochResult(n);
  const block = <u64>inp.param(1);
  const kappa = u16Proportion(inp.param(2));
  const bondsPenalty = u16Proportion(inp.param(3));
  const tempo = <u64>inp.param(5);
  const k = <i32>inp.param(7);
  const yuma3 = inp.param(8) != 0;
  const liquidAlpha = inp.param(9) != 0;
  const alphaLow = u16Proportion(inp.param(10));
  const alphaHigh = u16Proportion(inp.param(11));
  const steepness = inp.param(12) << 32;
  const legacy = inp.param(15) != 0;
  const ownerUid = <i32>inp.param(16);
  const lastMechanismStep = <u64>inp.param(18);
  const raoEmission = <u64>inp.param(19);

  // §3 Activity cutoff = max(⌊factor·tempo / 1000⌋, 1) blocks.
  let cutoff = (<u64>inp.param(6) * tempo) / 1000;
  if (cutoff < 1) cutoff = 1;
  res.setScalar(ScalarId.ActivityCutoff, <i64>cutoff);

  // §4.1 Activity: inactive_i = last_update_i + cutoff < block (saturating add).
  const inactive = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) {
    const seen = unchecked(inp.lastUpdate[i]);
    const until = seen + cutoff < seen ? u64.MAX_VALUE : seen + cutoff;
    unchecked((inactive[i] = until < block));
  }

  // §4.2 Stake: S = normalise(alpha + tao_weight·tao, threshold-filtered except the owner).
  const S = normalizedStake(inp.alphaStake, inp.taoStake, <u64>inp.param(17), <u64>inp.param(13), ownerUid);

  // §4.3 Permits: masking uses last epoch's permits (plus the owner); new ones are only written out.
  const permit = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((permit[i] = inp.validatorPermit[i] != 0 || i == ownerUid));
  const newPermit = topkPermits(S, k, ownerUid, legacy);

  // §4.4 Active stake: A = normalise(S masked where inactive or not permitted).
  const excluded = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((excluded[i] = inactive[i] || !permit[i]));
  const A = vecMaskZero(S, excluded);
  inplaceNormalize(A);

  // §4.5 Weights: W1–W5 masks, then W6 row normalisation (W_ij ⊘ Σ_j W_ij).
  const W = maskedWeights(inp.weights, permit, ownerUid, inp.lastUpdate, inp.blockAtRegistration, inp.param(14) != 0, inp.commitBlock);
  if (want) res.setMat(MatId.WeightsMasked, W.clone());
  inplaceRowNormalizeSparse(W);

  // §4.6 Consensus: C_j = stake-weighted median of column j at majority kappa.
  const C = weightedMedianColSparse(A, W, kappa, n);

  // §4.7 Clipping W̄_ij = min(W_ij, C_j) (entries clipped to 0 dropped); validator trust VT_i = Σ_j W̄_ij.
  const Wc = colClipSparse(W, C);
  const VT = rowSumSparse(Wc);

  // §4.8 Ranks R_j = Σ_i A_i ⊗ W̄_ij; incentive I = R ⊘ ΣR.
  const R = matmulSparse(Wc, A, n);
  const I = normalize(R);

  // §10.1 (legacy outputs) pre-ranks P_j = Σ_i A_i ⊗ W_ij; trust T_j = R_j ⊘ P_j.
  const P = matmulSparse(W, A, n);
  const T = new StaticArray<i64>(n);
  for (let j = 0; j < n; j++) unchecked((T[j] = qdiv(R[j], P[j])));

  // §4.9 Weights for bonds: Wb = W + bonds_penalty·(W̄ − W).
  const Wb = interpolateSparse(W, Wc, bondsPenalty, n);
  // last_tempo: block − tempo before any coinbase epoch, else the block after the last one.
  const lastTempo: u64 = lastMechanismStep == 0 ? (block > tempo ? block - tempo : 0) : lastMechanismStep + 1;
  const alphaBma = alphaFromBondsMovingAverage(<u64>inp.param(4));

  let B: Sparse, E: Sparse, D: Vec64;
  let bondsDelta = new Sparse(n, 0);
  const liquidAlphas = new Sparse(n, liquidAlpha && yuma3 ? Wb.nnz : 0);
  const scalarAlpha = alphaBma;
  let alphaIsScalar = true;
  let columnAlphas: Vec64 | null = null;
  if (!yuma3) {
    // §4.10 Yuma 1/2: B column-normalised; ΔB_ij = Wb_ij ⊗ A_i column-normalised; E = EMA, column-normalised.
    B = readBonds(inp.bonds, inp.blockAtRegistration, lastTempo, false);
    inplaceColNormalizeSparse(B, n);
    bondsDelta = rowHadamardSparse(Wb, A);
    inplaceColNormalizeSparse(bondsDelta, n);
    if (legacy && liquidAlpha && anyNonZero(C)) columnAlphas = legacyColumnAlphas(C, alphaLow, alphaHigh);
    if (columnAlphas) alphaIsScalar = false;
    E = matEmaSparse(bondsDelta, B, scalarAlpha, columnAlphas, n);
    inplaceColNormalizeSparse(E, n);
    // §4.10 step 5: D_i = Σ_j I_j ⊗ E_ij, normalised.
    D = rowDotSparse(E, I);
    inplaceNormalize(D);
  } else {
    // §4.11 Yuma 3: B as u16 proportions; per-bond EMA towards Wb (liquid alpha) or the union EMA.
    B = readBonds(inp.bonds, inp.blockAtRegistration, lastTempo, true);
    if (liquidAlpha && anyNonZero(C)) {
      E = liquidAlphaEma(Wb, B, C, alphaLow, alphaHigh, steepness, liquidAlphas);
      alphaIsScalar = false;
    } else {
      E = matEmaSparse(Wb, B, scalarAlpha, null, n);
    }
    // §4.11 step 4: D_i = (Σ_j colnorm(E)_ij ⊗ I_j) ⊗ A_i (0 on overflow), normalised.
    const t = rowDotColNormalizedSparse(E, I, n);
    D = new StaticArray<i64>(n);
    clearOverflow();
    for (let i = 0; i < n; i++) unchecked((D[i] = qmulChecked(t[i], A[i])));
    inplaceNormalize(D);
  }

  // §4.13 Emission: shares of c = I ⊕ D (fallback to A or S), floored to rao.
  const shares = emissionShares(I, D, A, S);

  // §4.14 Storage form of the bonds, rows only for uids with a new permit.
  res.setMat(MatId.Bonds, storedBonds(E, newPermit, yuma3, n));

  res.setVec(VecId.Emission, sharesToRao(shares.combined, raoEmission));
  res.setVec(VecId.ServerEmission, sharesToRao(shares.server, raoEmission));
  res.setVec(VecId.ValidatorEmission, sharesToRao(shares.validator, raoEmission));
  res.setVec(VecId.Incentive, vecToU16(I));
  res.setVec(VecId.Dividends, vecToU16(D));
  res.setVec(VecId.Consensus, vecToU16(C));
  res.setVec(VecId.ValidatorTrust, vecToU16(VT));
  res.setVec(VecId.StakeWeight, vecToU16(S));
  const active = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((active[i] = !inactive[i]));
  res.setVec(VecId.Active, boolsToVec(active));
  res.setVec(VecId.NewPermit, boolsToVec(newPermit));
  res.setVec(VecId.Rank, vecToU16(I));
  res.setVec(VecId.Trust, vecToU16(T));
  res.setVec(VecId.PruningScore, vecMaxUpscaleToU16(shares.combined));

  if (want) {
    res.setScalar(ScalarId.LastTempo, <i64>lastTempo);
    res.setScalar(ScalarId.Alpha, scalarAlpha);
    res.setScalar(ScalarId.AlphaIsScalar, alphaIsScalar ? 1 : 0);
    res.setVec(VecId.Inactive, boolsToVec(inactive));
    res.setVec(VecId.Stake, S);
    res.setVec(VecId.PermitUsed, boolsToVec(permit));
    res.setVec(VecId.ActiveStake, A);
    res.setVec(VecId.ConsensusQ, C);
    res.setVec(VecId.ValidatorTrustQ, VT);
    res.setVec(VecId.Ranks, R);
    res.setVec(VecId.IncentiveQ, I);
    res.setVec(VecId.LegacyColumnAlpha, columnAlphas ? columnAlphas : new StaticArray<i64>(0));
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

/**
 * Bonds as stored (spec §4.10 step 6 / §4.11 step 5): Yuma 1 column max-upscales E first (E_ij ⊘ max_i E_ij
 * for non-zero maxima); both write ⌊E·65535⌋. Rows of uids without a new permit are empty. u16 values.
 */
function storedBonds(E: Sparse, newPermit: StaticArray<bool>, yuma3: bool, n: i32): Sparse {
  const maxesV = yuma3 ? new StaticArray<i64>(0) : colMaxSparse(E, n);
  const maxes = ptr(maxesV);
  const out = new Sparse(n, E.nnz);
  const start = ptr(E.start), col = ptr(E.col), val = ptr(E.val);
  const oStart = ptr(out.start), oCol = ptr(out.col), oVal = ptr(out.val);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (unchecked(newPermit[i])) {
      for (let k = getI32(start, i), end = getI32(start, i + 1); k < end; k++) {
        const j = getI32(col, k);
        let v = getI64(val, k);
        if (!yuma3) {
          const mx = getI64(maxes, j);
          if (mx != 0) v = qdiv(v, mx);
        }
        setI32(oCol, m, j); setI64(oVal, m, toU16Proportion(v)); m++;
      }
    }
    setI32(oStart, i + 1, m);
  }
  out.sealRows(m);
  return out;
}
