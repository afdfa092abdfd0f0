// The one contract between callers and an epoch engine (the WASM core or the BigInt oracle).
// Pure types and constants only: no engine, no browser, no I/O lives here.

/** A stored sparse row: `[column_uid, u16_value]` pairs in stored order (spec §1). */
export type SparseRowU16 = [number, number][];
/** A sparse row of raw I32F32 values (`value = raw / 2^32`), in the order the epoch holds it. */
export type SparseRowRaw = [number, bigint][];

/** Epoch hyperparameters in chain units (spec §12). Defaults: `DEFAULT_HYPERPARAMETERS`. */
export interface Hyperparameters {
  /** u16; consensus majority as `kappa / 65535`. */
  kappa: number;
  /** u16; bonds interpolate from raw towards clipped weights by `bondsPenalty / 65535`. */
  bondsPenalty: number;
  /** u64 per 1e6; bond EMA keeps `bma / 1e6` of the old value. */
  bondsMovingAverage: bigint;
  /** u16 blocks between epochs. */
  tempo: number;
  /** u32; activity cutoff = max(⌊factor · tempo / 1000⌋, 1) blocks. */
  activityCutoffFactorMilli: number;
  /** u16; k of the top-k validator permits. */
  maxAllowedValidators: number;
  yuma3Enabled: boolean;
  liquidAlphaEnabled: boolean;
  /** u16 proportions α_lo, α_hi. */
  alphaLow: number;
  alphaHigh: number;
  /** i16; liquid-alpha sigmoid steepness σ. */
  alphaSigmoidSteepness: number;
  /** u64 rao; stakes below it count as 0 (except the owner's). */
  stakeThreshold: bigint;
  commitRevealEnabled: boolean;
  /** Pre-2025-05 behaviour: is_topk permits and consensus-quantile liquid alpha on Yuma 1 (spec §10.2). */
  legacy: boolean;
}

/** The subtensor unit-test runtime's values, which `yuma-trace/1` uses as defaults. */
export const DEFAULT_HYPERPARAMETERS: Readonly<Hyperparameters> = Object.freeze({
  kappa: 32767,
  bondsPenalty: 65535,
  bondsMovingAverage: 900000n,
  tempo: 360,
  activityCutoffFactorMilli: 13889,
  maxAllowedValidators: 64,
  yuma3Enabled: false,
  liquidAlphaEnabled: false,
  alphaLow: 45875,
  alphaHigh: 58982,
  alphaSigmoidSteepness: 1000,
  stakeThreshold: 0n,
  commitRevealEnabled: false,
  legacy: false,
});

/** Everything one epoch of one subnet (one mechanism) reads (spec §3). All arrays have length n. */
export interface EpochInput {
  n: number;
  block: bigint;
  hyperparameters: Hyperparameters;
  /** uid of the subnet owner's hotkey if registered here, else null. */
  ownerUid: number | null;
  alphaStake: bigint[];
  taoStake: bigint[];
  /** The chain's TaoWeight: weight = taoWeight / (2^64 − 1). */
  taoWeight: bigint;
  blockAtRegistration: bigint[];
  lastUpdate: bigint[];
  /** Permits written by the previous epoch. */
  validatorPermit: boolean[];
  /** Stored (max-upscaled) weight rows. */
  weights: SparseRowU16[];
  /** Stored bond rows (Yuma 1: column max-upscaled; Yuma 3: u16 proportion). */
  bonds: SparseRowU16[];
  /** LastMechansimStepBlock (0 = never). */
  lastMechanismStepBlock: bigint;
  /** Earliest unexpired commit block per uid for the commit-reveal mask (W5); null = none. */
  commitBlock: (bigint | null)[];
  /** Rao emitted by this epoch (E). */
  raoEmission: bigint;
}

