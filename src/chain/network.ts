// Subnet-level owner calls (chain.md §3.2, §2.7): register_network with its lock cost (and the pruning
// of a subnet at SubnetLimit), start_call, and trigger_epoch. Validation first, then effects.
import { DEFAULT_BURN, DEFAULT_SUBNET_HYPERPARAMETERS, DEFAULT_TAKE, RAO_PER_TAO } from './defaults.ts';
import { dissolveSubnet, networkToPrune } from './dissolve.ts';
import { fail, OK, type ActionResult } from './errors.ts';
import { isFlowRule, newSubnetFlow } from './flow.ts';
import { ownerWindowError } from './hyperparams.ts';
import { appendNeuron } from './registration.ts';
import { staggeredLastEpochBlock } from './schedule.ts';
import type { ChainState, SubnetState } from './state.ts';

/**
 * The lock cost now: max(MinLock, m·L − ⌊L / I'⌋·(b − b_L)), m = 2 (1 before any lock), with the
 * reduction interval I' = NetworkLockReductionInterval · E / 1 TAO (it halves with the halving).
 */
export function lockCost(state: ChainState): bigint {
  const { lastLock, lastLockBlock } = state.networkLock;
  const scaled = (state.params.networkLockReductionInterval * state.blockEmission) / RAO_PER_TAO;
  const interval = scaled > 0n ? scaled : 1n;
  const mult = lastLockBlock === 0n ? 1n : 2n;
  const elapsed = state.block > lastLockBlock ? state.block - lastLockBlock : 0n;
  const reduction = (lastLock / interval) * elapsed;
  const cost = lastLock * mult > reduction ? lastLock * mult - reduction : 0n;
  return cost > state.params.networkMinLock ? cost : state.params.networkMinLock;
}

/** Median spot price (U64F64 raw) of the existing subnets with a price; 1.0 when there are none. */
export function medianPrice(state: ChainState): bigint {
  const prices = state.subnets.filter((s) => s.alphaIn > 0n && s.taoReserve > 0n).map((s) => (s.taoReserve << 64n) / s.alphaIn);
  if (prices.length === 0) return 1n << 64n;
  prices.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = prices.length >> 1;
  return prices.length % 2 === 1 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2n;
}

/**
 * register_network(hotkey), coldkey-signed: a new subnet whose pool opens at the median price. At SubnetLimit
 * the prune candidate (dissolve.ts) is dissolved first, after every check, and its netuid is reused.
 */
export function registerNetwork(state: ChainState, a: { coldkey: string; hotkey: string }): ActionResult {
  const last = state.networkLock.lastRegistrationBlock;
  if (last !== null && state.block - last < state.params.networkRateLimit) return fail('NetworkTxRateLimitExceeded');
  const pruned = state.subnets.length >= state.params.subnetLimit ? networkToPrune(state) : null;
  if (state.subnets.length >= state.params.subnetLimit && pruned === null) return fail('SubnetLimitReached');
  const cost = lockCost(state);
  if ((state.balances[a.coldkey] ?? 0n) < cost) return fail('CannotAffordLockCost');
  const owner = state.hotkeys[a.hotkey]?.owner;
  if (owner !== undefined && owner !== a.coldkey) return fail('NonAssociatedColdKey');
  state.balances[a.coldkey] -= cost;
  const dissolution = pruned === null ? undefined : dissolveSubnet(state, pruned);
  let netuid = pruned ?? 1;
  while (pruned === null && state.subnets.some((s) => s.netuid === netuid)) netuid++;
  const alpha = (cost << 64n) / medianPrice(state);
  if (owner === undefined) state.hotkeys[a.hotkey] = { owner: a.coldkey, take: DEFAULT_TAKE, lastTakeIncrease: 0n };
  const subnet = newSubnet(netuid, a.coldkey, a.hotkey, state.block, cost, alpha);
  if (isFlowRule(state.rules.shareRule)) subnet.flow = newSubnetFlow();
  appendNeuron(subnet, a.hotkey, state.block);
  state.subnets.push(subnet);
  state.subnets.sort((x, y) => x.netuid - y.netuid);
  state.networkLock = { lastLock: cost, lastLockBlock: state.block, lastRegistrationBlock: state.block };
  return dissolution === undefined ? OK : { ok: true, dissolution };
}

/** A subnet as register_network creates it: emission disabled, not started, default hyperparameters. */
export function newSubnet(netuid: number, coldkey: string, hotkey: string, block: bigint, tao: bigint, alpha: bigint): SubnetState {
  const hp = { ...DEFAULT_SUBNET_HYPERPARAMETERS };
  return {
    netuid, ownerColdkey: coldkey, ownerHotkey: hotkey, registeredAt: block, firstEmissionBlock: null,
    subtokenEnabled: false, emissionEnabled: false, hp,
    taoReserve: tao, alphaIn: alpha, alphaOut: 0n, protocolAlpha: 0n, unmodelledAlpha: 0n, alphaBurned: 0n,
    alphaUncredited: 0n, alphaRecycled: 0n, authorAlpha: 0n, emaPrice: 0n, minerBurned: 0n, rootProportion: 0n,
    pending: { server: 0n, validator: 0n, root: 0n, owner: 0n },
    sched: {
      lastEpochBlock: staggeredLastEpochBlock(netuid, hp.tempo, block), pendingEpochAt: 0n, epochIndex: 0n,
      blocksSinceLastStep: 0n, lastMechanismStepBlock: 0n,
    },
    burn: DEFAULT_BURN, registrationsThisBlock: 0, neurons: [], uids: {}, pools: {}, rootClaimable: {}, commits: [], ownerLastSet: {},
  };
}

/** start_call(netuid), owner-signed: FirstEmissionBlockNumber = now + 1, subtoken enabled. */
export function startCall(state: ChainState, a: { coldkey: string; netuid: number }): ActionResult {
  const subnet = state.subnets.find((s) => s.netuid === a.netuid);
  if (subnet === undefined) return fail('SubnetNotExists');
  if (subnet.ownerColdkey !== a.coldkey) return fail('NotSubnetOwner');
  if (subnet.firstEmissionBlock !== null) return fail('FirstEmissionBlockNumberAlreadySet');
  if (state.block < subnet.registeredAt + state.params.startCallDelay) return fail('NeedWaitingMoreBlocksToStarCall');
  subnet.firstEmissionBlock = state.block + 1n;
  subnet.subtokenEnabled = true;
  return OK;
}

/** trigger_epoch(netuid), owner-signed: an epoch at now + AdminFreezeWindow (stateful scheduler only). */
export function triggerEpoch(state: ChainState, a: { coldkey: string; netuid: number }): ActionResult {
  const subnet = state.subnets.find((s) => s.netuid === a.netuid);
  if (subnet === undefined) return fail('SubnetNotExists');
  if (subnet.ownerColdkey !== a.coldkey) return fail('NotSubnetOwner');
  if (state.rules.scheduler === 'legacy') return fail('InvalidValue');
  if (subnet.hp.commitRevealEnabled) return fail('CommitRevealEnabled');
  if (subnet.sched.pendingEpochAt > 0n) return fail('EpochTriggerAlreadyPending');
  const windowError = ownerWindowError(state, subnet, 'trigger_epoch');
  if (windowError !== null) return fail(windowError);
  subnet.sched.pendingEpochAt = state.block + state.params.adminFreezeWindow;
  subnet.ownerLastSet.trigger_epoch = state.block;
  return OK;
}
