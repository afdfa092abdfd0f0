// Ids of the research-variant exports; a mirror of assembly/variants/layout.ts. Change both sides together.

/** Params slots (f64 each), in assembly/variants/layout.ts ParamId order. */
export enum SimParam {
  Version, Flavour, Kappa, BondPenalty, BondMovingAvg, LiquidAlpha, AlphaLow, AlphaHigh, Steepness,
  ConsensusMode, EffectiveWeights, DecayRate, CapacityAlpha, ResetServer, ResetEpoch, WinnerTakesAll,
  TotalEpochEmission, ValidatorEmissionRatio, TotalSubnetStake, BaseValidator,
  Count,
}

/** Input buffers for `simInputPtr`. */
export enum SimInput { Params, Stakes, Weights }

/** Output buffers for `simOutputPtr` (f64 arrays except Degenerate, u8[E]). */
export enum SimOutput {
  DividendsNormalized, DividendsPer1000Tao, RelativeDividends, ServerIncentive, ServerConsensus, Bonds,
  TotalDividends, PctVsBase, Degenerate,
}
