// The one way in: openChainStore() opens IndexedDB and falls back to memory (with a fault saying why) when it cannot.
import { FaultHub, makeFault, type PersistFault } from './fault.ts';
import { IdbChainStore, type IdbStoreOptions } from './idb-store.ts';
import { MemoryChainStore } from './memory-store.ts';
import { DEFAULT_DB_NAME, MIGRATIONS, openChainDb, type Migration } from './schema.ts';
import type { ChainStore } from './types.ts';

export interface OpenChainStoreOptions extends IdbStoreOptions {
  /** Database name. Default DEFAULT_DB_NAME; tests pass a unique one each. */
  readonly name?: string;
  /** Schema steps. Default MIGRATIONS; tests append a step to rehearse the next version. */
  readonly migrations?: readonly Migration[];
  /** How long to wait for another tab to release an older version before working in memory. Default 3000 ms. */
  readonly blockedTimeoutMs?: number;
  /** Receives every fault, including those raised while opening (before the caller could subscribe). */
  readonly onFault?: (fault: PersistFault) => void;
}

const NEWER_VERSION =
  'Saved chains were written by a newer version of Yuma Playground. Reload the page to get it; ' +
  'until then this tab works in memory and leaves the saved chains untouched.';

/** The fault for a failed open: a VersionError means the database is newer than this code. */
const openFault = (e: unknown): PersistFault =>
  e instanceof DOMException && e.name === 'VersionError' ? makeFault('unavailable', { message: NEWER_VERSION, cause: e }) : makeFault('unavailable', { cause: e });

function inMemory<S, A, Snap, E>(options: OpenChainStoreOptions, fault: PersistFault | undefined): ChainStore<S, A, Snap, E> {
  const store = new MemoryChainStore<S, A, Snap, E>(undefined, options.now);
  if (options.onFault) store.onFault(options.onFault);
  if (fault) store.emitFault(fault);
  return store;
}

/**
 * Opens the chain store: IndexedDB if it opens (upgrading the schema as needed), otherwise a memory store. Never
 * rejects for storage reasons. Falls back, with a fault, when IndexedDB is missing or refuses to open ('unavailable'),
 * or when another tab holds an older version for longer than blockedTimeoutMs ('blocked'; the late connection is closed).
 */
export async function openChainStore<S, A, Snap, E>(options: OpenChainStoreOptions = {}): Promise<ChainStore<S, A, Snap, E>> {
  const faults = new FaultHub();
  if (options.onFault) faults.on(options.onFault);
  const store = new IdbChainStore<S, A, Snap, E>(faults, options);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let giveUp = () => {};
  const stillBlocked = new Promise<'blocked'>((resolve) => (giveUp = () => resolve('blocked')));
  try {
    const opening = openChainDb(options.name ?? DEFAULT_DB_NAME, options.migrations ?? MIGRATIONS, {
      blocked: () => (timer ??= setTimeout(giveUp, options.blockedTimeoutMs ?? 3000)),
      blocking: () => store.lose('versionchange'),
      terminated: () => store.lose('unavailable'),
    });
    const db = await Promise.race([opening, stillBlocked]);
    if (db === 'blocked') {
      opening.then((late) => late.close(), () => {});
      return inMemory(options, makeFault('blocked'));
    }
    try {
      await store.attach(db);
    } catch (e) {
      db.close();
      throw e;
    }
    return store;
  } catch (e) {
    return inMemory(options, openFault(e));
  } finally {
    clearTimeout(timer);
  }
}
