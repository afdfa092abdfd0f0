// Everything one epoch produces: the storage writes of spec §4.14, the legacy outputs of §10.1, and
// every intermediate of §4 (kept so the epoch inspector can show each stage). Values are i64: raw
// I32F32 for intermediates, integers for u16/u64/bool outputs.

import { Sparse, Vec64, emptySparse } from './sparse';

/** Ids the host uses to read vectors (`vecPtr`) — mirrored in src/engine/wasm-layout.ts. */
export const enum VecId {
  Emission, ServerEmission, ValidatorEmission, Incentive, Dividends, Consensus, ValidatorTrust,
  StakeWeight, Active, NewPermit, Rank, Trust, PruningScore,
  // intermediates
  Inactive, Stake, PermitUsed, ActiveStake, ConsensusQ, ValidatorTrustQ, Ranks, IncentiveQ,
  LegacyColumnAlpha, DividendsQ, ServerShare, ValidatorShare, CombinedShare,
  Count,
}

/** Ids of matrices (`matStartPtr` …). `Bonds` holds the stored u16 rows; the rest raw I32F32. */
export const enum MatId {
  Bonds, WeightsMasked, Weights, ClippedWeights, WeightsForBonds, BondsBefore, BondsDelta, LiquidAlpha, BondsEma,
  Count,
}

/** Ids of scalars (`scalar`). `Alpha` is meaningful only when `AlphaIsScalar` is 1 (no liquid alpha values). */
export const enum ScalarId { ActivityCutoff, LastTempo, Alpha, AlphaIsScalar, Count }

export class EpochResult {
  vecs: StaticArray<Vec64>;
  mats: StaticArray<Sparse>;
  scalars: StaticArray<i64> = new StaticArray<i64>(ScalarId.Count);

  constructor(public n: i32) {
    this.vecs = new StaticArray<Vec64>(VecId.Count);
    this.mats = new StaticArray<Sparse>(MatId.Count);
    // Placeholders until the epoch sets them; read-only, so one of each serves every slot.
    const noVec = new StaticArray<i64>(0);
    const noMat = emptySparse(n);
    for (let v = 0; v < VecId.Count; v++) this.vecs[v] = noVec;
    for (let m = 0; m < MatId.Count; m++) this.mats[m] = noMat;
  }

  setVec(id: VecId, v: Vec64): void { this.vecs[id] = v; }
  setMat(id: MatId, m: Sparse): void { this.mats[id] = m; }
  setScalar(id: ScalarId, v: i64): void { this.scalars[id] = v; }
}

/** A bool vector as 0/1 values. */
export function boolsToVec(b: StaticArray<bool>): Vec64 {
  const out = new StaticArray<i64>(b.length);
  for (let i = 0; i < b.length; i++) unchecked((out[i] = b[i] ? 1 : 0));
  return out;
}
