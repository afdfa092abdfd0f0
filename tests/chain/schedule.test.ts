// Epoch timing (chain.md §2.7): the stateful scheduler with its stagger, per-block cap and owner
// trigger, and the legacy modulo rule.
import { describe, expect, it } from 'vitest';
import { stepBlock } from '../../src/chain/block.ts';
import { blocksUntilNextEpochLegacy, isEpochDue, staggeredLastEpochBlock } from '../../src/chain/schedule.ts';
import { applyAction } from '../../src/chain/actions.ts';
import { chainOf, engines, smallDoc } from './helpers.ts';

const eng = await engines();

/** Blocks (after the start) at which `netuid`'s epoch ran, over `blocks` blocks. */
function epochBlocks(doc: Record<string, unknown>, blocks: number): Record<number, bigint[]> {
  const state = chainOf(doc);
  const ran: Record<number, bigint[]> = {};
  for (let k = 0; k < blocks; k++) for (const e of stepBlock(state, eng).epochs.ran) (ran[e.netuid] ??= []).push(e.block);
  return ran;
}

const subnetN = (netuid: number, tempo: number) => {
  const s = smallDoc({ netuid, hyperparameters: { commit_reveal_weights_enabled: false, tempo } }).subnets as Record<string, unknown>[];
  return { ...s[0], owner_hotkey: `owner${netuid}`, neurons: [{ hotkey: `owner${netuid}`, coldkey: 'alice' }] };
};

describe(staggeredLastEpochBlock, () => {
  it('starts a new subnet at now − (netuid mod tempo)', () => {
    expect(staggeredLastEpochBlock(7, 360, 1000n)).toBe(993n);
    expect(staggeredLastEpochBlock(365, 360, 1000n)).toBe(995n);
    expect(staggeredLastEpochBlock(7, 360, 3n)).toBe(0n);
  });
});

describe(isEpochDue, () => {
  it('runs every tempo blocks after LastEpochBlock (period tempo, not tempo + 1)', () => {
    // netuid 1 at start block 0: LastEpochBlock = 0 − 1 → 0 (floored); epochs at 10, 20, 30.
    expect(epochBlocks(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, tempo: 10 } }), 30)[1]).toEqual([10n, 20n, 30n]);
  });

  it('staggers subnets by netuid: netuid 3 with tempo 10 at start block 100 first runs at block 107', () => {
    const doc = smallDoc({}, { start_block: 100, subnets: [subnetN(3, 10)] });
    expect(epochBlocks(doc, 20)[3]).toEqual([107n, 117n]);
  });

  it('runs at most MaxEpochsPerBlock (2) epochs per block and defers the rest by one block', () => {
    // Three subnets all due at block 10 (LastEpochBlock 0 given explicitly): 1 and 2 run, 3 runs at 11.
    const subnets = [1, 2, 3].map((n) => ({ ...subnetN(n, 10), last_epoch_block: 0 }));
    const state = chainOf(smallDoc({}, { subnets }));
    for (let k = 0; k < 9; k++) stepBlock(state, eng);
    const at10 = stepBlock(state, eng);
    expect(at10.epochs.ran.map((e) => e.netuid)).toEqual([1, 2]);
    expect(at10.epochs.deferred).toEqual([3]);
    const at11 = stepBlock(state, eng);
    expect(at11.epochs.ran.map((e) => e.netuid)).toEqual([3]);
    // The slot was consumed at 11: subnet 3's schedule has drifted by one block.
    expect(state.subnets[2].sched.lastEpochBlock).toBe(11n);
  });

  it('runs an owner-triggered epoch AdminFreezeWindow blocks later and resets the schedule', () => {
    const state = chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, tempo: 360 } }));
    stepBlock(state, eng); // block 1
    expect(applyAction(state, eng, { op: 'trigger_epoch', coldkey: 'alice', netuid: 1 })).toEqual({ ok: true });
    expect(applyAction(state, eng, { op: 'trigger_epoch', coldkey: 'alice', netuid: 1 })).toEqual({ ok: false, error: 'EpochTriggerAlreadyPending' });
    const ran: bigint[] = [];
    for (let k = 0; k < 12; k++) for (const e of stepBlock(state, eng).epochs.ran) ran.push(e.block);
    expect(ran).toEqual([11n]);
    expect(state.subnets[0].sched.pendingEpochAt).toBe(0n);
  });

  it('refuses a trigger from anyone but the owner, and with commit-reveal on', () => {
    const state = chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: true } }));
    expect(applyAction(state, eng, { op: 'trigger_epoch', coldkey: 'bob', netuid: 1 })).toEqual({ ok: false, error: 'NotSubnetOwner' });
    expect(applyAction(state, eng, { op: 'trigger_epoch', coldkey: 'alice', netuid: 1 })).toEqual({ ok: false, error: 'CommitRevealEnabled' });
  });
});

describe(blocksUntilNextEpochLegacy, () => {
  // blocks_until_next_epoch = tempo − ((block + netuid + 1) mod (tempo + 1)): the epoch runs when the remainder
  // equals tempo (the source comment says "= 0"; yuma-epoch.md §8). Netuid 1, tempo 360: (358 + 2) mod 361 = 360.
  it('runs every tempo + 1 blocks: netuid 1, tempo 360 at blocks 358, 719, 1080', () => {
    expect(blocksUntilNextEpochLegacy(1, 360n, 358n)).toBe(0n);
    expect(blocksUntilNextEpochLegacy(1, 360n, 357n)).toBe(1n);
    expect(blocksUntilNextEpochLegacy(1, 360n, 359n)).toBe(360n);
    const doc = smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, tempo: 360 } }, { rules: { scheduler: 'legacy' } });
    expect(epochBlocks(doc, 1100)[1]).toEqual([358n, 719n, 1080n]);
  });

  it('matches the table of the source comment: tempo 100 first runs at 99 (netuid 0) and 98 (netuid 1)', () => {
    expect(blocksUntilNextEpochLegacy(0, 100n, 99n)).toBe(0n);
    expect(blocksUntilNextEpochLegacy(1, 100n, 98n)).toBe(0n);
    expect(blocksUntilNextEpochLegacy(1, 2n, 0n)).toBe(0n);
  });
});
