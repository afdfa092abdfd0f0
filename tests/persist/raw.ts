// Raw IndexedDB access for tests: build fixtures and inspect databases without going through src/persist.

/** Opens `name` with the raw API; `upgrade` runs in the versionchange transaction if the version rises. */
export function rawOpen(name: string, version?: number, upgrade?: (db: IDBDatabase, tx: IDBTransaction) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result, request.transaction!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Every record of a store, in key order. */
export async function rawAll(db: IDBDatabase, store: string): Promise<unknown[]> {
  return done(db.transaction(store).objectStore(store).getAll());
}

/** Puts records into a store in one transaction (out-of-line `key` for the session store). */
export async function rawPut(db: IDBDatabase, store: string, values: readonly unknown[], key?: IDBValidKey): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  for (const v of values) tx.objectStore(store).put(v, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** Count of records per store, to prove that nothing was deleted. */
export async function rawCounts(db: IDBDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const store of [...db.objectStoreNames]) out[store] = await done(db.transaction(store).objectStore(store).count());
  return out;
}

/** Opens, inspects and closes. */
export async function inspect<T>(name: string, look: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await rawOpen(name);
  try {
    return await look(db);
  } finally {
    db.close();
  }
}

/**
 * The schema-v1 layout spelled out by hand: a frozen fixture of what shipped. If src/persist/schema.ts changes v1,
 * the tests built on this fail, which is the point (a shipped step must never change; add a new one instead).
 */
export function createV1Layout(db: IDBDatabase): void {
  db.createObjectStore('chains', { keyPath: 'id' }).createIndex('by-name', 'name', { unique: true });
  db.createObjectStore('scenarios', { keyPath: 'chainId' });
  db.createObjectStore('actions', { keyPath: ['chainId', 'block', 'seq'] });
  db.createObjectStore('snapshots', { keyPath: ['chainId', 'block'] });
  db.createObjectStore('epochs', { keyPath: ['chainId', 'block', 'netuid'] });
  db.createObjectStore('session');
}
