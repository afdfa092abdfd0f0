// Faults: a full disk, corrupted records, no IndexedDB, a lost connection, and two tabs on different schema versions.
// In every case the store keeps answering, reports a typed fault, and leaves saved data intact.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersistFaultError, type PersistFault } from '../../src/persist/fault.ts';
import { openChainStore } from '../../src/persist/open.ts';
import { MIGRATIONS, openChainDb, type Migration } from '../../src/persist/schema.ts';
import { action, blocks, epoch, openCollecting, scenario, snapshot, uniqueName, type Action, type EpochRecord, type Scenario, type Snapshot } from './helpers.ts';
import { inspect, rawAll, rawCounts, rawPut } from './raw.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Makes every object-store put after the first `allowed` throw QuotaExceededError, as a full disk does. */
function fillDisk(allowed = 0) {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (++calls > allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

const noNotes: Migration = (db) => void db.createObjectStore('notes');

describe(openChainStore, () => {
  it('on a full disk reports one quota fault, keeps unsaved writes readable, and writes nothing partial', async () => {
    const name = uniqueName();
    const { store, faults } = await openCollecting({ name, debounceMs: 60_000 });
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(1), action(2)], snapshots: [snapshot(0)], head: 2n });
    expect(await store.flush()).toBe(true);
    const before = await inspect(name, (db) => rawAll(db, 'actions'));

    const disk = fillDisk(2); // the first two puts of the next batch succeed, then the disk is full
    store.write({ chainId: id, actions: [action(3), action(4)], snapshots: [snapshot(4)], head: 4n });
    store.setLastSession({ chainId: id, block: 4n });
    expect(await store.flush()).toBe(false);
    expect(await store.flush()).toBe(false);
    expect(faults.map((f) => f.kind)).toEqual(['quota']);
    expect(faults[0].message).toMatch(/storage is full/);
    expect(store.hasUnsaved()).toBe(true);
    expect(blocks(await store.actionsBetween(id, 0n, 10n))).toEqual([1, 2, 3, 4]);
    expect((await store.nearestSnapshot(id, 10n))?.block).toBe(4n);
    expect((await store.getChain(id))?.headBlock).toBe(4n);
    expect(await inspect(name, (db) => rawAll(db, 'actions'))).toEqual(before);
    expect(await inspect(name, rawCounts)).toMatchObject({ actions: 2, snapshots: 1, session: 0 });

    disk.mockRestore();
    expect(await store.flush()).toBe(true);
    expect(store.hasUnsaved()).toBe(false);
    await store.close();
    const reopened = await openChainStore<Scenario, Action, Snapshot, EpochRecord>({ name });
    expect(blocks(await reopened.actionsBetween(id, 0n, 10n))).toEqual([1, 2, 3, 4]);
    expect(await reopened.getLastSession()).toEqual({ chainId: id, block: 4n });
    await reopened.close();
  });

  it('rejects a chain operation refused by a full disk with a typed error and keeps the saved chains', async () => {
    const { store, faults } = await openCollecting();
    await store.createChain('kept', scenario());
    fillDisk();
    const refused = await store.createChain('new', scenario()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PersistFaultError);
    expect((refused as PersistFaultError).fault.kind).toBe('quota');
    expect(faults.map((f) => f.kind)).toEqual(['quota']);
    expect((await store.listChains()).map((c) => c.name)).toEqual(['kept']);
  });

  it('retries unsaved writes by itself once deleting a chain frees space', async () => {
    const { store } = await openCollecting({ debounceMs: 5, maxWaitMs: 20 });
    const old = await store.createChain('old', scenario());
    const { id } = await store.createChain('main', scenario());
    const disk = fillDisk();
    store.write({ chainId: id, actions: [action(1)] });
    await vi.waitFor(() => expect(disk).toHaveBeenCalled());
    expect(store.hasUnsaved()).toBe(true);
    disk.mockRestore();
    await store.deleteChain(old.id);
    await vi.waitFor(() => expect(store.hasUnsaved()).toBe(false));
    expect(blocks(await store.actionsBetween(id, 0n, 5n))).toEqual([1]);
  });

  it('skips and reports corrupted records on load, answers with the valid ones, and deletes nothing', async () => {
    const name = uniqueName();
    const setup = await openChainStore<Scenario, Action, Snapshot, EpochRecord>({ name });
    const { id } = await setup.createChain('main', scenario());
    setup.write({ chainId: id, actions: [action(1), action(2), action(3)], snapshots: [snapshot(10), snapshot(20)], epochs: [epoch(360, 1)] });
    await setup.close();
    await inspect(name, async (db) => {
      await rawPut(db, 'chains', [{ id: 'zz', name: 42, createdAt: 1, updatedAt: 1, headBlock: null, forkedFrom: null }]);
      await rawPut(db, 'actions', [
        { chainId: id, block: 2, seq: 5, action: undefined },
        { chainId: id, block: 2.5, seq: 0, action: action(2).action },
        { chainId: id, block: 3, seq: 1, action: { kind: 'bogus' } },
      ]);
      await rawPut(db, 'snapshots', [{ chainId: id, block: 25 }]);
      await rawPut(db, 'epochs', [{ chainId: id, block: 360, netuid: 70_000, result: {} }]);
      await rawPut(db, 'session', [{ chainId: 7, block: 1 }], 'last');
    });
    const counts = await inspect(name, rawCounts);

    const checks = { action: (v: unknown) => ['stake', 'set-weights'].includes((v as Action).kind) };
    const { store, faults } = await openCollecting({ name, checks });
    expect((await store.listChains()).map((c) => c.name)).toEqual(['main']);
    expect(blocks(await store.actionsBetween(id, 0n, 10n))).toEqual([1, 2, 3]);
    expect((await store.nearestSnapshot(id, 30n))?.state).toEqual(snapshot(20).state);
    expect((await store.epochResults(id, 0n, 1000n)).map((e) => e.netuid)).toEqual([1]);
    expect(await store.getLastSession()).toBeUndefined();
    await store.actionsBetween(id, 0n, 10n); // a second read reports nothing new
    expect(faults.every((f) => f.kind === 'corrupt')).toBe(true);
    expect(faults.map((f) => f.record?.store).sort()).toEqual(['actions', 'actions', 'actions', 'chains', 'epochs', 'session', 'snapshots']);
    expect(faults.find((f) => f.record?.store === 'snapshots')?.record?.key).toBe(`["${id}",25]`);
    expect(await inspect(name, rawCounts)).toEqual(counts);
  });

  it('falls back to memory and says so when there is no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { store, faults } = await openCollecting();
    expect(store.backend).toBe('memory');
    expect(faults.map((f) => f.kind)).toEqual(['unavailable']);
    expect(faults[0].message).toMatch(/private browsing/);
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(1)], snapshots: [snapshot(1)] });
    expect(blocks(await store.actionsBetween(id, 0n, 5n))).toEqual([1]);
    expect((await store.forkAs(id, 1n, 'fork')).name).toBe('fork');
  });

  it('falls back to memory when opening throws, as in private browsing', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    });
    const { store, faults } = await openCollecting();
    expect(store.backend).toBe('memory');
    expect(faults.map((f) => f.kind)).toEqual(['unavailable']);
    expect((await store.createChain('main', scenario())).name).toBe('main');
  });

  it('carries on in memory, buffered writes included, when the connection is lost mid-session', async () => {
    const { store, faults } = await openCollecting({ debounceMs: 60_000 });
    const { id } = await store.createChain('main', scenario());
    store.write({ chainId: id, actions: [action(1), action(2)], head: 2n });
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    await store.flush();
    expect(store.backend).toBe('memory');
    expect(faults.map((f) => f.kind)).toEqual(['unavailable']);
    expect(blocks(await store.actionsBetween(id, 0n, 5n))).toEqual([1, 2]);
    expect((await store.listChains())[0].headBlock).toBe(2n);
    store.write({ chainId: id, actions: [action(3)] });
    expect(blocks(await store.actionsBetween(id, 0n, 5n))).toEqual([1, 2, 3]);
  });

  it('reports "another tab is open" and works in memory while an old tab blocks the upgrade', async () => {
    const name = uniqueName();
    const oldTab = await openChainDb(name); // an older build that does not close on versionchange
    const faults: PersistFault[] = [];
    const store = await openChainStore({ name, migrations: [...MIGRATIONS, noNotes], blockedTimeoutMs: 30, onFault: (f) => faults.push(f) });
    expect(store.backend).toBe('memory');
    expect(faults.map((f) => f.kind)).toEqual(['blocked']);
    expect(faults[0].message).toMatch(/Another Yuma Playground tab is open/);
    expect((await store.createChain('main', scenario())).name).toBe('main');

    oldTab.close(); // the late upgrade now completes, and its connection is closed, not leaked
    await vi.waitFor(async () => expect(await inspect(name, async (db) => db.version)).toBe(2));
    let blocked = false;
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => resolve();
    });
    expect(blocked).toBe(false);
  });

  it('closes an old connection on versionchange after saving its buffer, then keeps the old tab working in memory', async () => {
    const name = uniqueName();
    const { store: oldTab, faults } = await openCollecting({ name, debounceMs: 60_000 });
    const { id } = await oldTab.createChain('main', scenario());
    oldTab.write({ chainId: id, actions: [action(1)] });
    await oldTab.flush();
    oldTab.write({ chainId: id, actions: [action(2)], head: 2n });

    const newFaults: PersistFault[] = [];
    const newTab = await openChainStore<Scenario, Action, Snapshot, EpochRecord>({ name, migrations: [...MIGRATIONS, noNotes], onFault: (f) => newFaults.push(f) });
    expect(newTab.backend).toBe('indexeddb');
    expect(newFaults).toEqual([]);
    expect(oldTab.backend).toBe('memory');
    expect(faults.map((f) => f.kind)).toEqual(['versionchange']);
    expect(faults[0].message).toMatch(/Reload this tab/);
    expect(blocks(await newTab.actionsBetween(id, 0n, 5n))).toEqual([1, 2]);
    oldTab.write({ chainId: id, actions: [action(3)] });
    // The old tab can no longer read the database: it keeps what it had buffered and what comes next, until reloaded.
    expect(blocks(await oldTab.actionsBetween(id, 0n, 5n))).toEqual([2, 3]);
    expect((await oldTab.listChains()).map((c) => [c.name, c.headBlock])).toEqual([['main', 2n]]);
    await newTab.close();
  });
});
