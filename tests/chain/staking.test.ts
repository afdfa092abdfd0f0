// add_stake, remove_stake, move_stake (chain.md §3.7): swaps through the pool with the fee, 1:1 on
// root, the chain's errors with no state change on failure.
import { describe, expect, it } from 'vitest';
import { applyAction, type ChainAction } from '../../src/chain/actions.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { holdingErrors } from '../../src/chain/conservation.ts';
import { stakeOf } from '../../src/chain/stake.ts';
import { addStake, moveStake, removeStake } from '../../src/chain/staking.ts';
import type { ChainState } from '../../src/chain/state.ts';
import { chainOf, engines, smallDoc, TAO } from './helpers.ts';

const eng = await engines();
const chain = () => chainOf(smallDoc({}, { hotkeys: { rooty: { owner: 'dave' } } }));

function expectRefused(state: ChainState, action: ChainAction, error: string): void {
  const before = stateHash(state);
  expect(applyAction(state, eng, action)).toEqual({ ok: false, error });
  expect(stateHash(state)).toBe(before);
}

const add = (over: Record<string, unknown> = {}) => ({ op: 'add_stake', coldkey: 'dave', hotkey: 'v1', netuid: 1, amount: TAO, limitPrice: null, ...over }) as ChainAction;
const remove = (over: Record<string, unknown> = {}) => ({ op: 'remove_stake', coldkey: 'bob', hotkey: 'v1', netuid: 1, amount: TAO, ...over }) as ChainAction;

describe(addStake, () => {
  it('swaps TAO for α through the pool, minus the 33/65535 fee paid to the block author', () => {
    const state = chain();
    expect(applyAction(state, eng, add())).toEqual({ ok: true });
    // fee = ⌊1e9 · 33 / 65535⌋ = 503 547; α = ⌊10 000 α · (1e9 − fee) / (1 000 TAO + 1e9 − fee)⌋.
    const fee = (TAO * 33n) / 65535n;
    expect(fee).toBe(503547n);
    const alpha = (10_000n * TAO * (TAO - fee)) / (1_000n * TAO + TAO - fee);
    const s = state.subnets[0];
    expect(stakeOf(s.pools.v1, 'dave')).toBe(alpha);
    expect(s.taoReserve).toBe(1_001n * TAO - fee);
    expect(state.sinks.authorTao).toBe(fee);
    expect(state.balances.dave).toBe(9n * TAO);
    expect(holdingErrors(state)).toEqual([]);
  });

  it('stakes 1:1 on root (netuid 0)', () => {
    const state = chain();
    expect(applyAction(state, eng, add({ netuid: 0, hotkey: 'rooty' }))).toEqual({ ok: true });
    expect(stakeOf(state.root.pools.rooty, 'dave')).toBe(TAO);
    expect(state.root.taoReserve).toBe(3_000_001n * TAO);
  });

  it('refuses: SubnetNotExists, SubtokenDisabled, AmountTooLow, NotEnoughBalanceToStake, HotKeyAccountNotExists, SlippageTooHigh', () => {
    expectRefused(chain(), add({ netuid: 5 }), 'SubnetNotExists');
    expectRefused(chainOf(smallDoc({ first_emission_block: null })), add(), 'SubtokenDisabled');
    expectRefused(chain(), add({ amount: 2_000_000n }), 'AmountTooLow'); // 0.002 TAO leaves less than 0.002 after the fee
    expectRefused(chain(), add({ amount: 11n * TAO }), 'NotEnoughBalanceToStake');
    expectRefused(chain(), add({ hotkey: 'nobody' }), 'HotKeyAccountNotExists');
    // Spot price 0.1 TAO/α; buying 1 TAO moves it just above 0.1002 TAO (rao per α ×1e9).
    expectRefused(chain(), add({ limitPrice: 100_100_000n }), 'SlippageTooHigh');
  });
});

describe(removeStake, () => {
  it('sells α for TAO with the fee taken in α (to the author) and credits the coldkey', () => {
    const state = chain();
    expect(applyAction(state, eng, remove())).toEqual({ ok: true });
    const fee = (TAO * 33n) / 65535n;
    const tao = (1_000n * TAO * (TAO - fee)) / (10_000n * TAO + TAO - fee);
    expect(state.balances.bob).toBe(10n * TAO + tao);
    expect(stakeOf(state.subnets[0].pools.v1, 'bob')).toBe(999n * TAO);
    expect(state.subnets[0].authorAlpha).toBe(fee);
    expect(holdingErrors(state)).toEqual([]);
  });

  it('refuses: NotEnoughStakeToWithdraw, AmountTooLow (dust left or too little out), HotKeyAccountNotExists', () => {
    expectRefused(chain(), remove({ amount: 1_001n * TAO }), 'NotEnoughStakeToWithdraw');
    expectRefused(chain(), remove({ coldkey: 'dave' }), 'NotEnoughStakeToWithdraw');
    // 0.01 α is worth 0.001 TAO < 0.002.
    expectRefused(chain(), remove({ amount: 10_000_000n }), 'AmountTooLow');
    // Leaving 0.001 α (0.0001 TAO) behind is refused; removing everything is not.
    expectRefused(chain(), remove({ amount: 1_000n * TAO - 1_000_000n }), 'AmountTooLow');
    expect(applyAction(chain(), eng, remove({ amount: 1_000n * TAO }))).toEqual({ ok: true });
    expectRefused(chain(), remove({ hotkey: 'nobody' }), 'HotKeyAccountNotExists');
  });
});

describe(moveStake, () => {
  const move = (over: Record<string, unknown> = {}) => ({
    op: 'move_stake', coldkey: 'bob', originHotkey: 'v1', destinationHotkey: 'v2', originNetuid: 1, destinationNetuid: 1, amount: 100n * TAO, ...over,
  }) as ChainAction;

  it('moves α between hotkeys of one subnet without a swap or a fee', () => {
    const state = chain();
    expect(applyAction(state, eng, move())).toEqual({ ok: true });
    expect(stakeOf(state.subnets[0].pools.v2, 'bob')).toBe(100n * TAO);
    expect(state.sinks.authorTao + state.subnets[0].authorAlpha).toBe(0n);
  });

  it('moves across subnets by selling on one pool and buying on the other (root here)', () => {
    const state = chain();
    expect(applyAction(state, eng, move({ destinationHotkey: 'rooty', destinationNetuid: 0 }))).toEqual({ ok: true });
    const fee = (100n * TAO * 33n) / 65535n;
    const tao = (1_000n * TAO * (100n * TAO - fee)) / (10_000n * TAO + 100n * TAO - fee);
    expect(stakeOf(state.root.pools.rooty, 'bob')).toBe(tao);
    expect(holdingErrors(state)).toEqual([]);
  });

  it('refuses more than the stake and unknown hotkeys', () => {
    expectRefused(chain(), move({ amount: 2_000n * TAO }), 'NotEnoughStakeToWithdraw');
    expectRefused(chain(), move({ destinationHotkey: 'nobody' }), 'HotKeyAccountNotExists');
  });
});