/** What the epoch writes to storage (yuma-trace-result/1 epoch fields, spec §4.14). */
export interface EpochOutput {
  emission: bigint[];
  serverEmission: bigint[];
  validatorEmission: bigint[];
  incentive: number[];
  dividends: number[];
  consensus: number[];
  validatorTrust: number[];
  stakeWeight: number[];
  active: boolean[];
  newValidatorPermit: boolean[];
  /** Bond rows after the epoch persisted (empty for uids without a new permit). */
  bonds: SparseRowU16[];
  /** Outputs the chain stopped writing in 2025-12 (spec §10.1); shown for teaching, labelled legacy. */
  legacyOutputs: LegacyOutputs;
  /** Present only when requested: every intermediate of spec §4, raw I32F32. */
  intermediates?: EpochIntermediates;
}

/** Rank, Trust and PruningScores as u16, as computed until main `6e3d24cea` (spec §10.1). */
export interface LegacyOutputs {
  rank: number[];
  trust: number[];
  pruningScore: number[];
}

/**
 * Every intermediate of the epoch, in spec §4 order. Vectors are raw I32F32 (`bigint`, value = raw / 2^32)
 * of length n; matrices are sparse rows in the order the epoch holds them. Both engines must produce
 * these bit for bit; the fuzz tests compare them all.
 */
export interface EpochIntermediates {
  /** §3: activity cutoff in blocks. */
  activityCutoff: bigint;
  /** §4.1 */
  inactive: boolean[];
  /** §4.2 step 4: S, normalised stake after the threshold filter. */
  stake: bigint[];
  /** §4.3: permits used for masking (old permits plus the forced owner permit). */
  validatorPermit: boolean[];
  /** §4.4: A, active stake normalised. */
  activeStake: bigint[];
  /** §4.5 W1–W5: weights as Q(u16) after all masks. */
  weightsMasked: SparseRowRaw[];
  /** §4.5 W6: row-normalised weights. */
  weights: SparseRowRaw[];
  /** §4.6: C, consensus per column. */
  consensus: bigint[];
  /** §4.7: W̄, clipped weights. */
  clippedWeights: SparseRowRaw[];
  /** §4.7: VT. */
  validatorTrust: bigint[];
  /** §4.8: R before normalisation. */
  ranks: bigint[];
  /** §4.8: I = R / ΣR. */
  incentive: bigint[];
  /** §4.9: Wb. */
  weightsForBonds: SparseRowRaw[];
  /** §4.9: last_tempo. */
  lastTempo: bigint;
  /** §4.10/4.11 step 1: B as read (recently-registered columns dropped; column-normalised on Yuma 1). */
  bondsBefore: SparseRowRaw[];
  /** §4.10 step 2: ΔB column-normalised (Yuma 1 path only; empty rows on Yuma 3). */
  bondsDelta: SparseRowRaw[];
  /** α used by the EMA when it is one scalar (alpha_bma); null when liquid alpha supplied per-entry or per-column values. */
  alpha: bigint | null;
  /** Liquid alpha per entry of Wb (Yuma 3, §4.11 step 2): α_ij for every (i, j) present in Wb[i]; n empty rows otherwise. */
  liquidAlpha: SparseRowRaw[];
  /** Legacy consensus-quantile liquid alpha per column (§10.2), else the empty list. */
  legacyColumnAlpha: bigint[];
  /** E: bonds after the EMA (Yuma 1: after column normalisation, §4.10 step 4). */
  bondsEma: SparseRowRaw[];
  /** §4.10 step 5 / §4.11 step 4: D normalised. */
  dividends: bigint[];
  /** §4.13: ns, nv, nc. */
  serverShare: bigint[];
  validatorShare: bigint[];
  combinedShare: bigint[];
}

/** An implementation of the epoch. Both implementations must agree bit for bit. */
export interface EpochEngine {
  readonly name: string;
  /** Runs one epoch. Pure: the same input gives the same output; the input is not modified. */
  runEpoch(input: EpochInput, options?: { intermediates?: boolean }): EpochOutput;
  /** subtensor's vec_u16_max_upscale_to_u16: how set_weights stores submitted values (spec §11.1). */
  maxUpscaleU16(values: number[]): number[];
}
