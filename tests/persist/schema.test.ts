// The upgrade path: a fresh database, a v1 database written by an earlier build (raw fixture), a rehearsed v2 step on
// top of v1 data, failing steps, a database from a newer build, and a foreign layout under the same version.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { PersistFault } from '../../src/persist/fault.ts';
import { openChainStore } from '../../src/persist/open.ts';
import { MIGRATIONS, SCHEMA_VERSION, runMigrations, type Migration } from '../../src/persist/schema.ts';
import { blocks, uniqueName, type Action, type EpochRecord, type Scenario, type Snapshot } from './helpers.ts';
import { createV1Layout, inspect, rawAll, rawCounts, rawOpen, rawPut } from './raw.ts';

const open = (name: string, migrations?: readonly Migration[], faults: PersistFault[] = []) =>
  openChainStore<Scenario, Action, Snapshot, EpochRecord>({ name, migrations, onFault: (f) => faults.push(f) });

/** A v1 database as an earlier build left it: one chain with history, written with the raw API. */
async function v1Fixture(name: string): Promise<void> {
  const db = await rawOpen(name, 1, createV1Layout);
  await rawPut(db, 'chains', [{ id: 'c1', name: 'saved before', createdAt: 1, updatedAt: 2, headBlock: 720, forkedFrom: null }]);
  await rawPut(db, 'scenarios', [{ chainId: 'c1', scenario: { format: 'yuma-chain/1', subnets: 1, issuanceRao: 10n ** 18n } }]);
  await rawPut(db, 'actions', [
    { chainId: 'c1', block: 3, seq: 0, action: { kind: 'stake', hotkey: 'a', amountRao: 2n ** 64n } },
    { chainId: 'c1', block: 9, seq: 0, action: { kind: 'stake', hotkey: 'b', amountRao: 1n } },
  ]);
  await rawPut(db, 'snapshots', [{ chainId: 'c1', block: 360, state: { block: 360n, balancesRao: [5n], weights: [Uint16Array.of(1, 2)] } }]);
  await rawPut(db, 'epochs', [{ chainId: 'c1', block: 360, netuid: 1, result: { emissionRao: [7n], incentive: Float64Array.of(1) } }]);
  await rawPut(db, 'session', [{ chainId: 'c1', block: 400 }], 'last');
  db.close();
}

/** A rehearsal of the next version: a new store, a new index, and a backfill that reads every v1 chain. */
const addNotesV2: Migration = async (db, tx) => {
  db.createObjectStore('notes', { keyPath: 'chainId' });
  tx.objectStore('chains').createIndex('by-updated', 'updatedAt');
  for (const key of await tx.objectStore('chains').getAllKeys()) await tx.objectStore('notes').put({ chainId: key, text: '' });
};

