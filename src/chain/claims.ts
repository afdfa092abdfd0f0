// Root dividends reach root stakers (chain.md §2.9, staking/claim_root.rs), simplified to "claim
// everything right after the epoch that credited it" (simplifications.ts: root-claim-at-epoch). Each
// root nominator of a hotkey receives its pro-rata share of the hotkey's claimable α: `swap` (default)
// sells it fee-free in the subnet pool and stakes the TAO on root to the same hotkey; `keep` stakes the
// α on the subnet. Mutates the state.
import { recordProtocolFlow } from './flow.ts';
import { increaseStake, stakesOf } from './stake.ts';
import type { ChainEngines, ChainState, SubnetState } from './state.ts';

export interface ClaimReport {
  netuid: number;
  /** α claimed by root nominators (sold or kept). */
  alphaClaimed: bigint;
  /** TAO the swapped part bought, now root stake. */
  taoStaked: bigint;
}

/** Pays out every hotkey's root-claimable α on `subnet` to its root nominators. */
export function claimRootDividends(state: ChainState, engines: ChainEngines, subnet: SubnetState): ClaimReport {
  const report: ClaimReport = { netuid: subnet.netuid, alphaClaimed: 0n, taoStaked: 0n };
  for (const hotkey of Object.keys(subnet.rootClaimable).sort()) {
    const claimable = subnet.rootClaimable[hotkey];
    const pool = state.root.pools[hotkey];
    if (pool === undefined || pool.total === 0n) continue;
    let paid = 0n;
    for (const [coldkey, rootStake] of stakesOf(pool)) {
      const owed = (claimable * rootStake) / pool.total;
      if (owed === 0n) continue;
      paid += owed;
      if (state.rootClaimType[coldkey] === 'keep') {
        increaseStake(subnet.pools, hotkey, coldkey, owed);
        continue;
      }
      // Swap: fee-free α → TAO in the subnet pool; the α returns to the pool reserve.
      const tao = engines.math.swapAlphaForTao(subnet.taoReserve, subnet.alphaIn, owed);
      subnet.taoReserve -= tao;
      subnet.alphaIn += owed;
      subnet.alphaOut -= owed;
      increaseStake(state.root.pools, hotkey, coldkey, tao);
      state.root.taoReserve += tao;
      // A root sell takes TAO out of the pool: protocol outflow (net_tao_flow).
      recordProtocolFlow(state, subnet, -tao);
      report.taoStaked += tao;
    }
    report.alphaClaimed += paid;
    const left = claimable - paid;
    if (left === 0n) delete subnet.rootClaimable[hotkey];
    else subnet.rootClaimable[hotkey] = left;
  }
  return report;
}
