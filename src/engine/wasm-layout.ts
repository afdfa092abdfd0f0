// Ids and buffer kinds of the WASM engine's exports; a mirror of assembly/result.ts, assembly/io.ts
// and assembly/index.ts. Change both sides together.

/** Input buffer kinds for `inputPtr` (assembly/index.ts). */
export enum InputKind {
  Params, AlphaStake, TaoStake, BlockAtRegistration, LastUpdate, CommitBlock, ValidatorPermit,
  WeightsStart, WeightsCol, WeightsVal, BondsStart, BondsCol, BondsVal,
}

/** Slots of the params buffer (assembly/io.ts). */
export enum Param {
  N, Block, Kappa, BondsPenalty, BondsMovingAverage, Tempo, CutoffFactor, MaxValidators, Yuma3, LiquidAlpha,
  AlphaLow, AlphaHigh, Steepness, StakeThreshold, CommitReveal, Legacy, OwnerUid, TaoWeight, LastMechanismStep,
  RaoEmission, WantIntermediates, Count,
}

/** Result vectors (assembly/result.ts VecId). */
export enum VecId {
  Emission, ServerEmission, ValidatorEmission, Incentive, Dividends, Consensus, ValidatorTrust,
  StakeWeight, Active, NewPermit, Rank, Trust, PruningScore,
  Inactive, Stake, PermitUsed, ActiveStake, ConsensusQ, ValidatorTrustQ, Ranks, IncentiveQ,
  LegacyColumnAlpha, DividendsQ, ServerShare, ValidatorShare, CombinedShare,
}

/** Result matrices (assembly/result.ts MatId). */
export enum MatId {
  Bonds, WeightsMasked, Weights, ClippedWeights, WeightsForBonds, BondsBefore, BondsDelta, LiquidAlpha, BondsEma,
}

/** Result scalars (assembly/result.ts ScalarId). */
export enum ScalarId { ActivityCutoff, LastTempo, Alpha, AlphaIsScalar }
