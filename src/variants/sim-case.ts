// The model of yuma-sim-case/1 (shared/formats/yuma-sim-case.md): a validated job — case, version,
// flavour, config — with every default filled in. Pure types and constants; parsing is in sim-job.ts.

/** Version keys of the yuma-simulation package (spec §0), in the order of the wasm's Version enum. */
export const SIM_VERSIONS = ['YUMA1', 'YUMA2', 'YUMA2A', 'YUMA2B', 'YUMA2C', 'YUMA3', 'YUMA3_LIQUID'] as const;
export type SimVersion = (typeof SIM_VERSIONS)[number];

/** `package` = bactensor/yuma-simulation @2b976fd; `interactive` = the copy in interactive-yuma-simulator @6d7726e. */
export const SIM_FLAVOURS = ['package', 'interactive'] as const;
export type SimFlavour = (typeof SIM_FLAVOURS)[number];

/** Which consensus YUMA3's liquid alpha reads: this epoch's, the previous one's, or their element-wise max. */
export const CONSENSUS_MODES = ['CURRENT', 'PREVIOUS', 'MIXED'] as const;
export type ConsensusMode = (typeof CONSENSUS_MODES)[number];

/** True when `version` exists in `flavour` (YUMA2A is interactive-only). */
export function versionInFlavour(version: SimVersion, flavour: SimFlavour): boolean {
  return version !== 'YUMA2A' || flavour === 'interactive';
}

/** A scenario: V validators, S servers, E epochs of raw stakes [E][V] and raw weights [E][V][S] (all ≥ 0, finite). */
export interface SimCase {
  validators: string[];
  servers: string[];
  /** Index of the reference validator for `pct_vs_base`, 0..V−1. */
  baseValidator: number;
  numEpochs: number;
  /** Each epoch's sum is > 0. */
  stakes: number[][];
  weights: number[][][];
  /** Zero that server's bond column at the start of that epoch (when the config and version honour resets). */
  resetBonds: { serverIndex: number; epoch: number } | null;
  winnerTakesAll: boolean;
}

/** The run's settings (format §5.1), keys as in the package. */
export interface SimConfig {
  kappa: number;
  bond_penalty: number;
  bond_moving_avg: number;
  liquid_alpha: boolean;
  alpha_low: number;
  alpha_high: number;
  alpha_sigmoid_steepness: number;
  liquid_alpha_consensus_mode: ConsensusMode;
  liquid_alpha_effective_weights: boolean;
  decay_rate: number;
  capacity_alpha: number;
  reset_bonds: boolean;
  winner_takes_all: boolean;
  total_epoch_emission: number;
  validator_emission_ratio: number;
  total_subnet_stake: number;
  /** Accepted, no effect (legacy bisection consensus only). */
  consensus_precision: number;
  /** Accepted, no effect. */
  alpha_tao_ratio: number | null;
  override_consensus_high: number | null;
  override_consensus_low: number | null;
}

/** Format §5.1 defaults: the package's dataclass defaults, with bond_penalty 1.0. */
export const DEFAULT_SIM_CONFIG: Readonly<SimConfig> = Object.freeze({
  kappa: 0.5,
  bond_penalty: 1.0,
  bond_moving_avg: 0.1,
  liquid_alpha: false,
  alpha_low: 0.1,
  alpha_high: 0.3,
  alpha_sigmoid_steepness: 10.0,
  liquid_alpha_consensus_mode: 'CURRENT',
  liquid_alpha_effective_weights: false,
  decay_rate: 0.1,
  capacity_alpha: 0.1,
  reset_bonds: false,
  winner_takes_all: false,
  total_epoch_emission: 100.0,
  validator_emission_ratio: 0.41,
  total_subnet_stake: 1000000.0,
  consensus_precision: 100000,
  alpha_tao_ratio: null,
  override_consensus_high: null,
  override_consensus_low: null,
});

/** One job line: run `simCase` with `version` of `flavour` under `config`; `id` is echoed in the result. */
export interface SimJob {
  id?: string;
  simCase: SimCase;
  version: SimVersion;
  flavour: SimFlavour;
  config: SimConfig;
}
