// Epoch output → stake (chain.md §2.8): miners' incentive, owner cut, alpha/root dividend split by the
// validator's own stake composition, take, root-claimable α, owner-hotkey burn and MinerBurned.
// Worked in exact U96F32 integers (value = raw / 2^32).
import { describe, expect, it } from 'vitest';
import { distributeEmission } from '../../src/chain/distribute.ts';
import { stakeOf } from '../../src/chain/stake.ts';
import type { EpochOutput } from '../../src/model/epoch.ts';
import { chainOf, engines, smallDoc, TAO } from './helpers.ts';

const { math } = await engines();

const TW = 3320413933267719291n; // TaoWeight 0.18
const tw = (TW << 32n) / ((1n << 64n) - 1n);
const take96 = (11796n << 32n) / 65535n;

/** Owner (alice), v1 (bob, 1 000 α + 500 TAO on root), v2 (carol, 500 α), m1 (dave), m2 (erin). */
function chain() {
  return chainOf(smallDoc({}, { hotkeys: {}, root: { unmodelled_tao: '0', stakes: [{ hotkey: 'v1', coldkey: 'bob', amount: String(500n * TAO) }] } }));
}
const output = (server: bigint[], validator: bigint[]) => ({ serverEmission: server, validatorEmission: validator }) as unknown as EpochOutput;

describe(distributeEmission, () => {
  it('credits miners, the owner cut, and V and Rt in proportion to each validator\'s alpha and root parts', () => {
    const state = chain();
    const s = state.subnets[0];
    const d1 = 600_000_000n, d2 = 300_000_000n;
    const drained = { server: 900_000_000n, validator: 800_000_000n, root: 100_000_000n, owner: 400_000_000n };
    const d = distributeEmission(state, s, output([0n, 0n, 0n, 700_000_000n, 200_000_000n], [0n, d1, d2, 0n, 0n]), drained, math);
    // Miners: incentive staked as is (no take).
    expect(stakeOf(s.pools.m1, 'dave')).toBe(700_000_000n);
    expect(stakeOf(s.pools.m2, 'erin')).toBe(200_000_000n);
    // Owner cut → (owner hotkey, owner coldkey).
    expect(stakeOf(s.pools.owner, 'alice')).toBe(400_000_000n);
    // v1: root part = d1 · w·root / (α + w·root); v2 has no root stake, so all of d2 is alpha part.
    const rootAlpha = 500n * TAO * tw;
    const rootProp = (rootAlpha << 32n) / ((1_000n * TAO << 32n) + rootAlpha);
    const root1 = (d1 * rootProp);
    const alpha1 = (d1 << 32n) - root1;
    const alpha2 = d2 << 32n;
    // V ∝ alpha parts; take 18 % of each amount goes to the hotkey's owner as new shares.
    const share1 = (alpha1 << 32n) / (alpha1 + alpha2);
    const amount1 = 800_000_000n * share1;
    const take1 = (take96 * amount1) >> 32n;
    const share2 = (alpha2 << 32n) / (alpha1 + alpha2);
    const amount2 = 800_000_000n * share2;
    const take2 = (take96 * amount2) >> 32n;
    expect(s.pools.v1.total).toBe(1_000n * TAO + (take1 >> 32n) + ((amount1 - take1) >> 32n) + ((take96 * (100_000_000n << 32n)) >> 64n));
    expect(s.pools.v2.total).toBe(500n * TAO + (take2 >> 32n) + ((amount2 - take2) >> 32n));
    // Rt: v1 is the only root receiver (share 1.0); after take the rest is root-claimable α.
    const rootTake = (take96 * (100_000_000n << 32n)) >> 32n;
    expect(s.rootClaimable.v1).toBe(((100_000_000n << 32n) - rootTake) >> 32n);
    // Nothing is lost beyond floors: drained = credited + uncredited, and uncredited is a few rao.
    expect(d.uncredited).toBeGreaterThanOrEqual(0n);
    expect(d.uncredited).toBeLessThanOrEqual(4n);
  });

  it('gives validators the miners\' half too when no miner earned incentive', () => {
    const state = chain();
    const s = state.subnets[0];
    const d = distributeEmission(state, s, output([0n, 0n, 0n, 0n, 0n], [0n, 0n, 900_000_000n, 0n, 0n]), { server: 500_000_000n, validator: 400_000_000n, root: 0n, owner: 0n }, math);
    expect(d.alphaDividends + d.takes).toBeGreaterThanOrEqual(900_000_000n - 2n);
    expect(s.pools.v2.total).toBeGreaterThanOrEqual(500n * TAO + 900_000_000n - 2n);
  });

  it('burns the incentive of owner hotkeys and sets MinerBurned to the withheld fraction', () => {
    const state = chain();
    const s = state.subnets[0];
    // The owner uid earns 300 of 400 incentive: withheld 3/4 → MinerBurned raw = trunc(0.75 · 2^32).
    const d = distributeEmission(state, s, output([300n, 0n, 0n, 100n, 0n], [0n, 400n, 0n, 0n, 0n]), { server: 400n, validator: 400n, root: 0n, owner: 0n }, math);
    expect(d.burned).toBe(300n);
    expect(s.alphaBurned).toBe(300n);
    expect(s.pools.owner).toBeUndefined();
    expect(s.minerBurned).toBe(3n << 30n);
  });

  it('recycles it instead when RecycleOrBurn = Recycle (alpha out shrinks)', () => {
    const state = chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, recycle_or_burn: 'recycle' } }));
    const s = state.subnets[0];
    const before = s.alphaOut;
    distributeEmission(state, s, output([300n, 0n, 0n, 0n, 0n], [0n, 300n, 0n, 0n, 0n]), { server: 300n, validator: 300n, root: 0n, owner: 0n }, math);
    expect(s.alphaOut).toBe(before - 300n);
    expect(s.alphaRecycled).toBe(300n);
  });
});
