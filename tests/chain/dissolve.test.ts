// Subnet pruning and dissolution (chain.md §3.2): which subnet register_network prunes at SubnetLimit,
// how a dissolved pool's TAO is split (values worked by hand below), root's dissolve_network, and the
// conservation checks across the block that does it.
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/chain/actions.ts';
import { stepBlock } from '../../src/chain/block.ts';
import { flowErrors, holdingErrors, totals } from '../../src/chain/conservation.ts';
import { dissolveSubnet, networkToPrune } from '../../src/chain/dissolve.ts';
import { runScenario } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { writeScenario } from '../../src/chain/scenario-write.ts';
import type { ChainState } from '../../src/chain/state.ts';
import { chainOf, engines, TAO } from './helpers.ts';

const eng = await engines();

type Doc = Record<string, unknown>;
const subnet = (netuid: number, ema: string, registeredAt: number, extra: Doc = {}): Doc => ({
  netuid, owner_coldkey: `owner${netuid}`, owner_hotkey: `sn${netuid}-owner`, tao_reserve: '500000000000', alpha_in: '1000000000000',
  ema_price: ema, registered_at: registeredAt, ...extra,
});

/**
 * Block 1000, SubnetLimit 2, NetworkImmunityPeriod 200. Netuid 1: EMA 0.02, 500 TAO / 1 000 α. Netuid 4:
 * EMA 0.01, a 1 000 TAO pool with 2 000 α in reserve; bob stakes 1 000 α on v1, dave 333.333333333 α on v1,
 * carol 500 α on v2, and unlisted stakers hold 1 α.
 */
function doc(sn4: Doc = {}, extra: Doc = {}): Doc {
  return {
    format: 'yuma-chain/1',
    start_block: 1000,
    total_issuance: '10600000000000000',
    balances: { zoe: '5000000000000' },
    params: { subnet_limit: 2, network_immunity_period: 200, network_rate_limit: 0 },
    root: { unmodelled_tao: '3000000000000000' },
    subnets: [
      subnet(1, '0.02', 0),
      subnet(4, '0.01', 0, {
        tao_reserve: '1000000000000', alpha_in: '2000000000000', unmodelled_alpha: '1000000000',
        neurons: [
          { hotkey: 'sn4-owner', coldkey: 'owner4' },
          { hotkey: 'v1', coldkey: 'bob', stake: '1000000000000' },
          { hotkey: 'v2', coldkey: 'carol', stake: '500000000000' },
        ],
        stakes: [{ hotkey: 'v1', coldkey: 'dave', amount: '333333333333' }],
        ...sn4,
      }),
    ],
    ...extra,
  };
}

/** The chain of `doc`, with 166.666666667 α of protocol-owned α (chain buys) on netuid 4. */
function chain(sn4: Doc = {}, extra: Doc = {}): ChainState {
  const state = chainOf(doc(sn4, extra));
  const s = state.subnets.find((x) => x.netuid === 4)!;
  s.protocolAlpha = 166_666_666_667n;
  s.alphaOut += s.protocolAlpha;
  return state;
}

