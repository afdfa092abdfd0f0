// Owner and root hyperparameter changes (chain.md §4; pallets/admin-utils/src/lib.rs): who may set
// what, the value ranges, the admin freeze window and the owner rate limits. The table is data, so the
// scenario reader and the UI use the same list of names. Validation first, then the write.
import { fail, OK, type ActionResult, type ChainError } from './errors.ts';
import { blocksUntilNextEpoch } from './schedule.ts';
import type { ChainParams, ChainState, SubnetHyperparameters, SubnetState } from './state.ts';

export type HyperparameterValue = number | bigint | boolean | string | [number, number];
/** How a value is written in a scenario: u16/u32/i16 JSON integers, u64 integers or strings, booleans, enums, decimals (i64f64 signed). */
export type ValueKind = 'u16' | 'u32' | 'i16' | 'u64' | 'bool' | 'recycle_or_burn' | 'u64f64' | 'alpha_values' | 'u64_fraction' | 'raw32' | 'i64f64';

interface SubnetParamSpec {
  kind: ValueKind;
  /** Owner may set it (else root only). */
  owner: boolean;
  /** Range check for the caller; `root` is true for the sudo origin. */
  check?: (v: HyperparameterValue, subnet: SubnetState, root: boolean) => ChainError | null;
  /** Writes the value (default: the camelCase field of the same name). */
  write?: (subnet: SubnetState, v: HyperparameterValue, state: ChainState) => void;
  /** Owner rate limit in blocks (default OwnerHyperparamRateLimit · tempo). */
  rateLimit?: (subnet: SubnetState, state: ChainState) => bigint;
}

const range = (lo: number | bigint, hi: number | bigint, error: ChainError = 'InvalidValue') => (v: HyperparameterValue) =>
  (v as number | bigint) < lo || (v as number | bigint) > hi ? error : null;
const ownerOnly = (check: (v: HyperparameterValue, s: SubnetState) => ChainError | null) => (v: HyperparameterValue, s: SubnetState, root: boolean) =>
  root ? null : check(v, s);

/** Every settable subnet hyperparameter by its subtensor name (snake_case). */
export const SUBNET_HYPERPARAMETERS: Record<string, SubnetParamSpec> = {
  tempo: {
    kind: 'u16', owner: true, check: ownerOnly(range(360, 50_400)), rateLimit: () => 360n,
    // Setting the tempo resets the schedule: LastEpochBlock = now.
    write: (s, v, state) => { s.hp.tempo = v as number; s.sched.lastEpochBlock = state.block; },
  },
  activity_cutoff_factor_milli: { kind: 'u32', owner: true, check: range(1000, 50_000) },
  immunity_period: { kind: 'u16', owner: true },
  max_allowed_uids: {
    kind: 'u16', owner: true,
    check: (v, s) => ((v as number) < s.hp.minAllowedUids ? 'MaxAllowedUidsLessThanMinAllowedUids'
      : (v as number) > 256 ? 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids'
      : (v as number) < s.neurons.length ? 'MaxAllowedUIdsLessThanCurrentUIds' : null),
  },
  min_allowed_uids: { kind: 'u16', owner: false, check: (v, s) => ((v as number) >= s.hp.maxAllowedUids ? 'InvalidValue' : null) },
  max_allowed_validators: { kind: 'u16', owner: false, check: (v, s) => ((v as number) > s.hp.maxAllowedUids ? 'MaxValidatorsLargerThanMaxUIds' : null) },
  min_allowed_weights: { kind: 'u16', owner: true },
  weights_set_rate_limit: { kind: 'u64', owner: false },
  weights_version_key: { kind: 'u64', owner: true, rateLimit: (s, state) => BigInt(state.params.weightsVersionKeyRateLimit * s.hp.tempo) },
  commit_reveal_weights_enabled: { kind: 'bool', owner: true, write: (s, v) => { s.hp.commitRevealEnabled = v as boolean; } },
  reveal_period_epochs: {
    kind: 'u64', owner: true,
    check: (v) => ((v as bigint) < 1n ? 'RevealPeriodTooSmall' : (v as bigint) > 100n ? 'RevealPeriodTooLarge' : null),
  },
  kappa: { kind: 'u16', owner: false },
  rho: { kind: 'u16', owner: true },
  bonds_moving_average: { kind: 'u64', owner: true, check: ownerOnly(range(0n, 975_000n, 'BondsMovingAverageMaxReached')) },
  bonds_penalty: { kind: 'u16', owner: true },
  bonds_reset_enabled: { kind: 'bool', owner: true },
  yuma3_enabled: { kind: 'bool', owner: true },
  liquid_alpha_enabled: { kind: 'bool', owner: true },
  alpha_values: {
    kind: 'alpha_values', owner: true,
    check: (v, s) => {
      const [low, high] = v as [number, number];
      if (!s.hp.liquidAlphaEnabled) return 'LiquidAlphaDisabled';
      if (low < 1638 || low > high) return 'AlphaLowOutOfRange';
      if (high < 1638) return 'AlphaHighTooLow';
      return null;
    },
    write: (s, v) => { [s.hp.alphaLow, s.hp.alphaHigh] = v as [number, number]; },
  },
  alpha_sigmoid_steepness: { kind: 'i16', owner: true, check: ownerOnly((v) => ((v as number) < 0 ? 'NegativeSigmoidSteepness' : null)) },
  min_burn: { kind: 'u64', owner: true, check: (v, s) => ((v as bigint) >= 1_000_000_000n || (v as bigint) >= s.hp.maxBurn ? 'ValueNotInBounds' : null) },
  max_burn: { kind: 'u64', owner: true, check: (v, s) => ((v as bigint) <= 100_000_000n || (v as bigint) <= s.hp.minBurn ? 'ValueNotInBounds' : null) },
  burn_half_life: { kind: 'u16', owner: true, check: range(1, 36_100) },
  burn_increase_mult: { kind: 'u64f64', owner: true, check: range(1n << 64n, 3n << 64n) },
  network_registration_allowed: { kind: 'bool', owner: false },
  immune_owner_uids_limit: { kind: 'u16', owner: true, check: range(1, 10) },
  min_non_immune_uids: { kind: 'u16', owner: false },
  recycle_or_burn: { kind: 'recycle_or_burn', owner: true },
  owner_cut_enabled: { kind: 'bool', owner: true },
  ema_price_halving_blocks: { kind: 'u64', owner: false },
  subnet_emission_enabled: { kind: 'bool', owner: false, write: (s, v) => { s.emissionEnabled = v as boolean; } },
};

