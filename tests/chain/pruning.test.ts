// The prune candidate (chain.md §3.1, yuma-epoch.md §7): lowest Emission outside immunity, ties to
// the earlier registration then the lower uid, owner protections and the non-immune floor.
import { describe, expect, it } from 'vitest';
import { neuronToPrune } from '../../src/chain/registration.ts';
import type { ChainState } from '../../src/chain/state.ts';
import { chainOf, smallDoc } from './helpers.ts';

/** A chain at block 1000 whose subnet has the given (hotkey, coldkey, emission, registration block) neurons. */
function chainWith(neurons: [string, string, bigint, number][], hp: Record<string, unknown> = {}): ChainState {
  const state = chainOf(smallDoc({
    hyperparameters: { commit_reveal_weights_enabled: false, immunity_period: 100, min_non_immune_uids: 1, ...hp },
    neurons: neurons.map(([hotkey, coldkey, , reg]) => ({ hotkey, coldkey, block_at_registration: reg })),
  }, { start_block: 1000 }));
  neurons.forEach(([, , emission], uid) => { state.subnets[0].neurons[uid].emission = emission; });
  return state;
}

describe(neuronToPrune, () => {
  it('picks the lowest emission among non-immune neurons', () => {
    const s = chainWith([['owner', 'alice', 0n, 0], ['a', 'x', 50n, 0], ['b', 'y', 20n, 0], ['c', 'z', 30n, 0]]);
    expect(neuronToPrune(s, s.subnets[0])).toBe(2);
  });

  it('breaks emission ties by earlier registration, then by lower uid', () => {
    const s = chainWith([['owner', 'alice', 0n, 0], ['a', 'x', 5n, 20], ['b', 'y', 5n, 10], ['c', 'z', 5n, 10]]);
    expect(neuronToPrune(s, s.subnets[0])).toBe(2);
  });

  it('skips neurons inside the immunity period (now − registration < ImmunityPeriod)', () => {
    // At block 1000 with immunity 100: registered at 950 is immune, at 900 is not.
    const s = chainWith([['owner', 'alice', 0n, 0], ['a', 'x', 0n, 950], ['b', 'y', 9n, 900], ['c', 'z', 7n, 0]]);
    expect(neuronToPrune(s, s.subnets[0])).toBe(3);
  });

  it('never prunes the owner hotkey, nor the owner coldkey\'s earliest hotkeys up to ImmuneOwnerUidsLimit', () => {
    const owned = [['owner', 'alice', 0n, 0], ['alice2', 'alice', 0n, 1], ['alice3', 'alice', 0n, 2], ['a', 'x', 9n, 0], ['b', 'y', 8n, 0]] as [string, string, bigint, number][];
    // Limit 1: only the owner hotkey is protected; alice2 (emission 0, earliest) goes.
    let s = chainWith(owned, { immune_owner_uids_limit: 1 });
    expect(neuronToPrune(s, s.subnets[0])).toBe(1);
    // Limit 2: the owner hotkey and alice2 are protected; alice3 goes.
    s = chainWith(owned, { immune_owner_uids_limit: 2 });
    expect(neuronToPrune(s, s.subnets[0])).toBe(2);
  });

  it('takes the candidate from the immune set when no more than MinNonImmuneUids are non-immune', () => {
    // Two non-immune neurons with floor 2: prune among the immune ones (registered 950, 960).
    const s = chainWith([['owner', 'alice', 0n, 0], ['a', 'x', 0n, 0], ['b', 'y', 0n, 0], ['c', 'z', 9n, 950], ['d', 'w', 3n, 960]], { min_non_immune_uids: 2 });
    expect(neuronToPrune(s, s.subnets[0])).toBe(4);
  });

  it('has no candidate when only the owner is left to prune', () => {
    const s = chainWith([['owner', 'alice', 0n, 0]]);
    expect(neuronToPrune(s, s.subnets[0])).toBe(null);
  });
});
