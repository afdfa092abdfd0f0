// Ids and buffer layout of the research-variant runner (yuma-simulation, float64), shared by the
// driver and the exports; mirrored on the host in src/variants/wasm-layout.ts. Change both together.
//
//   params f64[ParamId.Count]: the run's settings, already resolved by the host
//     (winner-takes-all = config OR case; resetEpoch = −1 when the config or the case has no reset)
//   inputs  (row-major):  stakes f64[E·V]   weights f64[E·V·S]                  raw, as the case gives them
//   outputs (row-major):  dividendsNormalized, dividendsPer1000Tao, relativeDividends f64[E·V]
//                         serverIncentive, serverConsensus f64[E·S]   bonds f64[E·V·S]
//                         totalDividends, pctVsBase f64[V]            degenerate u8[E] (1 = no consensus)

/** Version keys of the package (spec §0). */
export const enum Version { Yuma1, Yuma2, Yuma2A, Yuma2B, Yuma2C, Yuma3, Yuma3Liquid, Count }

/** Code generation: the package @2b976fd or the interactive web app's copy @6d7726e. */
export const enum Flavour { Package, Interactive }

/** Which consensus liquid alpha reads in YUMA3 (spec §3.6 step 3). */
export const enum ConsensusMode { Current, Previous, Mixed }

export const enum ParamId {
  Version, Flavour, Kappa, BondPenalty, BondMovingAvg, LiquidAlpha, AlphaLow, AlphaHigh, Steepness,
  ConsensusMode, EffectiveWeights, DecayRate, CapacityAlpha, ResetServer, ResetEpoch, WinnerTakesAll,
  TotalEpochEmission, ValidatorEmissionRatio, TotalSubnetStake, BaseValidator,
  Count,
}

export const enum InputId { Params, Stakes, Weights }

export const enum OutputId {
  DividendsNormalized, DividendsPer1000Tao, RelativeDividends, ServerIncentive, ServerConsensus, Bonds,
  TotalDividends, PctVsBase, Degenerate,
}
