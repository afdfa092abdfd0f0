// The chain view's state (src/state/chain.svelte.ts) over the real chain API in node: what it shows after each call,
// epoch results kept in step with the head (appended, or refetched after a fork), progress and cancel, latest-wins
// seeks, refusals in the chain's words, and storage faults reaching the banner.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Remote } from 'comlink';
import type { ChainApi } from '../../src/engine/chain-api.ts';
import { ChainPlayground } from '../../src/state/chain.svelte.ts';
import { chainApi, straightHash, presetDoc } from '../engine/chain-fixtures.ts';

afterEach(() => vi.restoreAllMocks());

const playground = (db?: string) => {
  const { api } = chainApi(db);
  return new ChainPlayground(api as unknown as Remote<ChainApi>);
};

describe(ChainPlayground, () => {
  it('starts empty, creates a chain, and keeps the epoch results in step with the head', async () => {
    const chain = playground();
    await chain.start();
    expect([chain.ready, chain.view, chain.status]).toEqual([true, null, 'No saved chain yet: create one from a preset.']);
    expect(chain.presets.map((p) => p.id)).toContain('pre-halving');
    expect(await chain.create({ preset: 'pre-halving' })).toBe(true);
    expect(chain.chains.map((c) => [c.name, c.open])).toEqual([['Pre-halving', true]]);
    await chain.step({ epochOf: 1 });
    expect(chain.view?.block).toBe(360n);
    expect(chain.epochs.map((e) => [e.block, e.netuid])).toEqual([[360n, 1], [360n, 2]]);
    await chain.step({ epochOf: 2 });
    expect(chain.epochs.map((e) => [e.block, e.netuid])).toEqual([[360n, 1], [360n, 2], [720n, 1], [720n, 2]]);
    expect(chain.view?.stateHash).toBe(await straightHash(presetDoc('pre-halving'), 720n));
    expect(chain.progress).toBeNull();
  });

  it('shows progress, cancels a long run, and lets only the latest of several seeks land', async () => {
    const chain = playground();
    await chain.create({ preset: 'pre-halving' });
    const seen: number[] = [];
    const run = chain.step({ blocks: 5_000_000 });
    await vi.waitFor(() => {
      if (chain.progress && chain.progress.done > 0) seen.push(chain.progress.done);
      expect(seen.length).toBeGreaterThan(0);
    }, { timeout: 20_000, interval: 5 });
    chain.cancel();
    expect(await run).toBe(true);
    expect(chain.status).toMatch(/^Cancelled after \d+ blocks/);
    const head = chain.view!.head;
    expect(chain.view!.block).toBe(head);
    const seeks = [chain.seek(10n), chain.seek(20n), chain.seek(30n)];
    expect(await Promise.all(seeks)).toEqual([false, false, true]); // made in one tick: only the last runs
    expect(chain.view?.block).toBe(30n);
    expect(chain.inPast).toBe(true);
    expect(chain.error).toBe('');
  });

  it('shows a refusal in the chain’s words, and refetches the epochs after a fork in the past', async () => {
    const chain = playground();
    await chain.create({ preset: 'pre-halving' });
    await chain.step({ blocks: 800 });
    expect(chain.epochs).toHaveLength(4);
    await chain.seek(400n);
    const hash = chain.view!.stateHash;
    expect(await chain.apply({ op: 'add_stake', coldkey: 'alice', hotkey: 'sn1-v1', netuid: 1, amount: '1000000000' }, { mode: 'truncate' })).toBe(false);
    expect(chain.actionError).toContain('NotEnoughBalanceToStake');
    expect([chain.view?.stateHash, chain.view?.head, chain.epochs.length]).toEqual([hash, 800n, 4]);
    expect(await chain.apply({ op: 'set_hyperparameter', coldkey: null, netuid: 1, name: 'tempo', value: 100 }, { mode: 'truncate' })).toBe(true);
    expect([chain.actionError, chain.view?.head, chain.epochs.length]).toEqual(['', 400n, 2]);
    await chain.step({ epochOf: 1 });
    expect(chain.view?.block).toBe(500n);
    expect(chain.epochs.map((e) => [e.block, e.netuid])).toEqual([[360n, 1], [360n, 2], [500n, 1]]);
  });

  it('puts a storage fault on the banner and keeps working', async () => {
    const chain = playground();
    await chain.start();
    await chain.create({ preset: 'pre-halving' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await chain.step({ blocks: 300 })).toBe(true);
    await vi.waitFor(() => expect(chain.fault?.kind).toBe('quota'));
    expect(chain.fault?.message).toMatch(/storage is full/);
    expect(chain.view?.storage.unsaved).toBe(true);
    expect(chain.view?.block).toBe(300n);
    chain.dismissFault();
    expect(chain.fault).toBeNull();
  });
});
