// Default values of the chain and of a newly registered subnet (chain.md §4.1, §4.2): what a subnet
// created at the pinned commit gets. The scenario reader (scenario.ts) fills omitted fields from here and
// the writer omits fields equal to these, so this file is the one place a default lives.
import type { FlowKnobs } from './math.ts';
import type { ChainParams, ChainRules, SubnetHyperparameters } from './state.ts';

export const RAO_PER_TAO = 1_000_000_000n;
export const U64_MAX = (1n << 64n) - 1n;
/** A u64 fraction as the chain stores TaoWeight: value / (2^64 − 1). */
export const U64_FRACTION_ONE = U64_MAX;
/** 1.0 with 32 fractional bits (I96F32 / U96F32 raw). */
export const ONE_RAW32 = 1n << 32n;
/** 1.0 in U64F64 raw. */
export const ONE_U64F64 = 1n << 64n;

/** chain.md §4.2; [LIVE?] values use the code default (or the value the spec recommends for the sim). */
export const DEFAULT_CHAIN_PARAMS: Readonly<ChainParams> = Object.freeze({
  taoWeight: 3320413933267719291n, // 0.18 (RAO migration), rounded to the nearest u64 fraction
  subnetOwnerCut: 11796,
  maxEpochsPerBlock: 2,
  subnetMovingAlpha: 12885n, // I96F32 from_num(0.000003)
  feeRate: 33,
  minStake: 2_000_000n,
  stakeThreshold: 0n,
  adminFreezeWindow: 10n,
  ownerHyperparamRateLimit: 2,
  weightsVersionKeyRateLimit: 5,
  subnetLimit: 128,
  networkMinLock: 1_000n * RAO_PER_TAO,
  networkRateLimit: 28_800n,
  networkLockReductionInterval: 57_600n,
  startCallDelay: 0n,
  minDelegateTake: 0,
  maxDelegateTake: 11796,
  txDelegateTakeRateLimit: 216_000n,
});

/** NetworkImmunityPeriod when `params.networkImmunityPeriod` is absent (chain.md §4.2: 864 000 blocks ≈ 120 days, [LIVE?]). */
export const DEFAULT_NETWORK_IMMUNITY_PERIOD = 864_000n;

/**
 * The TAO-flow knobs when `params` does not set them (chain.md §4.2; lib.rs defaults): FlowEmaSmoothingFactor
 * 29 597 889 189 277 / i64::MAX ≈ 3.209e-6 per block (a 216 000-block ≈ 30-day half-life), FlowNormExponent 1,
 * TaoFlowCutoff 0, NetTaoFlowEnabled true.
 */
export const DEFAULT_FLOW_KNOBS: Readonly<FlowKnobs> = Object.freeze({
  emaSmoothingFactor: 29_597_889_189_277n,
  normExponent: 1n << 64n,
  cutoff: 0n,
  netEnabled: true,
});

export const DEFAULT_RULES: Readonly<ChainRules> = Object.freeze({
  shareRule: 'price_ema_minerburn',
  injectionCap: 'root_proportion',
  scheduler: 'stateful',
});

/** What `register_network` writes for a new subnet at the pinned commit. */
export const DEFAULT_SUBNET_HYPERPARAMETERS: Readonly<SubnetHyperparameters> = Object.freeze({
  tempo: 360,
  activityCutoffFactorMilli: 13889,
  immunityPeriod: 5000,
  maxAllowedUids: 256,
  minAllowedUids: 64,
  maxAllowedValidators: 64,
  minAllowedWeights: 1,
  weightsSetRateLimit: 100n,
  weightsVersionKey: 0n,
  commitRevealEnabled: true,
  revealPeriodEpochs: 1n,
  kappa: 32767,
  rho: 10,
  bondsMovingAverage: 900_000n,
  bondsPenalty: 65535,
  bondsResetEnabled: false,
  yuma3Enabled: true,
  liquidAlphaEnabled: false,
  alphaLow: 45875,
  alphaHigh: 58982,
  alphaSigmoidSteepness: 1000,
  minBurn: 500_000n,
  maxBurn: 100n * RAO_PER_TAO,
  burnHalfLife: 360,
  burnIncreaseMult: 23242897532874035036n, // U64F64 1.26, rounded to nearest
  networkRegistrationAllowed: true,
  immuneOwnerUidsLimit: 1,
  minNonImmuneUids: 10,
  recycleOrBurn: 'burn',
  ownerCutEnabled: true,
  emaPriceHalvingBlocks: 201_600n,
});

/** DefaultDelegateTake: the take a new hotkey gets (18 %, u16 proportion). */
export const DEFAULT_TAKE = 11796;
/** The registration price a new subnet starts with (1 TAO). */
export const DEFAULT_BURN = RAO_PER_TAO;
/** Safety net of the stateful scheduler (§2.7 b). */
export const MAX_BLOCKS_SINCE_LAST_STEP = 50_400n;
/** Unrevealed timelocked commits allowed per hotkey. */
export const MAX_UNREVEALED_COMMITS = 10;
