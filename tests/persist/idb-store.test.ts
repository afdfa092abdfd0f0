// The IndexedDB store's write-behind buffer: batching into one transaction, the debounce, writes racing a flush,
// call-order semantics, and a sanity run with many chains and 8 × 256 × 256 weight snapshots.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdbChainStore } from '../../src/persist/idb-store.ts';
import { openChainStore } from '../../src/persist/open.ts';
import { action, blocks, epoch, openCollecting, scenario, snapshot, uniqueName, type Action, type EpochRecord, type Scenario, type Snapshot } from './helpers.ts';
import { inspect, rawCounts } from './raw.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const reopen = (name: string) => openChainStore<Scenario, Action, Snapshot, EpochRecord>({ name });

/** Counts readwrite transactions started from now on. */
function countWriteTransactions(): () => number {
  const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
  return () => spy.mock.calls.filter((call) => call[1] === 'readwrite').length;
}

describe(IdbChainStore, () => {
  it('writes a burst of 200 steps in a single transaction when flushed', async () => {
    const name = uniqueName();
    const { store } = await openCollecting({ name, debounceMs: 60_000 });
    const { id } = await store.createChain('main', scenario());
    const writes = countWriteTransactions();
    for (let b = 1; b <= 200; b++) {
      store.write({ chainId: id, actions: [action(b)], epochs: [epoch(b, 1)], snapshots: b % 50 === 0 ? [snapshot(b)] : [], head: BigInt(b) });
    }
    expect(writes()).toBe(0);
    expect(await store.flush()).toBe(true);
    expect(writes()).toBe(1);
    expect(await inspect(name, rawCounts)).toMatchObject({ actions: 200, epochs: 200, snapshots: 4 });
    await store.close();
  });

  it('flushes by itself once writes pause', async () => {
    const name = uniqueName();
    const { store } = await openCollecting({ name, debounceMs: 5 });
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(1)] });
    store.setLastSession({ chainId: id, block: 1n });
    expect(store.hasUnsaved()).toBe(true);
    await vi.waitFor(() => expect(store.hasUnsaved()).toBe(false));
    expect(await inspect(name, rawCounts)).toMatchObject({ actions: 1, session: 1 });
  });

  it('keeps writes made while a flush is in flight, the newer value of a key winning', async () => {
    const name = uniqueName();
    const { store } = await openCollecting({ name, debounceMs: 60_000 });
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(1)] });
    const newer = { ...action(1), action: { kind: 'set-weights' as const, hotkey: 'newer', amountRao: 9n } };
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementationOnce(function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = transaction.apply(this, args);
      store.write({ chainId: id, actions: [newer, action(2)] }); // arrives after the flush took its plan
      return tx;
    });
    expect(await store.flush()).toBe(true);
    expect(store.hasUnsaved()).toBe(true);
    expect((await store.actionsBetween(id, 1n, 1n))[0].action.hotkey).toBe('newer');
    await store.close();
    const again = await reopen(name);
    const saved = await again.actionsBetween(id, 0n, 5n);
    expect(saved.map((a) => a.action.hotkey)).toEqual(['newer', 'hk2.0']);
    await again.close();
  });

  it('applies operations in call order: a write made after a truncate call survives it', async () => {
    const { store } = await openCollecting({ debounceMs: 60_000 });
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(5), action(10), action(15)] });
    await store.flush();
    const truncating = store.truncateAfter(id, 10n);
    store.write({ chainId: id, actions: [action(20)] });
    const read = store.actionsBetween(id, 0n, 100n);
    await truncating;
    expect(blocks(await read)).toEqual([5, 10, 20]);
    await store.flush();
    expect(blocks(await store.actionsBetween(id, 0n, 100n))).toEqual([5, 10, 20]);
  });

  it('saves many chains and 8 × 256 × 256 weight snapshots, forks them, and reads them back after reopening', async () => {
    const name = uniqueName();
    const { store } = await openCollecting({ name, debounceMs: 60_000 });
    for (let i = 0; i < 40; i++) {
      const { id } = await store.createChain(`chain ${i}`, scenario());
      store.write({ chainId: id, actions: [action(i)], head: BigInt(i) });
    }
    const big = await store.createChain('big', scenario(8));
    for (const b of [0, 360, 720, 1080]) store.write({ chainId: big.id, snapshots: [snapshot(b, 8, 256)], head: BigInt(b) });
    expect(await store.flush()).toBe(true);
    const fork = await store.forkAs(big.id, 720n, 'big fork');
    await store.close();

    const again = await reopen(name);
    expect(await again.listChains()).toHaveLength(42);
    const got = await again.nearestSnapshot(fork.id, 5000n);
    expect(got?.block).toBe(720n);
    expect(got?.state.weights).toHaveLength(8);
    expect(got?.state.weights[7].length).toBe(256 * 256);
    const expected = snapshot(720, 8, 256).state;
    expect(got?.state.balancesRao).toEqual(expected.balancesRao);
    expect(got?.state.weights.every((w, s) => w.every((v, i) => v === expected.weights[s][i]))).toBe(true);
    expect((await again.nearestSnapshot(big.id, 5000n))?.block).toBe(1080n);
    expect((await again.getChain(fork.id))?.headBlock).toBe(720n);
    await again.close();
  });
});
