// Subnet pruning and dissolution (chain.md §3.2; subnets/subnet.rs `get_network_to_prune`,
// coinbase/root.rs `do_dissolve_network`, staking `destroy_alpha_in_out_stakes`): which subnet goes when
// register_network meets SubnetLimit, and how a dissolved subnet's pool TAO is split. Mutates the state.
import { DEFAULT_NETWORK_IMMUNITY_PERIOD } from './defaults.ts';
import { fail, type ActionResult } from './errors.ts';
import { stakesOf } from './stake.ts';
import type { ChainState, SubnetState } from './state.ts';

/** What a dissolution did with the pool's TAO (rao). `paid + toSinks + recycled = pot`. */
export interface Dissolution {
  netuid: number;
  /** SubnetTAO at dissolution. */
  pot: bigint;
  /** α counted in the split: stakers' α plus the protocol's (pool reserve α_in + protocol-owned α). */
  totalAlpha: bigint;
  protocolAlpha: bigint;
  /** coldkey → free TAO credited, coldkeys in code-point order. */
  paid: Record<string, bigint>;
  /** Shares of stakers outside the modelled accounts (unmodelled α, the block author's fee α), to those sinks. */
  toSinks: bigint;
  /** The protocol's share and the rounding rest: TotalIssuance −= recycled. */
  recycled: bigint;
}

/** NetworkImmunityPeriod in force. */
export const networkImmunityPeriod = (state: ChainState) => state.params.networkImmunityPeriod ?? DEFAULT_NETWORK_IMMUNITY_PERIOD;

/**
 * `get_network_to_prune`: among subnets out of immunity (now ≥ registered_at + NetworkImmunityPeriod), the
 * lowest EMA price; ties to the earlier registration, then to the first in the chain's storage order
 * (NetworksAdded is keyed by the SCALE bytes of the u16 netuid, little-endian, so 256 sorts before 1).
 * null when every subnet is immune.
 */
export function networkToPrune(state: ChainState): number | null {
  const immunity = networkImmunityPeriod(state);
  const storageKey = (netuid: number) => ((netuid & 0xff) << 8) | (netuid >> 8);
  let best: SubnetState | null = null;
  for (const s of [...state.subnets].sort((a, b) => storageKey(a.netuid) - storageKey(b.netuid))) {
    if (state.block < s.registeredAt + immunity) continue;
    if (best === null || s.emaPrice < best.emaPrice || (s.emaPrice === best.emaPrice && s.registeredAt < best.registeredAt)) best = s;
  }
  return best === null ? null : best.netuid;
}

/** One α holder in the split: a coldkey's stake, or α held outside the modelled accounts. */
interface Holder {
  coldkey: string | null;
  sink: 'unmodelled' | 'author' | null;
  alpha: bigint;
}

/** Every staker's α on the subnet: pools by hotkey then coldkey (code-point order), then unmodelled α, then the author's. */
function holders(subnet: SubnetState): Holder[] {
  const out: Holder[] = [];
  for (const hotkey of Object.keys(subnet.pools).sort()) {
    for (const [coldkey, alpha] of stakesOf(subnet.pools[hotkey])) if (alpha > 0n) out.push({ coldkey, sink: null, alpha });
  }
  if (subnet.unmodelledAlpha > 0n) out.push({ coldkey: null, sink: 'unmodelled', alpha: subnet.unmodelledAlpha });
  if (subnet.authorAlpha > 0n) out.push({ coldkey: null, sink: 'author', alpha: subnet.authorAlpha });
  return out;
}

/**
 * Dissolves `netuid`: the pool TAO is split pro rata by α between every staker and the protocol, whose α is
 * the pool's reserve α_in plus the protocol-owned α (the rule for subnets registered after the "TAO-in
 * refund" cutover; simplifications.ts: dissolution-current-rule). Staker i gets ⌊pot·a_i / A⌋, then the
 * ⌊Σ remainders / A⌋ largest remainders get one rao more (a stable sort: ties keep holder order). The rest —
 * the protocol's share and rounding — is recycled. Then every trace of the subnet is removed.
 */
export function dissolveSubnet(state: ChainState, netuid: number): Dissolution {
  const index = state.subnets.findIndex((s) => s.netuid === netuid);
  const subnet = state.subnets[index];
  const pot = subnet.taoReserve;
  const list = holders(subnet);
  const protocolAlpha = subnet.alphaIn + subnet.protocolAlpha;
  let totalAlpha = protocolAlpha;
  for (const h of list) totalAlpha += h.alpha;
  const portions = list.map((h) => ({ h, share: 0n, rem: 0n }));
  if (pot > 0n && totalAlpha > 0n) {
    let remainders = 0n;
    for (const p of portions) {
      p.share = (pot * p.h.alpha) / totalAlpha;
      p.rem = (pot * p.h.alpha) % totalAlpha;
      remainders += p.rem;
    }
    const leftover = remainders / totalAlpha;
    const byRemainder = [...portions].sort((a, b) => (a.rem === b.rem ? 0 : a.rem > b.rem ? -1 : 1));
    for (let k = 0; k < byRemainder.length && BigInt(k) < leftover; k++) byRemainder[k].share += 1n;
  }
  const paid: Record<string, bigint> = {};
  let toSinks = 0n;
  let credited = 0n;
  for (const { h, share } of portions) {
    if (share === 0n) continue;
    credited += share;
    if (h.coldkey !== null) paid[h.coldkey] = (paid[h.coldkey] ?? 0n) + share;
    else {
      toSinks += share;
      if (h.sink === 'unmodelled') state.sinks.unmodelledTao += share;
      else state.sinks.authorTao += share;
    }
  }
  for (const ck of Object.keys(paid)) state.balances[ck] = (state.balances[ck] ?? 0n) + paid[ck];
  const recycled = pot - credited;
  state.totalIssuance -= recycled;
  state.subnets.splice(index, 1);
  const sortedPaid = Object.fromEntries(Object.keys(paid).sort().map((ck) => [ck, paid[ck]]));
  return { netuid, pot, totalAlpha, protocolAlpha, paid: sortedPaid, toSinks, recycled };
}

/** dissolve_network(netuid), root origin only: dissolves a subnet at once, immunity or not. */
export function dissolveNetwork(state: ChainState, a: { netuid: number }): ActionResult {
  if (a.netuid === 0 || !state.subnets.some((s) => s.netuid === a.netuid)) return fail('SubnetNotExists');
  return { ok: true, dissolution: dissolveSubnet(state, a.netuid) };
}
