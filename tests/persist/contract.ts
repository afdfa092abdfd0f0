// The ChainStore contract, as tests any implementation must pass. `settle` moves the store to the state under test:
// nothing (writes still buffered), flushed, or closed and reopened (which may return a new store object).
import { expect, it } from 'vitest';
import { ChainStoreError } from '../../src/persist/fault.ts';
import { action, blocks, epoch, scenario, snapshot, type Store } from './helpers.ts';

export interface Harness {
  store: Store;
  settle: (store: Store) => Promise<Store>;
}

/** A clock that ticks once per call, so "most recently updated" is well defined. */
export const tickingClock = (): (() => number) => {
  let t = 1_700_000_000_000;
  return () => ++t;
};

export function storeContract(make: (now: () => number) => Promise<Harness>): void {
  const open = () => make(tickingClock());

  it('saves a chain and gives back its scenario with bigints intact', async () => {
    let { store, settle } = await open();
    const info = await store.createChain('main', scenario(3));
    store = await settle(store);
    const saved = await store.getChain(info.id);
    expect(saved?.name).toBe('main');
    expect(saved?.scenario).toEqual({ format: 'yuma-chain/1', subnets: 3, issuanceRao: 21_000_000_000_000_000n });
    expect(typeof saved?.scenario.issuanceRao).toBe('bigint');
    expect(saved?.headBlock).toBeUndefined();
  });

  it('lists saved chains, most recently updated first, with their head block', async () => {
    let { store, settle } = await open();
    const a = await store.createChain('a', scenario());
    await store.createChain('b', scenario());
    await store.createChain('c', scenario());
    store.write({ chainId: a.id, actions: [action(5)], head: 5n });
    store = await settle(store);
    const list = await store.listChains();
    expect(list.map((c) => c.name)).toEqual(['a', 'c', 'b']);
    expect(list[0].headBlock).toBe(5n);
    expect((await store.findChain('c'))?.name).toBe('c');
    expect(await store.findChain('nope')).toBeUndefined();
  });

  it('refuses a second chain with a name already in use', async () => {
    const { store } = await open();
    await store.createChain('main', scenario());
    await expect(store.createChain('main', scenario())).rejects.toMatchObject({ name: 'ChainStoreError', code: 'name-taken' });
    expect((await store.listChains()).length).toBe(1);
  });

  it('refuses history for a chain it does not know and blocks it cannot key', async () => {
    const { store } = await open();
    const info = await store.createChain('main', scenario());
    expect(() => store.write({ chainId: 'missing', actions: [action(1)] })).toThrow(ChainStoreError);
    expect(() => store.write({ chainId: info.id, actions: [{ ...action(1), block: -1n }] })).toThrow(RangeError);
    expect(() => store.write({ chainId: info.id, head: 2n ** 53n })).toThrow(RangeError);
    expect(() => store.write({ chainId: info.id, epochs: [epoch(1, 70_000)] })).toThrow(RangeError);
  });

  it('finds the latest snapshot at or before a block', async () => {
    let { store, settle } = await open();
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, snapshots: [snapshot(100), snapshot(0), snapshot(200)] });
    store = await settle(store);
    expect((await store.nearestSnapshot(id, 150n))?.block).toBe(100n);
    expect((await store.nearestSnapshot(id, 200n))?.block).toBe(200n);
    expect((await store.nearestSnapshot(id, 99n))?.block).toBe(0n);
    const found = await store.nearestSnapshot(id, 10_000n);
    expect(found?.state).toEqual(snapshot(200).state);
    expect(found?.state.weights[0]).toBeInstanceOf(Uint16Array);
    expect(await store.nearestSnapshot('other', 150n)).toBeUndefined();
  });

  it('returns no snapshot before the first one', async () => {
    const { store } = await open();
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, snapshots: [snapshot(10)] });
    expect(await store.nearestSnapshot(id, 9n)).toBeUndefined();
  });

  it('returns the actions of an inclusive block range in (block, seq) order, the last write of a key winning', async () => {
    let { store, settle } = await open();
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(7, 1), action(3), action(7, 0), action(12)] });
    store.write({ chainId: id, actions: [{ ...action(7, 1), action: { kind: 'set-weights', hotkey: 'x', amountRao: 1n } }] });
    store = await settle(store);
    const between = await store.actionsBetween(id, 3n, 7n);
    expect(between.map((a) => [Number(a.block), a.seq])).toEqual([[3, 0], [7, 0], [7, 1]]);
    expect(between[2].action).toEqual({ kind: 'set-weights', hotkey: 'x', amountRao: 1n });
    expect(between[0].action.amountRao).toBe(2n ** 70n + 3n);
    expect(await store.actionsBetween(id, 8n, 11n)).toEqual([]);
    expect(await store.actionsBetween(id, 9n, 4n)).toEqual([]);
  });

  it('returns epoch results by block range, for all subnets or one', async () => {
    let { store, settle } = await open();
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, epochs: [epoch(360, 2), epoch(360, 1), epoch(720, 1), epoch(1080, 1)] });
    store = await settle(store);
    const all = await store.epochResults(id, 0n, 720n);
    expect(all.map((e) => [Number(e.block), e.netuid])).toEqual([[360, 1], [360, 2], [720, 1]]);
    expect(blocks(await store.epochResults(id, 0n, 2000n, 1))).toEqual([360, 720, 1080]);
    expect(all[0].result.emissionRao[0]).toBe(360_000_002_520n);
    expect(all[0].result.incentive).toEqual(Float64Array.of(0.25, 0.75));
  });

  it('truncates after a block: the future is gone, the past stays, and a new future can be written', async () => {
    let { store, settle } = await open();
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(5), action(10), action(15)], snapshots: [snapshot(0), snapshot(10), snapshot(20)] });
    store.write({ chainId: id, epochs: [epoch(10, 1), epoch(20, 1)], head: 20n });
    store = await settle(store);
    await store.truncateAfter(id, 10n);
    store = await settle(store);
    expect(blocks(await store.actionsBetween(id, 0n, 100n))).toEqual([5, 10]);
    expect((await store.nearestSnapshot(id, 100n))?.block).toBe(10n);
    expect(blocks(await store.epochResults(id, 0n, 100n))).toEqual([10]);
    expect((await store.getChain(id))?.headBlock).toBe(10n);
    store.write({ chainId: id, actions: [action(12)], head: 12n });
    store = await settle(store);
    expect(blocks(await store.actionsBetween(id, 0n, 100n))).toEqual([5, 10, 12]);
    expect((await store.getChain(id))?.headBlock).toBe(12n);
  });

  it('forks as a new chain that holds the prefix up to the block and leaves the source untouched', async () => {
    let { store, settle } = await open();
    const source = await store.createChain('main', scenario(4));
    store.write({ chainId: source.id, actions: [action(5), action(10), action(15)], snapshots: [snapshot(0), snapshot(10), snapshot(20)] });
    store.write({ chainId: source.id, epochs: [epoch(10, 1), epoch(20, 1)], head: 20n });
    store = await settle(store);
    const fork = await store.forkAs(source.id, 10n, 'what if');
    expect(fork.forkedFrom).toEqual({ chainId: source.id, block: 10n });
    store.write({ chainId: fork.id, actions: [action(11)], head: 11n });
    store = await settle(store);
    expect((await store.getChain(fork.id))?.scenario.subnets).toBe(4);
    expect((await store.getChain(fork.id))?.headBlock).toBe(11n);
    expect(blocks(await store.actionsBetween(fork.id, 0n, 100n))).toEqual([5, 10, 11]);
    expect((await store.nearestSnapshot(fork.id, 100n))?.state).toEqual(snapshot(10).state);
    expect(blocks(await store.epochResults(fork.id, 0n, 100n))).toEqual([10]);
    expect(blocks(await store.actionsBetween(source.id, 0n, 100n))).toEqual([5, 10, 15]);
    expect((await store.getChain(source.id))?.headBlock).toBe(20n);
    await expect(store.forkAs(source.id, 10n, 'main')).rejects.toMatchObject({ code: 'name-taken' });
  });

  it('remembers the last session, clears it, and forgets it when its chain is deleted', async () => {
    let { store, settle } = await open();
    expect(await store.getLastSession()).toBeUndefined();
    const a = await store.createChain('a', scenario());
    store.setLastSession({ chainId: a.id, block: 42n });
    store = await settle(store);
    expect(await store.getLastSession()).toEqual({ chainId: a.id, block: 42n });
    store.setLastSession(undefined);
    store = await settle(store);
    expect(await store.getLastSession()).toBeUndefined();
    store.setLastSession({ chainId: a.id, block: 7n });
    await store.deleteChain(a.id);
    store = await settle(store);
    expect(await store.getLastSession()).toBeUndefined();
  });

  it('deletes a chain with all its history and keeps the others', async () => {
    let { store, settle } = await open();
    const a = await store.createChain('a', scenario());
    const b = await store.createChain('b', scenario());
    for (const id of [a.id, b.id]) store.write({ chainId: id, actions: [action(1)], snapshots: [snapshot(1)], epochs: [epoch(1, 1)] });
    store = await settle(store);
    await store.deleteChain(a.id);
    store = await settle(store);
    expect((await store.listChains()).map((c) => c.name)).toEqual(['b']);
    expect(await store.getChain(a.id)).toBeUndefined();
    expect(await store.actionsBetween(a.id, 0n, 10n)).toEqual([]);
    expect(await store.nearestSnapshot(a.id, 10n)).toBeUndefined();
    expect(blocks(await store.actionsBetween(b.id, 0n, 10n))).toEqual([1]);
  });

  it('stores copies: mutating what was written or read changes nothing stored', async () => {
    let { store, settle } = await open();
    const s = scenario();
    const { id } = await store.createChain('main', s);
    const snap = snapshot(5);
    store.write({ chainId: id, snapshots: [snap] });
    s.subnets = 99;
    snap.state.weights[0][0] = 12345;
    snap.state.balancesRao[0] = 0n;
    store = await settle(store);
    const read = await store.nearestSnapshot(id, 5n);
    read!.state.balancesRao[1] = 1n;
    expect((await store.getChain(id))?.scenario.subnets).toBe(2);
    expect(await store.nearestSnapshot(id, 5n)).toEqual(snapshot(5));
  });
}
