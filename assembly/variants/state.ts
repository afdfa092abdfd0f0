// The settings of one research-variant run, decoded from the params buffer, and the working state
// carried between its epochs (spec §1 "State carried between epochs", §6). No arithmetic lives here.

import { Vec } from './matrix';
import { ConsensusMode, Flavour, ParamId, Version } from './layout';

/** One run's settings with the version rules applied: YUMA3_LIQUID forces liquid alpha, YUMA2C never uses it, only YUMA2C/3/3_LIQUID reset bonds. */
export class Settings {
  version: Version;
  flavour: Flavour;
  kappa: f64;
  bondPenalty: f64;
  /** α = 1 − bond_moving_avg, the scalar EMA rate. */
  emaAlpha: f64;
  liquidAlpha: bool;
  alphaLow: f64;
  alphaHigh: f64;
  steepness: f64;
  consensusMode: ConsensusMode;
  effectiveWeights: bool;
  decayRate: f64;
  capacityAlpha: f64;
  /** Epoch at whose start column `resetServer` of the bonds is zeroed; −1 for never. */
  resetEpoch: i32;
  resetServer: i32;
  winnerTakesAll: bool;
  totalEpochEmission: f64;
  validatorEmissionRatio: f64;
  totalSubnetStake: f64;
  baseValidator: i32;

  constructor(p: StaticArray<f64>) {
    this.version = <Version>(<i32>param(p, ParamId.Version));
    this.flavour = <Flavour>(<i32>param(p, ParamId.Flavour));
    this.kappa = param(p, ParamId.Kappa);
    this.bondPenalty = param(p, ParamId.BondPenalty);
    this.emaAlpha = 1 - param(p, ParamId.BondMovingAvg);
    this.liquidAlpha = this.version == Version.Yuma3Liquid || (param(p, ParamId.LiquidAlpha) != 0 && this.version != Version.Yuma2C);
    this.alphaLow = param(p, ParamId.AlphaLow);
    this.alphaHigh = param(p, ParamId.AlphaHigh);
    this.steepness = param(p, ParamId.Steepness);
    this.consensusMode = <ConsensusMode>(<i32>param(p, ParamId.ConsensusMode));
    this.effectiveWeights = this.flavour == Flavour.Interactive && param(p, ParamId.EffectiveWeights) != 0;
    this.decayRate = param(p, ParamId.DecayRate);
    this.capacityAlpha = param(p, ParamId.CapacityAlpha);
    const resets = this.version == Version.Yuma2C || this.version == Version.Yuma3 || this.version == Version.Yuma3Liquid;
    this.resetEpoch = resets ? <i32>param(p, ParamId.ResetEpoch) : -1;
    this.resetServer = <i32>param(p, ParamId.ResetServer);
    this.winnerTakesAll = param(p, ParamId.WinnerTakesAll) != 0;
    this.totalEpochEmission = param(p, ParamId.TotalEpochEmission);
    this.validatorEmissionRatio = param(p, ParamId.ValidatorEmissionRatio);
    this.totalSubnetStake = param(p, ParamId.TotalSubnetStake);
    this.baseValidator = <i32>param(p, ParamId.BaseValidator);
  }
}

// @ts-ignore: decorator
@inline function param(p: StaticArray<f64>, id: ParamId): f64 {
  return unchecked(p[id]);
}

/** Working matrices (V×S, row-major) and vectors of one run; `has*` say whether the carried state exists yet. */
export class RunState {
  /** Row-normalised weights W of this epoch, and of the previous one (W_prev, YUMA2B). */
  weights: Vec;
  prevWeights: Vec;
  /** Clipped weights Wc, weights for bonds (Wb or W_eff), instant bonds ΔB, per-bond EMA rates α. */
  clipped: Vec;
  bondWeights: Vec;
  instantBonds: Vec;
  alpha: Vec;
  /** The version's bond state B, and scratch for its column-normalised copy. */
  bonds: Vec;
  work: Vec;
  /** Normalised stake S (V), dividends D (V). */
  stake: Vec;
  dividends: Vec;
  /** Quantised consensus C, the previous epoch's, and the one liquid alpha reads (S each). */
  consensus: Vec;
  prevConsensus: Vec;
  alphaConsensus: Vec;
  ranks: Vec;
  incentive: Vec;
  colSum: Vec;
  order: StaticArray<i32>;
  hasBonds: bool = false;
  hasPrevConsensus: bool = false;
  hasPrevWeights: bool = false;

  constructor(public validators: i32, public servers: i32) {
    const cells = validators * servers;
    this.weights = new StaticArray<f64>(cells);
    this.prevWeights = new StaticArray<f64>(cells);
    this.clipped = new StaticArray<f64>(cells);
    this.bondWeights = new StaticArray<f64>(cells);
    this.instantBonds = new StaticArray<f64>(cells);
    this.alpha = new StaticArray<f64>(cells);
    this.bonds = new StaticArray<f64>(cells);
    this.work = new StaticArray<f64>(cells);
    this.stake = new StaticArray<f64>(validators);
    this.dividends = new StaticArray<f64>(validators);
    this.consensus = new StaticArray<f64>(servers);
    this.prevConsensus = new StaticArray<f64>(servers);
    this.alphaConsensus = new StaticArray<f64>(servers);
    this.ranks = new StaticArray<f64>(servers);
    this.incentive = new StaticArray<f64>(servers);
    this.colSum = new StaticArray<f64>(servers);
    this.order = new StaticArray<i32>(validators);
  }
}
