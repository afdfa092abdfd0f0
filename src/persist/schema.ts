// The IndexedDB schema and its upgrade path. One migration per version, run in order inside the versionchange transaction.
// To add v2: append a step to MIGRATIONS (never edit a shipped one), update ChainDB and records.ts, add a fixture test.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { StoredAction, StoredChain, StoredEpoch, StoredScenario, StoredSession, StoredSnapshot } from './records.ts';

/** The database name in the browser profile. Distinct from any prototype's 'yuma-playground' database. */
export const DEFAULT_DB_NAME = 'yuma-playground-chains';

/** The v1 layout. Keys are arrays so one chain's history is one contiguous, block-ordered key range. */
export interface ChainDB extends DBSchema {
  chains: { key: string; value: StoredChain; indexes: { 'by-name': string } };
  scenarios: { key: string; value: StoredScenario };
  actions: { key: [string, number, number]; value: StoredAction };
  snapshots: { key: [string, number]; value: StoredSnapshot };
  epochs: { key: [string, number, number]; value: StoredEpoch };
  /** Out-of-line key; the one record is SESSION_KEY. */
  session: { key: string; value: StoredSession };
}

export type ChainDatabase = IDBPDatabase<ChainDB>;
export const SESSION_KEY = 'last';
export const STORE_NAMES = ['chains', 'scenarios', 'actions', 'snapshots', 'epochs', 'session'] as const;

/**
 * One schema step, from version i to i + 1 (MIGRATIONS[i]). It sees the database untyped, because it runs against
 * the previous layout. It may be async, but must await only requests on `tx` (any other await ends the transaction).
 */
export type Migration = (db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void | Promise<void>;

/** v0 → v1: the stores of ChainDB. */
const createV1: Migration = (db) => {
  db.createObjectStore('chains', { keyPath: 'id' }).createIndex('by-name', 'name', { unique: true });
  db.createObjectStore('scenarios', { keyPath: 'chainId' });
  db.createObjectStore('actions', { keyPath: ['chainId', 'block', 'seq'] });
  db.createObjectStore('snapshots', { keyPath: ['chainId', 'block'] });
  db.createObjectStore('epochs', { keyPath: ['chainId', 'block', 'netuid'] });
  db.createObjectStore('session');
};

/** The shipped steps; the schema version is MIGRATIONS.length. */
export const MIGRATIONS: readonly Migration[] = [createV1];
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Runs steps oldVersion+1 … newVersion in order. Synchronous steps run synchronously; after the first async step the
 * rest are chained on it. A failing step aborts the versionchange transaction, so the database keeps its old version and data.
 */
export function runMigrations(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  oldVersion: number,
  newVersion: number,
  migrations: readonly Migration[],
): void {
  tx.done.catch(() => {}); // an aborted upgrade is reported by the open request itself
  let pending: Promise<void> | undefined;
  try {
    for (let version = oldVersion + 1; version <= newVersion; version++) {
      const step = migrations[version - 1];
      if (pending) pending = pending.then(() => step(db, tx));
      else pending = step(db, tx) ?? undefined;
    }
  } catch (e) {
    tx.abort();
    throw e;
  }
  pending?.catch(() => tx.abort());
}

export interface OpenHooks {
  /** This open waits for an older connection (another tab) to close. */
  blocked?: () => void;
  /** Another connection wants a newer version or a delete; ours must close. */
  blocking?: () => void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  terminated?: () => void;
}

/**
 * Opens (creating or upgrading) the chain database at version migrations.length. Rejects if IndexedDB is missing,
 * refuses to open (e.g. private mode), holds a newer version (VersionError), or lacks a v1 store under the same version.
 */
export async function openChainDb(name: string, migrations: readonly Migration[] = MIGRATIONS, hooks: OpenHooks = {}): Promise<ChainDatabase> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw new DOMException('indexedDB is not defined', 'NotSupportedError');
  const db = await openDB<ChainDB>(name, migrations.length, {
    upgrade(raw, oldVersion, newVersion, tx) {
      const untyped = raw as unknown as IDBPDatabase<unknown>;
      runMigrations(untyped, tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>, oldVersion, newVersion ?? migrations.length, migrations);
    },
    blocked: hooks.blocked,
    blocking: hooks.blocking,
    terminated: hooks.terminated,
  });
  const missing = STORE_NAMES.filter((store) => !db.objectStoreNames.contains(store));
  if (missing.length > 0) {
    db.close();
    throw new DOMException(`database ${name} v${db.version} lacks stores ${missing.join(', ')}`, 'DataError');
  }
  return db;
}
