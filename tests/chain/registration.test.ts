// burned_register and register_network (chain.md §3.1, §3.2): burn price, recycling of the bought α,
// append vs replace, the ×1.26 bump, errors with no state change.
import { describe, expect, it } from 'vitest';
import { applyAction, type ChainAction } from '../../src/chain/actions.ts';
import { stepBlock } from '../../src/chain/block.ts';
import { holdingErrors } from '../../src/chain/conservation.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { lockCost, medianPrice } from '../../src/chain/network.ts';
import { burnedRegister } from '../../src/chain/registration.ts';
import type { ChainState } from '../../src/chain/state.ts';
import { chainOf, engines, smallDoc, TAO } from './helpers.ts';

const eng = await engines();
const reg = (over: Record<string, unknown> = {}) => ({ op: 'burned_register', coldkey: 'dave', hotkey: 'newbie', netuid: 1, ...over }) as ChainAction;

function expectRefused(state: ChainState, action: ChainAction, error: string): void {
  const before = stateHash(state);
  expect(applyAction(state, eng, action)).toEqual({ ok: false, error });
  expect(stateHash(state)).toBe(before);
}

describe(burnedRegister, () => {
  it('pays the burn into the pool, recycles the α it buys, appends a uid and bumps the price ×1.26', () => {
    const state = chainOf(smallDoc({}, { start_block: 10 }));
    const s = state.subnets[0];
    expect(applyAction(state, eng, reg())).toEqual({ ok: true });
    const fee = (TAO * 33n) / 65535n;
    const bought = (10_000n * TAO * (TAO - fee)) / (1_000n * TAO + TAO - fee);
    expect(s.taoReserve).toBe(1_001n * TAO - fee);
    expect(s.alphaIn).toBe(10_000n * TAO - bought);
    expect(s.alphaRecycled).toBe(bought);
    expect(s.neurons[5]).toMatchObject({ hotkey: 'newbie', blockAtRegistration: 10n, lastUpdate: 10n, validatorPermit: false });
    expect(s.burn).toBe(1_259_999_999n);
    expect(state.balances.dave).toBe(9n * TAO);
    expect(holdingErrors(state)).toEqual([]);
  });

  it('decays the burn every block and clamps it to [MinBurn, MaxBurn]', () => {
    const state = chainOf(smallDoc({ burn: '600000', hyperparameters: { commit_reveal_weights_enabled: false, min_burn: 500000 } }, { start_block: 5 }));
    stepBlock(state, eng);
    expect(state.subnets[0].burn).toBe(598845n); // ⌊600 000 · f⌋ with f ≈ 0.998076
    for (let k = 0; k < 200; k++) stepBlock(state, eng);
    expect(state.subnets[0].burn).toBe(500000n);
  });

  it('replaces the prune candidate on a full subnet: the replaced uid\'s row and incoming weights are cleared', () => {
    const state = chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, max_allowed_uids: 5, min_non_immune_uids: 1, immunity_period: 10 } }, { start_block: 100 }));
    const s = state.subnets[0];
    s.neurons.forEach((n, uid) => { n.emission = BigInt(10 - uid); }); // m2 (uid 4) has the lowest emission
    expect(applyAction(state, eng, reg())).toEqual({ ok: true });
    expect(s.neurons).toHaveLength(5);
    expect(s.neurons[4].hotkey).toBe('newbie');
    expect(s.uids.m2).toBeUndefined();
    // Weights pointing at uid 4 are kept with value 0.
    expect(s.neurons[1].weights).toEqual([[3, 65535], [4, 0]]);
  });

  it('refuses: root, missing subnet, registration disabled, already registered, too poor, someone else\'s hotkey, no slot', () => {
    const state = chainOf(smallDoc());
    expectRefused(state, reg({ netuid: 0 }), 'RegistrationNotPermittedOnRootSubnet');
    expectRefused(state, reg({ netuid: 7 }), 'SubnetNotExists');
    expectRefused(chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, network_registration_allowed: false } })), reg(), 'SubNetRegistrationDisabled');
    expectRefused(state, reg({ hotkey: 'v1' }), 'HotKeyAlreadyRegisteredInSubNet');
    expectRefused(state, reg({ coldkey: 'zed' }), 'NotEnoughBalanceToStake');
    expectRefused(state, reg({ hotkey: 'm2' }), 'HotKeyAlreadyRegisteredInSubNet');
    expectRefused(chainOf(smallDoc({}, { hotkeys: { taken: { owner: 'bob' } } })), reg({ hotkey: 'taken' }), 'NonAssociatedColdKey');
    // Full with only the owner's never-pruned uid: no candidate.
    const full = chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, max_allowed_uids: 1 }, neurons: [{ hotkey: 'owner', coldkey: 'alice' }] }));
    expectRefused(full, reg(), 'NoNeuronIdAvailable');
  });
});

describe(lockCost, () => {
  it('is the minimum lock first, then doubles after a registration and decays by ⌊L / I\'⌋ per block', () => {
    const state = chainOf(smallDoc({}, { balances: { zoe: '5000000000000' }, params: { network_rate_limit: 0 } }));
    stepBlock(state, eng); // E = 0.5 TAO → I' = 57 600 · 0.5 = 28 800
    expect(lockCost(state)).toBe(1_000n * TAO);
    const median = medianPrice(state); // the only other subnet's spot price, U64F64
    expect(applyAction(state, eng, { op: 'register_network', coldkey: 'zoe', hotkey: 'zoe-hk' })).toEqual({ ok: true });
    expect(lockCost(state)).toBe(2_000n * TAO);
    for (let k = 0; k < 100; k++) stepBlock(state, eng);
    expect(lockCost(state)).toBe(2_000n * TAO - ((1_000n * TAO) / 28_800n) * 100n);
    const s = state.subnets[1];
    // The new pool holds the lock and opens at the median spot price (≈ 0.1 TAO/α here): ≈ 10 000 α.
    expect(s).toMatchObject({ netuid: 2, taoReserve: 1_000n * TAO, alphaIn: ((1_000n * TAO) << 64n) / median, emissionEnabled: false, firstEmissionBlock: null });
    expect(Number(s.alphaIn) / 1e9).toBeCloseTo(10_000, -2);
    expect(s.neurons.map((n) => n.hotkey)).toEqual(['zoe-hk']);
    expect(holdingErrors(state)).toEqual([]);
  });

  it('refuses a second network inside NetworkRateLimit, and a coldkey that cannot pay', () => {
    const state = chainOf(smallDoc({}, { balances: { zoe: '5000000000000', poor: '1' } }));
    expect(applyAction(state, eng, { op: 'register_network', coldkey: 'poor', hotkey: 'p' })).toEqual({ ok: false, error: 'CannotAffordLockCost' });
    expect(applyAction(state, eng, { op: 'register_network', coldkey: 'zoe', hotkey: 'z1' })).toEqual({ ok: true });
    expect(applyAction(state, eng, { op: 'register_network', coldkey: 'zoe', hotkey: 'z2' })).toEqual({ ok: false, error: 'NetworkTxRateLimitExceeded' });
  });
});