describe(openChainStore, () => {
  it('creates every v1 store with its key path on a fresh database', async () => {
    const name = uniqueName();
    const store = await open(name);
    await store.close();
    const layout = await inspect(name, async (db) => ({
      version: db.version,
      keyPaths: Object.fromEntries([...db.objectStoreNames].map((s) => [s, db.transaction(s).objectStore(s).keyPath])),
    }));
    expect(SCHEMA_VERSION).toBe(1);
    expect(layout).toEqual({
      version: 1,
      keyPaths: {
        actions: ['chainId', 'block', 'seq'],
        chains: 'id',
        epochs: ['chainId', 'block', 'netuid'],
        scenarios: 'chainId',
        session: null,
        snapshots: ['chainId', 'block'],
      },
    });
  });

  it('reads a version-1 database written by an earlier build, bigints included', async () => {
    const name = uniqueName();
    await v1Fixture(name);
    const store = await open(name);
    expect(store.backend).toBe('indexeddb');
    expect(await store.listChains()).toEqual([{ id: 'c1', name: 'saved before', createdAt: 1, updatedAt: 2, headBlock: 720n }]);
    expect((await store.getChain('c1'))?.scenario.issuanceRao).toBe(10n ** 18n);
    expect((await store.actionsBetween('c1', 0n, 10n)).map((a) => a.action.amountRao)).toEqual([2n ** 64n, 1n]);
    expect((await store.nearestSnapshot('c1', 500n))?.state.weights[0]).toEqual(Uint16Array.of(1, 2));
    expect(await store.getLastSession()).toEqual({ chainId: 'c1', block: 400n });
    await store.close();
  });

  it('runs a later step over v1 data once, keeping every record readable', async () => {
    const name = uniqueName();
    await v1Fixture(name);
    const v1 = vi.fn(MIGRATIONS[0]);
    const v2 = vi.fn(addNotesV2);
    const store = await open(name, [v1, v2]);
    expect([v1.mock.calls.length, v2.mock.calls.length]).toEqual([0, 1]);
    expect(store.backend).toBe('indexeddb');
    expect(blocks(await store.actionsBetween('c1', 0n, 10n))).toEqual([3, 9]);
    expect((await store.epochResults('c1', 0n, 1000n))[0].result.emissionRao).toEqual([7n]);
    await store.close();
    const after = await inspect(name, async (db) => ({ version: db.version, notes: await rawAll(db, 'notes'), counts: await rawCounts(db) }));
    expect(after.version).toBe(2);
    expect(after.notes).toEqual([{ chainId: 'c1', text: '' }]);
    expect(after.counts).toEqual({ actions: 2, chains: 1, epochs: 1, notes: 1, scenarios: 1, session: 1, snapshots: 1 });
  });

  it('keeps the v1 database untouched when a later step fails, and works in memory', async () => {
    for (const failing of [
      (() => {
        throw new Error('bad step');
      }) satisfies Migration,
      (async (db, tx) => {
        db.createObjectStore('notes');
        await tx.objectStore('chains').count();
        throw new Error('bad async step');
      }) satisfies Migration,
    ]) {
      const name = uniqueName();
      await v1Fixture(name);
      const faults: PersistFault[] = [];
      const store = await open(name, [...MIGRATIONS, failing], faults);
      expect(store.backend).toBe('memory');
      expect(faults.map((f) => f.kind)).toEqual(['unavailable']);
      const after = await inspect(name, async (db) => ({ version: db.version, stores: [...db.objectStoreNames].length, counts: await rawCounts(db) }));
      expect(after).toEqual({ version: 1, stores: 6, counts: { actions: 2, chains: 1, epochs: 1, scenarios: 1, session: 1, snapshots: 1 } });
    }
  });

  it('works in memory and leaves the data alone when the database comes from a newer build', async () => {
    const name = uniqueName();
    await v1Fixture(name);
    (await rawOpen(name, 5)).close();
    const faults: PersistFault[] = [];
    const store = await open(name, undefined, faults);
    expect(store.backend).toBe('memory');
    expect(faults).toHaveLength(1);
    expect(faults[0].kind).toBe('unavailable');
    expect(faults[0].message).toMatch(/newer version/);
    expect(await inspect(name, async (db) => [db.version, (await rawCounts(db)).actions])).toEqual([5, 2]);
  });

  it('refuses a foreign layout under the same version without touching it', async () => {
    const name = uniqueName();
    const foreign = await rawOpen(name, 1, (db) => {
      db.createObjectStore('blocks', { keyPath: 'block' });
      db.createObjectStore('state');
    });
    await rawPut(foreign, 'blocks', [{ block: 1, data: 'prototype' }]);
    foreign.close();
    const faults: PersistFault[] = [];
    const store = await open(name, undefined, faults);
    expect(store.backend).toBe('memory');
    expect(faults.map((f) => f.kind)).toEqual(['unavailable']);
    expect(await inspect(name, (db) => rawAll(db, 'blocks'))).toEqual([{ block: 1, data: 'prototype' }]);
  });
});

describe(runMigrations, () => {
  it('runs the steps after the old version, in order, including those after an async one', async () => {
    const order: string[] = [];
    const steps: Migration[] = [
      () => void order.push('v1'),
      async () => void order.push('v2'),
      () => void order.push('v3'),
    ];
    const name = uniqueName();
    (await rawOpen(name, 1, createV1Layout)).close();
    const store = await open(name, steps);
    await store.close();
    expect(order).toEqual(['v2', 'v3']);
    expect(await inspect(name, async (db) => db.version)).toBe(3);
  });
});
