// Test oracle for src/chain/distribute.ts: the whole epoch → stake step exactly as it was before its
// arithmetic moved to the AssemblyScript core (BigInt U96F32 in the host), kept verbatim but for the
// import paths. Tests run it beside the new one on copies of the same state. Mutates the state.
import type { EpochOutput } from '../../../src/model/epoch.ts';
import { increaseHotkeyStake, increaseStake } from '../../../src/chain/stake.ts';
import type { ChainState, PendingBuckets, SubnetState } from '../../../src/chain/state.ts';
import { u16ToU96, u64FractionToU96, u96, u96Div, u96Mul, u96Sub, u96ToInt } from '../../../src/chain/u96.ts';

/** Where the drained α went (all α units); `uncredited` = drained − everything credited, burned or recycled. */
export interface Distribution {
  drained: PendingBuckets;
  incentive: bigint;
  ownerHotkeyIncentive: bigint;
  burned: bigint;
  recycled: bigint;
  alphaDividends: bigint;
  rootDividends: bigint;
  takes: bigint;
  ownerCut: bigint;
  uncredited: bigint;
  /** MinerBurned after this epoch, raw / 2^32. */
  minerBurned: bigint;
}

/** Credits an epoch's output: miners, the owner cut, alpha and root dividends with take. */
export function distributeEmission(state: ChainState, subnet: SubnetState, output: EpochOutput, drained: PendingBuckets): Distribution {
  const { server, validator, root, owner } = drained;
  const hotkeys = subnet.neurons.map((n) => n.hotkey);
  let incentiveSum = 0n;
  for (const v of output.serverEmission) incentiveSum += v;
  // If no miner earned anything, validators also receive the miners' half.
  const validatorAlpha = incentiveSum !== 0n ? validator : validator + server;
  const d: Distribution = {
    drained: { ...drained }, incentive: 0n, ownerHotkeyIncentive: 0n, burned: 0n, recycled: 0n,
    alphaDividends: 0n, rootDividends: 0n, takes: 0n, ownerCut: owner, uncredited: 0n, minerBurned: 0n,
  };
  // Split each hotkey's dividend into an alpha part and a root part by its own stake composition.
  const taoWeight = u64FractionToU96(state.params.taoWeight);
  const alphaDivs = new Array<bigint>(hotkeys.length).fill(0n);
  const rootDivs = new Array<bigint>(hotkeys.length).fill(0n);
  let totalAlphaDivs = 0n;
  let totalRootDivs = 0n;
  for (let uid = 0; uid < hotkeys.length; uid++) {
    const dividend = u96(output.validatorEmission[uid]);
    const alphaStake = u96(subnet.pools[hotkeys[uid]]?.total ?? 0n);
    const rootAlpha = u96Mul(u96(state.root.pools[hotkeys[uid]]?.total ?? 0n), taoWeight);
    const rootProp = u96Div(rootAlpha, alphaStake + rootAlpha) ?? 0n;
    rootDivs[uid] = u96Mul(dividend, rootProp);
    alphaDivs[uid] = u96Sub(dividend, rootDivs[uid]);
    totalAlphaDivs += alphaDivs[uid];
    totalRootDivs += rootDivs[uid];
  }
  // Owner cut → stake of (SubnetOwnerHotkey, SubnetOwner).
  increaseStake(subnet.pools, subnet.ownerHotkey, subnet.ownerColdkey, owner);
  distributeIncentives(state, subnet, output.serverEmission, incentiveSum, d);
  const take = (hk: string) => u16ToU96(state.hotkeys[hk]?.take ?? 0);
  const ownerOf = (hk: string) => state.hotkeys[hk]?.owner ?? subnet.ownerColdkey;
  for (let uid = 0; uid < hotkeys.length; uid++) {
    const hk = hotkeys[uid];
    // V' ∝ alpha_div_h; the take is staked to (h, owner of h), the rest raises h's pool value.
    const alphaShare = u96Div(alphaDivs[uid], totalAlphaDivs) ?? 0n;
    const alphaAmount = u96Mul(u96(validatorAlpha), alphaShare);
    const alphaTake = u96Mul(take(hk), alphaAmount);
    const alphaTakeU = u96ToInt(alphaTake);
    const alphaRest = u96ToInt(u96Sub(alphaAmount, alphaTake));
    increaseStake(subnet.pools, hk, ownerOf(hk), alphaTakeU);
    increaseHotkeyStake(subnet.pools, hk, alphaRest, ownerOf(hk));
    // Rt ∝ root_div_h; the rest becomes root-claimable α for h's root nominators.
    const rootShare = u96Div(rootDivs[uid], totalRootDivs) ?? 0n;
    const rootAmount = u96Mul(u96(root), rootShare);
    const rootTake = u96Mul(take(hk), rootAmount);
    const rootTakeU = u96ToInt(rootTake);
    const rootRest = u96ToInt(u96Sub(rootAmount, rootTake));
    increaseStake(subnet.pools, hk, ownerOf(hk), rootTakeU);
    if (rootRest > 0n) subnet.rootClaimable[hk] = (subnet.rootClaimable[hk] ?? 0n) + rootRest;
    d.takes += alphaTakeU + rootTakeU;
    d.alphaDividends += alphaRest;
    d.rootDividends += rootRest;
  }
  const credited = d.incentive + d.burned + d.recycled + d.alphaDividends + d.rootDividends + d.takes + owner;
  d.uncredited = server + validator + root + owner - credited;
  subnet.alphaUncredited += d.uncredited;
  subnet.minerBurned = d.minerBurned;
  return d;
}

/** The subnet owner's hotkeys registered here (SubnetOwnerHotkey plus the owner coldkey's), whose incentive is withheld. */
export function ownerHotkeys(state: ChainState, subnet: SubnetState): Set<string> {
  const out = new Set<string>();
  for (const n of subnet.neurons) if (state.hotkeys[n.hotkey]?.owner === subnet.ownerColdkey) out.add(n.hotkey);
  if (subnet.uids[subnet.ownerHotkey] !== undefined) out.add(subnet.ownerHotkey);
  return out;
}

/** Miners' incentive as stake (no take); owner hotkeys' incentive is burned or recycled and sets MinerBurned. */
function distributeIncentives(state: ChainState, subnet: SubnetState, serverEmission: bigint[], incentiveSum: bigint, d: Distribution): void {
  const owners = ownerHotkeys(state, subnet);
  let withheld = 0n;
  for (let uid = 0; uid < serverEmission.length; uid++) {
    const amount = serverEmission[uid];
    if (amount === 0n) continue;
    const hk = subnet.neurons[uid].hotkey;
    if (owners.has(hk)) {
      withheld += amount;
      if (subnet.hp.recycleOrBurn === 'recycle') {
        subnet.alphaOut -= amount;
        subnet.alphaRecycled += amount;
        d.recycled += amount;
      } else {
        subnet.alphaBurned += amount;
        d.burned += amount;
      }
      continue;
    }
    increaseStake(subnet.pools, hk, state.hotkeys[hk]?.owner ?? subnet.ownerColdkey, amount);
    d.incentive += amount;
  }
  d.ownerHotkeyIncentive = withheld;
  // MinerBurned = withheld ÷ total incentive (U96F32), 0 when nothing was earned.
  d.minerBurned = u96Div(u96(withheld), u96(incentiveSum)) ?? 0n;
}
