// ChainState: the whole simulated chain as plain, structured-clone-friendly data (bigint, numbers,
// strings, arrays, plain objects; no classes, no Maps), so it can be hashed, snapshotted and persisted.
// Names follow subtensor's storage items in camelCase. Types only.
import type { EpochEngine, SparseRowU16 } from '../model/epoch.ts';
import type { ChainMath, SubnetFlow } from './math.ts';

/** The two engines a block needs: the Yuma epoch and the coinbase arithmetic (both WASM in production). */
export interface ChainEngines {
  epoch: EpochEngine;
  math: ChainMath;
}

/** Rules pinned by a scenario (chain.md §2.2, §2.3 history, §2.7). */
export interface ChainRules {
  shareRule: 'price_ema_minerburn' | 'price_ema' | 'root_prop_minerburn' | 'tao_flow' | 'net_tao_flow';
  injectionCap: 'root_proportion' | 'min_alpha_tao_emission' | 'alpha_emission';
  scheduler: 'stateful' | 'legacy';
}

/** Chain-level (global) parameters, chain.md §4.2. */
export interface ChainParams {
  /** TaoWeight as a u64 fraction (value / (2^64 − 1)). */
  taoWeight: bigint;
  /** SubnetOwnerCut, u16 proportion. */
  subnetOwnerCut: number;
  maxEpochsPerBlock: number;
  /** SubnetMovingAlpha, I96F32 raw (value / 2^32). */
  subnetMovingAlpha: bigint;
  /** Swap FeeRate, u16 proportion of the input. */
  feeRate: number;
  /** DefaultMinStake (rao). */
  minStake: bigint;
  /** StakeThreshold (rao): minimum stake weight to set weights. */
  stakeThreshold: bigint;
  adminFreezeWindow: bigint;
  /** OwnerHyperparamRateLimit in tempos. */
  ownerHyperparamRateLimit: number;
  /** WeightsVersionKeyRateLimit in tempos. */
  weightsVersionKeyRateLimit: number;
  subnetLimit: number;
  networkMinLock: bigint;
  networkRateLimit: bigint;
  networkLockReductionInterval: bigint;
  startCallDelay: bigint;
  minDelegateTake: number;
  maxDelegateTake: number;
  txDelegateTakeRateLimit: bigint;
  /**
   * NetworkImmunityPeriod (blocks): a subnet younger than this cannot be pruned. Optional so that states and
   * documents written before subnet pruning existed keep their shape and hash; absent = the default (defaults.ts).
   */
  networkImmunityPeriod?: bigint;
  /** The TAO-flow knobs (chain.md §4.2), optional for the same reason; absent = DEFAULT_FLOW_KNOBS. Read by the flow rules only. */
  flowEmaSmoothingFactor?: bigint;
  /** FlowNormExponent, U64F64 raw (1 ≤ p ≤ 2). */
  flowNormExponent?: bigint;
  /** TaoFlowCutoff, I64F64 raw (rao per block; negative allowed). */
  taoFlowCutoff?: bigint;
  netTaoFlowEnabled?: boolean;
}

/** Per-subnet hyperparameters, chain.md §4.1 (only the ones that change numbers). */
export interface SubnetHyperparameters {
  tempo: number;
  activityCutoffFactorMilli: number;
  immunityPeriod: number;
  maxAllowedUids: number;
  minAllowedUids: number;
  maxAllowedValidators: number;
  minAllowedWeights: number;
  weightsSetRateLimit: bigint;
  weightsVersionKey: bigint;
  commitRevealEnabled: boolean;
  revealPeriodEpochs: bigint;
  kappa: number;
  rho: number;
  bondsMovingAverage: bigint;
  bondsPenalty: number;
  bondsResetEnabled: boolean;
  yuma3Enabled: boolean;
  liquidAlphaEnabled: boolean;
  alphaLow: number;
  alphaHigh: number;
  alphaSigmoidSteepness: number;
  minBurn: bigint;
  maxBurn: bigint;
  burnHalfLife: number;
  /** BurnIncreaseMult, U64F64 raw (value / 2^64). */
  burnIncreaseMult: bigint;
  networkRegistrationAllowed: boolean;
  immuneOwnerUidsLimit: number;
  minNonImmuneUids: number;
  recycleOrBurn: 'burn' | 'recycle';
  ownerCutEnabled: boolean;
  emaPriceHalvingBlocks: bigint;
}

/** A (hotkey, netuid) stake pool: α value and integer shares per coldkey (coldkey α = shares·total/totalShares). */
export interface StakePool {
  total: bigint;
  totalShares: bigint;
  shares: Record<string, bigint>;
}

export interface HotkeyState {
  owner: string;
  /** Delegate take, u16 proportion. */
  take: number;
  lastTakeIncrease: bigint;
}

