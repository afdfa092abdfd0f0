// The view model the chain view draws (src/engine/chain-view.ts): the next halving on the chain's own curve, emission
// shares that are the coinbase's split, tempo countdowns that land on the epoch, pending buckets and neurons as stored.
import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/engine/chain-view.ts';
import { loadChainEnginesNode } from '../../src/chain/node-math.ts';
import { chainApi } from './chain-fixtures.ts';

const engines = await loadChainEnginesNode();
const TAO = 1_000_000_000n;

describe(buildView, () => {
  it('puts the next halving where the chain’s curve halves, and estimates its block from the net growth', async () => {
    const { api } = chainApi();
    const start = await api.chainCreate({ preset: 'pre-halving' });
    expect(start.nextHalving?.issuance).toBe(10_500_000n * TAO);
    expect(engines.math.halvings(start.nextHalving!.issuance - 1n)).toBe(0);
    expect(engines.math.halvings(start.nextHalving!.issuance)).toBe(1);
    const one = (await api.chainStep({ blocks: 1 })).view;
    const estimate = one.nextHalving!.block!;
    let v = one;
    while (v.last!.emission === TAO) v = (await api.chainStep({ blocks: 1 })).view;
    expect([v.block, v.last?.emission, v.halvings]).toEqual([estimate, TAO / 2n, 1]);
    expect(v.nextHalving?.issuance).toBe(15_750_000n * TAO);
    expect(v.nextBlockEmission).toBe(TAO / 2n);
  });

  it('names the pinned share rule and, under the flow rule only, each subnet’s flow EMAs that decide the shares', async () => {
    const { api } = chainApi();
    const price = await api.chainCreate({ preset: 'rule-history-june-2026' });
    expect(price.shareRule).toBe('price_ema_minerburn');
    expect(price.subnets.every((s) => s.flowEma === null)).toBe(true);
    await api.chainCreate({ preset: 'rule-history-flow' });
    const v = (await api.chainStep({ blocks: 150 })).view;
    expect(v.shareRule).toMatch(/tao_flow$/);
    // Default cutoff 0: a subnet whose user-flow EMA is not above 0 gets no TAO; the others share all of it.
    for (const s of v.subnets) {
      expect(s.flowEma).not.toBeNull();
      expect(s.share > 0, `subnet ${s.netuid}: flow EMA ${s.flowEma!.user}, share ${s.share}`).toBe(s.flowEma!.user > 0);
    }
    expect(v.subnets.some((s) => s.flowEma!.user < 0)).toBe(true);
  });

  it('shows each subnet’s share of the next block as the coinbase splits it, and counts down to each epoch', async () => {
    const { api } = chainApi();
    await api.chainCreate({ preset: 'rule-history-june-2026' });
    const v = (await api.chainStep({ blocks: 100 })).view;
    const emitting = v.subnets.filter((s) => s.emitting && s.emissionEnabled);
    expect(emitting.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 6);
    expect(v.subnets.reduce((sum, s) => sum + s.taoEmission, 0n)).toBeLessThanOrEqual(v.nextBlockEmission);
    const next = (await api.chainStep({ blocks: 1 })).view;
    expect(next.last?.emission).toBe(v.nextBlockEmission);
    for (const s of v.subnets) expect(s.nextEpochBlock).toBe(s.lastEpochBlock + BigInt(s.tempo));
    const first = v.subnets[0];
    const at = await api.chainSeek(first.nextEpochBlock!);
    expect(at.last?.epochs).toContain(first.netuid);
    const after = at.subnets.find((s) => s.netuid === first.netuid)!;
    expect(after.pending).toEqual({ server: 0n, validator: 0n, root: 0n, owner: 0n });
    expect(after.blocksUntilEpoch).toBe(BigInt(after.tempo));
    expect(after.neurons.some((n) => n.incentive > 0)).toBe(true);
  });
});
