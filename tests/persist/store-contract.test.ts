// The ChainStore contract (contract.ts) run against both implementations: memory, and IndexedDB with the data still
// buffered, flushed, or closed and reopened, so every query is checked on the buffer, on the database and across reloads.
import 'fake-indexeddb/auto';
import { describe } from 'vitest';
import { IdbChainStore } from '../../src/persist/idb-store.ts';
import { MemoryChainStore } from '../../src/persist/memory-store.ts';
import { openChainStore } from '../../src/persist/open.ts';
import { storeContract, type Harness } from './contract.ts';
import { uniqueName, type Action, type EpochRecord, type Scenario, type Snapshot, type Store } from './helpers.ts';

const openIdb = (name: string, now: () => number): Promise<Store> =>
  openChainStore<Scenario, Action, Snapshot, EpochRecord>({ name, now, debounceMs: 60_000, maxWaitMs: 60_000 });

describe(MemoryChainStore, () => {
  storeContract(async (now) => ({ store: new MemoryChainStore(undefined, now), settle: async (s) => s }));
});

describe(IdbChainStore, () => {
  const harness =
    (settle: (store: Store, reopen: () => Promise<Store>) => Promise<Store>) =>
    async (now: () => number): Promise<Harness> => {
      const name = uniqueName();
      return { store: await openIdb(name, now), settle: (s) => settle(s, () => openIdb(name, now)) };
    };

  describe('with writes still buffered', () => {
    storeContract(harness(async (s) => s));
  });

  describe('after flush', () => {
    storeContract(
      harness(async (s) => {
        await s.flush();
        return s;
      }),
    );
  });

  describe('after close and reopen', () => {
    storeContract(
      harness(async (s, reopen) => {
        await s.close();
        return reopen();
      }),
    );
  });
});