/** Global parameters root may set (sudo_*), by snake_case name. */
export const ROOT_PARAMETERS: Record<string, { kind: ValueKind; field: keyof ChainParams; check?: (v: HyperparameterValue) => ChainError | null }> = {
  tao_weight: { kind: 'u64_fraction', field: 'taoWeight' },
  subnet_owner_cut: { kind: 'u16', field: 'subnetOwnerCut' },
  max_epochs_per_block: { kind: 'u16', field: 'maxEpochsPerBlock', check: range(1, 65_535) },
  subnet_moving_alpha: { kind: 'raw32', field: 'subnetMovingAlpha' },
  fee_rate: { kind: 'u16', field: 'feeRate', check: range(0, 10_000) },
  stake_threshold: { kind: 'u64', field: 'stakeThreshold' },
  admin_freeze_window: { kind: 'u64', field: 'adminFreezeWindow' },
  owner_hyperparam_rate_limit: { kind: 'u16', field: 'ownerHyperparamRateLimit' },
  network_rate_limit: { kind: 'u64', field: 'networkRateLimit' },
  network_min_lock: { kind: 'u64', field: 'networkMinLock' },
  subnet_limit: { kind: 'u16', field: 'subnetLimit' },
  network_immunity_period: { kind: 'u64', field: 'networkImmunityPeriod' },
  // The TAO-flow knobs (read by the flow share rules only); FlowNormExponent must lie in [1, 2].
  flow_ema_smoothing_factor: { kind: 'u64', field: 'flowEmaSmoothingFactor' },
  flow_norm_exponent: { kind: 'u64f64', field: 'flowNormExponent', check: range(1n << 64n, 2n << 64n) },
  tao_flow_cutoff: { kind: 'i64f64', field: 'taoFlowCutoff' },
  net_tao_flow_enabled: { kind: 'bool', field: 'netTaoFlowEnabled' },
  start_call_delay: { kind: 'u64', field: 'startCallDelay' },
  min_delegate_take: { kind: 'u16', field: 'minDelegateTake' },
  max_delegate_take: { kind: 'u16', field: 'maxDelegateTake' },
};

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The owner's freeze-window and rate-limit check for parameter `key` (null when allowed). */
export function ownerWindowError(state: ChainState, subnet: SubnetState, key: string, rateLimit?: bigint): ChainError | null {
  if (subnet.sched.pendingEpochAt > 0n) return 'AdminActionProhibitedDuringWeightsWindow';
  if (blocksUntilNextEpoch(subnet, state.block, state.rules.scheduler) < state.params.adminFreezeWindow) return 'AdminActionProhibitedDuringWeightsWindow';
  const last = subnet.ownerLastSet[key];
  const limit = rateLimit ?? BigInt(state.params.ownerHyperparamRateLimit * subnet.hp.tempo);
  if (last !== undefined && state.block - last < limit) return 'TxRateLimitExceeded';
  return null;
}

/** set_hyperparameter: `coldkey` null is the root origin, otherwise the subnet owner. */
export function setSubnetHyperparameter(state: ChainState, a: { coldkey: string | null; netuid: number; name: string; value: HyperparameterValue }): ActionResult {
  const spec = SUBNET_HYPERPARAMETERS[a.name];
  if (spec === undefined) return fail('InvalidValue');
  const subnet = state.subnets.find((s) => s.netuid === a.netuid);
  if (subnet === undefined) return fail('SubnetNotExists');
  const root = a.coldkey === null;
  if (!root && (!spec.owner || subnet.ownerColdkey !== a.coldkey)) return fail('BadOrigin');
  if (!root) {
    const windowError = ownerWindowError(state, subnet, a.name, spec.rateLimit?.(subnet, state));
    if (windowError !== null) return fail(windowError);
  }
  const error = spec.check?.(a.value, subnet, root) ?? null;
  if (error !== null) return fail(error);
  if (spec.write) spec.write(subnet, a.value, state);
  else (subnet.hp as unknown as Record<string, HyperparameterValue>)[camel(a.name) as keyof SubnetHyperparameters] = a.value;
  if (!root) subnet.ownerLastSet[a.name] = state.block;
  return OK;
}

/** sudo_set: a global parameter (netuid null) or a root-only subnet flag. */
export function setRootParam(state: ChainState, a: { name: string; netuid: number | null; value: HyperparameterValue }): ActionResult {
  if (a.netuid !== null) return setSubnetHyperparameter(state, { coldkey: null, netuid: a.netuid, name: a.name, value: a.value });
  const spec = ROOT_PARAMETERS[a.name];
  if (spec === undefined) return fail('InvalidValue');
  const error = spec.check?.(a.value) ?? null;
  if (error !== null) return fail(error);
  (state.params as unknown as Record<string, HyperparameterValue>)[spec.field] = a.value;
  return OK;
}