describe(networkToPrune, () => {
  it('picks the lowest EMA price among subnets out of immunity', () => {
    expect(networkToPrune(chain())).toBe(4);
  });

  it('skips a subnet still immune (now < registered_at + NetworkImmunityPeriod) and takes one exactly at the boundary', () => {
    // Registered at 801: 1000 < 1001, immune → netuid 1 goes although its EMA is higher.
    expect(networkToPrune(chain({ registered_at: 801 }))).toBe(1);
    // Registered at 800: 1000 ≥ 1000, no longer immune.
    expect(networkToPrune(chain({ registered_at: 800 }))).toBe(4);
  });

  it('breaks an EMA tie by the earlier registration, then by the storage order of the netuid', () => {
    expect(networkToPrune(chain({ ema_price: '0.02', registered_at: 10 }))).toBe(1);
    const older4 = chain({ ema_price: '0.02' });
    older4.subnets[0].registeredAt = 20n;
    expect(networkToPrune(older4)).toBe(4);
    // Same price, same block: NetworksAdded iterates little-endian netuid bytes, so 1 before 4 (and 256 before 1).
    expect(networkToPrune(chain({ ema_price: '0.02' }))).toBe(1);
    const big = chain({ ema_price: '0.02' });
    big.subnets[1].netuid = 256;
    expect(networkToPrune(big)).toBe(256);
  });

  it('reads NetworkImmunityPeriod from root\'s sudo_set, 864 000 blocks when never set', () => {
    const state = chainOf(doc({}, { params: { subnet_limit: 2 } }));
    expect(state.params.networkImmunityPeriod).toBe(undefined);
    expect(networkToPrune(state)).toBe(null); // block 1000 < 0 + 864 000
    expect(applyAction(state, eng, { op: 'sudo_set', name: 'network_immunity_period', netuid: null, value: 1000n })).toEqual({ ok: true });
    expect(networkToPrune(state)).toBe(4);
  });

  it('has no candidate when every subnet is immune', () => {
    const state = chain({ registered_at: 900 });
    state.subnets[0].registeredAt = 950n;
    expect(networkToPrune(state)).toBe(null);
  });
});

describe(dissolveSubnet, () => {
  it('pays stakers their share of the pool by α, recycles the protocol\'s share, and removes the subnet', () => {
    const state = chain();
    const before = state.totalIssuance;
    const d = dissolveSubnet(state, 4);
    // Worked by hand. α counted: reserve 2 000 + protocol 166.666666667 + bob 1 000 + dave 333.333333333
    // + carol 500 + unlisted 1 = 4 001 α = 4 001 000 000 000 units. Pot P = 10^12 rao.
    //   bob   ⌊P·1 000 000 000 000 / A⌋ = 249 937 515 621, remainder   379 000 000 000
    //   dave  ⌊P·  333 333 333 333 / A⌋ =  83 312 505 206, remainder 3 794 000 000 000
    //   carol ⌊P·  500 000 000 000 / A⌋ = 124 968 757 810, remainder 2 190 000 000 000
    //   other ⌊P·    1 000 000 000 / A⌋ =     249 937 515, remainder 2 485 000 000 000
    // Σ remainders / A = 8 848 000 000 000 / 4 001 000 000 000 → 2 extra rao, to the two largest
    // remainders (dave, the unlisted stakers). Paid 458 468 716 154; recycled 10^12 − that = 541 531 283 846.
    expect(d).toEqual({
      netuid: 4, pot: 1_000_000_000_000n, totalAlpha: 4_001_000_000_000n, protocolAlpha: 2_166_666_666_667n,
      paid: { bob: 249_937_515_621n, carol: 124_968_757_810n, dave: 83_312_505_207n },
      toSinks: 249_937_516n, recycled: 541_531_283_846n,
    });
    expect(state.balances).toMatchObject({ bob: 249_937_515_621n, carol: 124_968_757_810n, dave: 83_312_505_207n });
    expect(state.sinks.unmodelledTao).toBe(7_600_000_000_000_000n - 1_500_000_000_000n - 5_000_000_000_000n + 249_937_516n);
    expect(state.totalIssuance).toBe(before - 541_531_283_846n);
    expect(state.subnets.map((s) => s.netuid)).toEqual([1]);
    expect(holdingErrors(state)).toEqual([]);
  });

  it('recycles the whole pool when nobody stakes', () => {
    const state = chainOf(doc({ neurons: [], stakes: [], unmodelled_alpha: 0 }));
    const d = dissolveSubnet(state, 4);
    expect([d.paid, d.toSinks, d.recycled]).toEqual([{}, 0n, 1_000_000_000_000n]);
    expect(holdingErrors(state)).toEqual([]);
  });
});