export interface NeuronState {
  hotkey: string;
  blockAtRegistration: bigint;
  lastUpdate: bigint;
  weights: SparseRowU16;
  bonds: SparseRowU16;
  validatorPermit: boolean;
  active: boolean;
  /** Last epoch's outputs (pruning reads `emission`). */
  emission: bigint;
  incentive: number;
  dividends: number;
  consensus: number;
  validatorTrust: number;
  stakeWeight: number;
}

/** A sealed (plaintext in the sim) timelocked weight commit, revealed automatically (chain.md §3.5). */
export interface WeightCommit {
  hotkey: string;
  commitEpoch: bigint;
  commitBlock: bigint;
  uids: number[];
  values: number[];
  versionKey: bigint;
}

export interface Schedule {
  lastEpochBlock: bigint;
  /** Owner-triggered or deferred epoch block; 0 = none. */
  pendingEpochAt: bigint;
  epochIndex: bigint;
  blocksSinceLastStep: bigint;
  lastMechanismStepBlock: bigint;
}

export interface PendingBuckets {
  server: bigint;
  validator: bigint;
  root: bigint;
  owner: bigint;
}

export interface SubnetState {
  netuid: number;
  ownerColdkey: string;
  ownerHotkey: string;
  registeredAt: bigint;
  /** FirstEmissionBlockNumber; null until start_call. */
  firstEmissionBlock: bigint | null;
  subtokenEnabled: boolean;
  /** SubnetEmissionEnabled (TAO side), root-only. */
  emissionEnabled: boolean;
  hp: SubnetHyperparameters;
  /** SubnetTAO and SubnetAlphaIn. */
  taoReserve: bigint;
  alphaIn: bigint;
  /** SubnetAlphaOut: every α outside the pool (stakes, pending, protocol, burned, claimable, unmodelled). */
  alphaOut: bigint;
  protocolAlpha: bigint;
  /** α held outside the model's accounts (scenario `unmodelled_alpha`), part of alphaOut. */
  unmodelledAlpha: bigint;
  /** α burned (burn_subnet_alpha): still counted in alphaOut, held by nobody. */
  alphaBurned: bigint;
  /** α minted but credited to nobody (rounding dust, buckets without a receiver); part of alphaOut. */
  alphaUncredited: bigint;
  /** Cumulative α recycled (removed from alphaOut): root share without a sell flag, owner-hotkey incentive, registration. */
  alphaRecycled: bigint;
  /** α swap fees paid to the block author; part of alphaOut. */
  authorAlpha: bigint;
  emaPrice: bigint;
  minerBurned: bigint;
  rootProportion: bigint;
  pending: PendingBuckets;
  sched: Schedule;
  burn: bigint;
  registrationsThisBlock: number;
  neurons: NeuronState[];
  /** hotkey → uid. */
  uids: Record<string, number>;
  /** hotkey → α stake pool on this subnet (TotalHotkeyAlpha and shares). */
  pools: Record<string, StakePool>;
  /** hotkey → root-dividend α accrued and not yet claimed by its root nominators. */
  rootClaimable: Record<string, bigint>;
  commits: WeightCommit[];
  /** Last block an owner changed each hyperparameter (owner rate limits). */
  ownerLastSet: Record<string, bigint>;
  /** TAO-flow accumulators and EMAs; present only under a flow share rule (so other states hash as before). */
  flow?: SubnetFlow;
}

/** The whole chain. `format` versions the persisted shape. */
export interface ChainState {
  format: 'yuma-chain-state/1';
  name: string;
  block: bigint;
  totalIssuance: bigint;
  /** BlockEmission of the last block (rao). */
  blockEmission: bigint;
  params: ChainParams;
  rules: ChainRules;
  /** Netuid 0: SubnetTAO[0] (= root stake + unmodelled root TAO) and root stake pools per hotkey. */
  root: { taoReserve: bigint; unmodelledTao: bigint; pools: Record<string, StakePool> };
  /** Every non-root subnet, in netuid order. */
  subnets: SubnetState[];
  /** coldkey → free TAO balance (rao). */
  balances: Record<string, bigint>;
  hotkeys: Record<string, HotkeyState>;
  /** coldkey → RootClaimType when not the default `swap`. */
  rootClaimType: Record<string, 'swap' | 'keep'>;
  /**
   * TAO counted in TotalIssuance but held outside the modelled accounts, and swap fees paid to the block
   * author (the sim always has one, so burn_tao — which would not lower TotalIssuance either — never runs).
   */
  sinks: { unmodelledTao: bigint; authorTao: bigint };
  networkLock: { lastLock: bigint; lastLockBlock: bigint; lastRegistrationBlock: bigint | null };
}
