// Commit-reveal of weights (chain.md §3.5): commit errors, LastUpdate at commit time, and the reveal in
// the block whose epoch reaches commit_epoch + RevealPeriodEpochs, used by that very epoch.
import { describe, expect, it } from 'vitest';
import { applyAction, type ChainAction } from '../../src/chain/actions.ts';
import { stepBlock } from '../../src/chain/block.ts';
import { commitWeights } from '../../src/chain/commit-reveal.ts';
import { chainOf, engines, smallDoc } from './helpers.ts';

const eng = await engines();
const commit = (over: Record<string, unknown> = {}) =>
  ({ op: 'commit_weights', hotkey: 'v1', netuid: 1, uids: [4], values: [65535], versionKey: 0n, ...over }) as ChainAction;
/** Tempo 10 (epochs at 10, 20, 30 …), commit-reveal on with `period`, rate limit 5. */
const chain = (period = 1) => chainOf(smallDoc({
  hyperparameters: { commit_reveal_weights_enabled: true, tempo: 10, reveal_period_epochs: period, weights_set_rate_limit: 5 },
}));

describe(commitWeights, () => {
  it('stores the commit under the current epoch index and sets LastUpdate to the commit block', () => {
    const state = chain();
    for (let k = 0; k < 12; k++) stepBlock(state, eng); // block 12: one epoch (index 1) has run
    expect(applyAction(state, eng, commit())).toEqual({ ok: true });
    const s = state.subnets[0];
    expect(s.commits).toEqual([{ hotkey: 'v1', commitEpoch: 1n, commitBlock: 12n, uids: [4], values: [65535], versionKey: 0n }]);
    expect(s.neurons[1].lastUpdate).toBe(12n);
  });

  it('reveals in the block of epoch commit + period, before that epoch runs, without touching LastUpdate', () => {
    const state = chain();
    for (let k = 0; k < 12; k++) stepBlock(state, eng);
    applyAction(state, eng, commit());
    for (let b = 13; b < 20; b++) expect(stepBlock(state, eng).reveals).toEqual([]);
    const at20 = stepBlock(state, eng);
    expect(at20.reveals).toEqual([{ netuid: 1, hotkey: 'v1', commitEpoch: 1n, error: null }]);
    const v1 = state.subnets[0].neurons[1];
    expect(v1.weights).toEqual([[4, 65535]]);
    expect(v1.lastUpdate).toBe(12n);
    // The epoch at block 20 already used the revealed row: m2 (uid 4) earns incentive.
    expect(at20.epochs.ran[0].output.incentive[4]).toBeGreaterThan(0);
  });

  it('waits RevealPeriodEpochs epochs: period 3 reveals at the third epoch after the commit', () => {
    const state = chain(3);
    for (let k = 0; k < 12; k++) stepBlock(state, eng);
    applyAction(state, eng, commit());
    const revealedAt: bigint[] = [];
    for (let k = 0; k < 30; k++) {
      const r = stepBlock(state, eng);
      if (r.reveals.length > 0) revealedAt.push(r.block);
    }
    expect(revealedAt).toEqual([40n]);
  });

  it('keys a commit made while an epoch is still due to the next index (look-ahead)', () => {
    const state = chainOf(smallDoc({
      hyperparameters: { commit_reveal_weights_enabled: true, tempo: 10, weights_set_rate_limit: 5 },
    }, { subnets: [1, 2, 3].map((n) => ({ ...(smallDoc().subnets as Record<string, unknown>[])[0], netuid: n, owner_hotkey: `o${n}`, last_epoch_block: 0, hyperparameters: { commit_reveal_weights_enabled: true, tempo: 10, weights_set_rate_limit: 5 }, neurons: [{ hotkey: `o${n}`, coldkey: 'alice' }, { hotkey: `v${n}`, coldkey: 'bob', stake: '1000', validator_permit: true, last_update: 1 }] })) }));
    for (let k = 0; k < 10; k++) stepBlock(state, eng); // block 10: subnets 1, 2 ran; 3 was deferred to 11
    expect(applyAction(state, eng, commit({ hotkey: 'v3', netuid: 3, uids: [1] }))).toEqual({ ok: true });
    expect(state.subnets[2].commits[0].commitEpoch).toBe(1n);
  });

  it('holds the reveal of a subnet whose epoch the per-block cap defers until the block that epoch runs', () => {
    const doc = smallDoc({}, { subnets: [1, 2, 3].map((n) => ({
      ...(smallDoc().subnets as Record<string, unknown>[])[0], netuid: n, owner_hotkey: `o${n}`, last_epoch_block: 0,
      hyperparameters: { commit_reveal_weights_enabled: true, tempo: 10, weights_set_rate_limit: 0 },
      neurons: [{ hotkey: `o${n}`, coldkey: 'alice' }, { hotkey: `v${n}`, coldkey: 'bob', stake: '1000', validator_permit: true, last_update: 1 }],
    })) });
    const state = chainOf(doc);
    stepBlock(state, eng);
    for (const n of [1, 2, 3]) expect(applyAction(state, eng, commit({ hotkey: `v${n}`, netuid: n, uids: [1] }))).toEqual({ ok: true });
    for (let k = 0; k < 8; k++) stepBlock(state, eng); // block 9
    // Block 10: subnets 1 and 2 run (and reveal); subnet 3 is deferred, so it reveals at 11 with its epoch.
    expect(stepBlock(state, eng).reveals.map((r) => r.netuid)).toEqual([1, 2]);
    const at11 = stepBlock(state, eng);
    expect(at11.reveals.map((r) => r.netuid)).toEqual([3]);
    expect(at11.epochs.ran.map((e) => e.netuid)).toEqual([3]);
  });

  it('refuses: CommitRevealDisabled, HotKeyNotRegisteredInSubNet, CommittingWeightsTooFast, TooManyUnrevealedCommits', () => {
    expect(applyAction(chainOf(smallDoc()), eng, commit())).toEqual({ ok: false, error: 'CommitRevealDisabled' });
    const state = chain();
    for (let k = 0; k < 12; k++) stepBlock(state, eng);
    expect(applyAction(state, eng, commit({ hotkey: 'nobody' }))).toEqual({ ok: false, error: 'HotKeyNotRegisteredInSubNet' });
    applyAction(state, eng, commit());
    expect(applyAction(state, eng, commit())).toEqual({ ok: false, error: 'CommittingWeightsTooFast' });
    const loose = chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: true, tempo: 1000, weights_set_rate_limit: 0 } }));
    for (let k = 0; k < 10; k++) expect(applyAction(loose, eng, commit())).toEqual({ ok: true });
    expect(applyAction(loose, eng, commit())).toEqual({ ok: false, error: 'TooManyUnrevealedCommits' });
  });

  it('drops a commit whose reveal fails the weight checks and reports why', () => {
    const state = chain();
    for (let k = 0; k < 12; k++) stepBlock(state, eng);
    applyAction(state, eng, commit({ uids: [9] }));
    for (let k = 0; k < 7; k++) stepBlock(state, eng);
    expect(stepBlock(state, eng).reveals).toEqual([{ netuid: 1, hotkey: 'v1', commitEpoch: 1n, error: 'UidVecContainInvalidOne' }]);
    expect(state.subnets[0].commits).toEqual([]);
  });
});
