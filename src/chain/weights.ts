// set_weights and the weight checks the reveal of a commit shares (chain.md §3.4; subnets/weights.rs,
// guards/check_weights.rs), in the chain's order. Values are stored max-upscaled (yuma-epoch.md §11.1).
import { fail, OK, type ActionResult, type ChainError } from './errors.ts';
import type { ChainEngines, ChainState, SubnetState } from './state.ts';
import { u64FractionToU96 } from './u96.ts';

export interface WeightsCall {
  hotkey: string;
  netuid: number;
  uids: number[];
  values: number[];
  versionKey: bigint;
}

/** now − then, saturating at 0 (u64 `saturating_sub`). */
export const blocksSince = (now: bigint, then: bigint): bigint => (now > then ? now - then : 0n);

/** The subnet for a weights call, or the error for root / a missing subnet. */
export function weightsSubnet(state: ChainState, netuid: number): SubnetState | ChainError {
  if (netuid === 0) return 'CanNotSetRootNetworkWeights';
  return state.subnets.find((s) => s.netuid === netuid) ?? 'MechanismDoesNotExist';
}

/** ⌊α + w·root⌋ of a hotkey on a subnet: the stake `check_weights_min_stake` compares with StakeThreshold. */
export function stakeWeightOf(state: ChainState, subnet: SubnetState, hotkey: string): bigint {
  const alpha = subnet.pools[hotkey]?.total ?? 0n;
  const root = state.root.pools[hotkey]?.total ?? 0n;
  return alpha + ((root * u64FractionToU96(state.params.taoWeight)) >> 32n);
}

/**
 * Checks 1–10 of §3.4 for an already-resolved subnet. `reveal` is the automatic reveal of a commit:
 * it skips the rate limit (commit-reveal is on). Returns null when the call is valid.
 */
export function checkWeights(state: ChainState, subnet: SubnetState, call: WeightsCall, reveal: boolean): ChainError | null {
  const { uids, values } = call;
  const n = subnet.neurons.length;
  if (uids.length !== values.length) return 'WeightVecNotEqualSize';
  if (uids.length > n) return 'UidsLengthExceedUidsInSubNet';
  const uid = subnet.uids[call.hotkey];
  if (uid === undefined) return 'HotKeyNotRegisteredInSubNet';
  const isOwner = call.hotkey === subnet.ownerHotkey;
  if (!isOwner && stakeWeightOf(state, subnet, call.hotkey) < state.params.stakeThreshold) return 'NotEnoughStakeToSetWeights';
  const subnetKey = subnet.hp.weightsVersionKey;
  if (subnetKey !== 0n && call.versionKey < subnetKey) return 'IncorrectWeightVersionKey';
  const last = subnet.neurons[uid].lastUpdate;
  if (!reveal && last !== 0n && blocksSince(state.block, last) < subnet.hp.weightsSetRateLimit) return 'SettingWeightsTooFast';
  const selfWeight = uids.length === 1 && uids[0] === uid;
  if (!selfWeight && !isOwner && !subnet.neurons[uid].validatorPermit) return 'NeuronNoValidatorPermit';
  const seen = new Set<number>();
  for (const u of uids) {
    if (seen.has(u)) return 'DuplicateUids';
    seen.add(u);
  }
  for (const u of uids) if (!Number.isInteger(u) || u < 0 || u >= n) return 'UidVecContainInvalidOne';
  if (!selfWeight && uids.length < Math.min(subnet.hp.minAllowedWeights, n)) return 'WeightVecLengthIsLow';
  for (const v of values) if (!Number.isInteger(v) || v < 0 || v > 65535) return 'MaxWeightExceeded';
  return null;
}

/** Stores the max-upscaled row; `lastUpdate` is set by set_weights (CR off), never by a reveal. Mutates. */
export function storeWeights(subnet: SubnetState, engines: ChainEngines, call: WeightsCall, block: bigint | null): void {
  const uid = subnet.uids[call.hotkey];
  const stored = engines.math.maxUpscaleU16(call.values);
  subnet.neurons[uid].weights = call.uids.map((u, k) => [u, stored[k]] as [number, number]);
  if (block !== null) subnet.neurons[uid].lastUpdate = block;
}

/** The set_weights extrinsic (hotkey-signed). */
export function setWeights(state: ChainState, engines: ChainEngines, call: WeightsCall): ActionResult {
  const subnet = weightsSubnet(state, call.netuid);
  if (typeof subnet === 'string') return fail(subnet);
  if (subnet.hp.commitRevealEnabled) return fail('CommitRevealEnabled');
  const error = checkWeights(state, subnet, call, false);
  if (error !== null) return fail(error);
  storeWeights(subnet, engines, call, state.block);
  return OK;
}