describe('register_network at SubnetLimit', () => {
  it('dissolves the prune candidate first and registers the new subnet on its netuid', () => {
    const state = chain();
    const r = applyAction(state, eng, { op: 'register_network', coldkey: 'zoe', hotkey: 'zoe-hk' });
    expect(r.ok && r.dissolution?.netuid).toBe(4);
    // Netuids 2 and 3 are free, yet the new subnet reuses the pruned 4, with a fresh state.
    expect(state.subnets.map((s) => s.netuid)).toEqual([1, 4]);
    const fresh = state.subnets[1];
    expect(fresh).toMatchObject({ ownerColdkey: 'zoe', ownerHotkey: 'zoe-hk', registeredAt: 1000n, alphaOut: 0n, protocolAlpha: 0n, emaPrice: 0n, unmodelledAlpha: 0n, pools: {}, rootClaimable: {}, commits: [] });
    expect(fresh.neurons.map((n) => n.hotkey)).toEqual(['zoe-hk']);
    // The lock (1 000 TAO) seeds the pool at the median spot price of what is left (netuid 1: 0.5 TAO/α).
    expect([fresh.taoReserve, fresh.alphaIn]).toEqual([1_000n * TAO, 2_000n * TAO]);
    expect(state.balances.zoe).toBe(4_000n * TAO);
    expect(state.balances.bob).toBe(249_937_515_621n);
    expect(holdingErrors(state)).toEqual([]);
  });

  it('fails with SubnetLimitReached, changing nothing, when every subnet is immune', () => {
    const state = chain({ registered_at: 900 });
    state.subnets[0].registeredAt = 999n;
    const copy = structuredClone(state);
    expect(applyAction(state, eng, { op: 'register_network', coldkey: 'zoe', hotkey: 'zoe-hk' })).toEqual({ ok: false, error: 'SubnetLimitReached' });
    expect(state).toEqual(copy);
  });

  it('prunes nothing when the lock cannot be paid', () => {
    const state = chain({}, { balances: { zoe: '1' } });
    expect(applyAction(state, eng, { op: 'register_network', coldkey: 'zoe', hotkey: 'zoe-hk' })).toEqual({ ok: false, error: 'CannotAffordLockCost' });
    expect(state.subnets.map((s) => s.netuid)).toEqual([1, 4]);
  });

  it('keeps every conservation check in the block that prunes', () => {
    const state = chain();
    const before = totals(state);
    const report = stepBlock(state, eng, [{ op: 'register_network', coldkey: 'zoe', hotkey: 'zoe-hk' }]);
    expect(report.dissolutions.map((d) => d.netuid)).toEqual([4]);
    expect([...holdingErrors(state), ...flowErrors(before, state, report)]).toEqual([]);
  });
});

describe('dissolve_network (root)', () => {
  it('dissolves at once, inside immunity too, and refuses root and unknown netuids', () => {
    const state = chain({ registered_at: 999 });
    expect(applyAction(state, eng, { op: 'dissolve_network', netuid: 0 })).toEqual({ ok: false, error: 'SubnetNotExists' });
    expect(applyAction(state, eng, { op: 'dissolve_network', netuid: 2 })).toEqual({ ok: false, error: 'SubnetNotExists' });
    const r = applyAction(state, eng, { op: 'dissolve_network', netuid: 4 });
    expect(r.ok && r.dissolution?.recycled).toBe(541_531_283_846n);
    expect(state.subnets.map((s) => s.netuid)).toEqual([1]);
  });

  it('runs from a scenario file with conservation holding every block, and round-trips through the writer', () => {
    const scenario = parseScenario(JSON.stringify(doc({}, { blocks: 30, actions: [{ block: 1010, op: 'dissolve_network', netuid: 4 }] })));
    expect(scenario.actions[0].action).toEqual({ op: 'dissolve_network', netuid: 4 });
    expect(scenario.params.networkImmunityPeriod).toBe(200n);
    expect(parseScenario(JSON.stringify(writeScenario(scenario)))).toEqual(scenario);
    let before = totals(chainOf(doc()));
    const problems: string[] = [];
    const dissolvedAt: bigint[] = [];
    const end = runScenario(scenario, eng, {
      onBlock: (report, s) => {
        problems.push(...holdingErrors(s), ...flowErrors(before, s, report));
        before = totals(s);
        if (report.dissolutions.length > 0) dissolvedAt.push(report.block);
      },
    });
    expect(problems).toEqual([]);
    expect(dissolvedAt).toEqual([1010n]);
    expect(end.subnets.map((s) => s.netuid)).toEqual([1]);
  });
});
