// Turns one epoch's output into stake (chain.md §2.8 steps 3–6; coinbase/run_coinbase.rs `distribute_emission`,
// `calculate_dividend_distribution`, `distribute_dividends_and_incentives`). The U96F32 arithmetic runs in
// the AssemblyScript core (ChainMath.distribute); here only who is credited where, and the totals. No
// childkeys: each hotkey's dividend goes to itself. Mutates the state.
import type { EpochOutput } from '../model/epoch.ts';
import type { ChainMath, DistributionUidIn } from './math.ts';
import { increaseHotkeyStake, increaseStake } from './stake.ts';
import type { ChainState, PendingBuckets, SubnetState } from './state.ts';

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

/** Credits an epoch's output: miners, the owner cut, alpha and root dividends with take. Amounts from `math.distribute`. */
export function distributeEmission(state: ChainState, subnet: SubnetState, output: EpochOutput, drained: PendingBuckets, math: ChainMath): Distribution {
  const { server, validator, root, owner } = drained;
  const hotkeys = subnet.neurons.map((n) => n.hotkey);
  const owners = ownerHotkeys(state, subnet);
  // Every input is read before anything is credited: stakes are those before this epoch's distribution.
  const uids = hotkeys.map((hk, uid): DistributionUidIn => ({
    validatorEmission: output.validatorEmission[uid],
    serverEmission: output.serverEmission[uid],
    alphaStake: subnet.pools[hk]?.total ?? 0n,
    rootStake: state.root.pools[hk]?.total ?? 0n,
    take: state.hotkeys[hk]?.take ?? 0,
    ownerHotkey: owners.has(hk),
  }));
  const out = math.distribute({ taoWeight: state.params.taoWeight, server, validator, root, uids });
  const d: Distribution = {
    drained: { ...drained }, incentive: 0n, ownerHotkeyIncentive: 0n, burned: 0n, recycled: 0n,
    alphaDividends: 0n, rootDividends: 0n, takes: 0n, ownerCut: owner, uncredited: 0n, minerBurned: out.minerBurned,
  };
  const ownerOf = (hk: string) => state.hotkeys[hk]?.owner ?? subnet.ownerColdkey;
  // Owner cut → stake of (SubnetOwnerHotkey, SubnetOwner).
  increaseStake(subnet.pools, subnet.ownerHotkey, subnet.ownerColdkey, owner);
  // Miners' incentive as stake (no take); owner hotkeys' incentive is burned or recycled.
  for (let uid = 0; uid < hotkeys.length; uid++) {
    const { incentive, withheld } = out.uids[uid];
    if (withheld !== 0n) withhold(subnet, withheld, d);
    else if (incentive !== 0n) {
      increaseStake(subnet.pools, hotkeys[uid], ownerOf(hotkeys[uid]), incentive);
      d.incentive += incentive;
    }
  }
  for (let uid = 0; uid < hotkeys.length; uid++) {
    const hk = hotkeys[uid];
    const { alphaTake, alphaRest, rootTake, rootRest } = out.uids[uid];
    // The take is staked to (h, owner of h); the α rest raises h's pool value; the root rest is
    // root-claimable α for h's root nominators.
    increaseStake(subnet.pools, hk, ownerOf(hk), alphaTake);
    increaseHotkeyStake(subnet.pools, hk, alphaRest, ownerOf(hk));
    increaseStake(subnet.pools, hk, ownerOf(hk), rootTake);
    if (rootRest > 0n) subnet.rootClaimable[hk] = (subnet.rootClaimable[hk] ?? 0n) + rootRest;
    d.takes += alphaTake + rootTake;
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

/** An owner hotkey's incentive leaves circulation: recycled (α out shrinks) or burned, per RecycleOrBurn. */
function withhold(subnet: SubnetState, amount: bigint, d: Distribution): void {
  d.ownerHotkeyIncentive += amount;
  if (subnet.hp.recycleOrBurn === 'recycle') {
    subnet.alphaOut -= amount;
    subnet.alphaRecycled += amount;
    d.recycled += amount;
  } else {
    subnet.alphaBurned += amount;
    d.burned += amount;
  }
}
