// Neuron registration by burn (chain.md §3.1; subnets/registration.rs, subnets/uids.rs): the price
// buys α in the pool (with the fee; user TAO inflow under a flow rule) and that α is recycled; the neuron appends a uid or replaces the
// prune candidate; the price is bumped ×BurnIncreaseMult at once. Validation first, then effects.
import { bumpRegistrationPrice } from './burn.ts';
import { DEFAULT_TAKE } from './defaults.ts';
import { fail, OK, type ActionResult } from './errors.ts';
import { recordUserFlow } from './flow.ts';
import type { ChainEngines, ChainState, NeuronState, SubnetState } from './state.ts';
import { swapFee } from './staking.ts';

/** A fresh neuron registered at `block` (LastUpdate = BlockAtRegistration = block, no permit). */
export function newNeuron(hotkey: string, block: bigint): NeuronState {
  return {
    hotkey, blockAtRegistration: block, lastUpdate: block, weights: [], bonds: [], validatorPermit: false, active: true,
    emission: 0n, incentive: 0, dividends: 0, consensus: 0, validatorTrust: 0, stakeWeight: 0,
  };
}

/**
 * `get_neuron_to_prune`: skip the owner-immortal hotkeys (SubnetOwnerHotkey first, then the owner
 * coldkey's hotkeys by registration block and uid, up to ImmuneOwnerUidsLimit); among the rest pick the
 * lowest Emission, ties to the earlier registration, then the lower uid, from the non-immune uids —
 * or from the immune ones when no more than MinNonImmuneUids are non-immune. null when none.
 */
export function neuronToPrune(state: ChainState, subnet: SubnetState): number | null {
  const ownerList: number[] = [];
  const ownerUid = subnet.uids[subnet.ownerHotkey];
  if (ownerUid !== undefined) ownerList.push(ownerUid);
  const others = subnet.neurons
    .map((n, uid) => ({ n, uid }))
    .filter(({ n, uid }) => uid !== ownerUid && state.hotkeys[n.hotkey]?.owner === subnet.ownerColdkey)
    .sort((a, b) => (a.n.blockAtRegistration === b.n.blockAtRegistration ? a.uid - b.uid : a.n.blockAtRegistration < b.n.blockAtRegistration ? -1 : 1));
  for (const o of others) ownerList.push(o.uid);
  // The owner hotkey is never replaced, whatever the limit.
  const immortal = new Set(ownerList.slice(0, subnet.hp.immuneOwnerUidsLimit));
  if (ownerUid !== undefined) immortal.add(ownerUid);
  const immune: number[] = [];
  const nonImmune: number[] = [];
  subnet.neurons.forEach((n, uid) => {
    if (immortal.has(uid)) return;
    (state.block - n.blockAtRegistration < BigInt(subnet.hp.immunityPeriod) ? immune : nonImmune).push(uid);
  });
  const pool = nonImmune.length > subnet.hp.minNonImmuneUids ? nonImmune : immune;
  let best: number | null = null;
  for (const uid of pool) if (best === null || prunesBefore(subnet.neurons[uid], uid, subnet.neurons[best], best)) best = uid;
  return best;
}

function prunesBefore(a: NeuronState, ua: number, b: NeuronState, ub: number): boolean {
  if (a.emission !== b.emission) return a.emission < b.emission;
  if (a.blockAtRegistration !== b.blockAtRegistration) return a.blockAtRegistration < b.blockAtRegistration;
  return ua < ub;
}

/** burned_register(netuid, hotkey), coldkey-signed. */
export function burnedRegister(state: ChainState, engines: ChainEngines, a: { coldkey: string; hotkey: string; netuid: number }): ActionResult {
  if (a.netuid === 0) return fail('RegistrationNotPermittedOnRootSubnet');
  const subnet = state.subnets.find((s) => s.netuid === a.netuid);
  if (subnet === undefined) return fail('SubnetNotExists');
  if (!subnet.hp.networkRegistrationAllowed) return fail('SubNetRegistrationDisabled');
  if (subnet.uids[a.hotkey] !== undefined) return fail('HotKeyAlreadyRegisteredInSubNet');
  const price = subnet.burn;
  if ((state.balances[a.coldkey] ?? 0n) < price) return fail('NotEnoughBalanceToStake');
  const owner = state.hotkeys[a.hotkey]?.owner;
  if (owner !== undefined && owner !== a.coldkey) return fail('NonAssociatedColdKey');
  if (subnet.hp.maxAllowedUids === 0) return fail('NoNeuronIdAvailable');
  const full = subnet.neurons.length >= subnet.hp.maxAllowedUids;
  const replaced = full ? neuronToPrune(state, subnet) : null;
  if (full && replaced === null) return fail('NoNeuronIdAvailable');
  // Payment: the price enters the pool and buys α (fee to the author); that α is recycled.
  const fee = swapFee(state, price);
  const bought = engines.math.swapTaoForAlpha(subnet.taoReserve, subnet.alphaIn, price - fee);
  state.balances[a.coldkey] -= price;
  state.sinks.authorTao += fee;
  subnet.taoReserve += price - fee;
  subnet.alphaIn -= bought;
  subnet.alphaRecycled += bought;
  recordUserFlow(subnet, price - fee);
  if (owner === undefined) state.hotkeys[a.hotkey] = { owner: a.coldkey, take: DEFAULT_TAKE, lastTakeIncrease: 0n };
  if (replaced === null) appendNeuron(subnet, a.hotkey, state.block);
  else replaceNeuron(subnet, replaced, a.hotkey, state.block);
  bumpRegistrationPrice(subnet, engines);
  subnet.registrationsThisBlock += 1;
  return OK;
}

/** A new uid n at the end. */
export function appendNeuron(subnet: SubnetState, hotkey: string, block: bigint): void {
  subnet.uids[hotkey] = subnet.neurons.length;
  subnet.neurons.push(newNeuron(hotkey, block));
}

/** Replaces `uid` (yuma-epoch.md §7): fresh vectors, own rows removed, weights pointing at it set to 0. */
export function replaceNeuron(subnet: SubnetState, uid: number, hotkey: string, block: bigint): void {
  delete subnet.uids[subnet.neurons[uid].hotkey];
  subnet.commits = subnet.commits.filter((c) => c.hotkey !== subnet.neurons[uid].hotkey);
  subnet.neurons[uid] = newNeuron(hotkey, block);
  subnet.uids[hotkey] = uid;
  for (const n of subnet.neurons) {
    if (n.weights.some(([j]) => j === uid)) n.weights = n.weights.map(([j, v]) => [j, j === uid ? 0 : v] as [number, number]);
  }
}
