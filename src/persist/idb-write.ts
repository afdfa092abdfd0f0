// Writes to the chain database, each operation in exactly one readwrite transaction that is aborted on the first
// failure, so a quota error (thrown by put or raised at commit) never leaves a half-written batch behind.
import type { IDBPTransaction, StoreNames } from 'idb';
import { ChainStoreError } from './fault.ts';
import { historyRange, type ReportCorrupt } from './idb-read.ts';
import { isStoredAction, isStoredChain, isStoredEpoch, isStoredScenario, isStoredSnapshot, toStoredBlock, type StoredChain } from './records.ts';
import { SESSION_KEY, type ChainDB, type ChainDatabase } from './schema.ts';
import type { ActionEntry, EpochEntry, LastSession, PayloadChecks, SnapshotEntry } from './types.ts';

/** One chain's buffered history, as handed to writeBuffered (the entry objects themselves, for identity checks later). */
export interface BufferedChain<A, Snap, E> {
  readonly chainId: string;
  readonly actions: readonly ActionEntry<A>[];
  readonly snapshots: readonly SnapshotEntry<Snap>[];
  readonly epochs: readonly EpochEntry<E>[];
  readonly head: bigint | undefined;
}

type Tx = IDBPTransaction<ChainDB, StoreNames<ChainDB>[], 'readwrite'>;
type Track = <T>(request: Promise<T>) => Promise<T>;

/**
 * Runs `body` in `tx` and waits for the commit. `track` marks requests whose failure must fail the whole operation.
 * On any failure the transaction is aborted and the most specific error is thrown (the transaction's own error, such
 * as QuotaExceededError at commit, over the AbortError its requests see).
 */
async function inTransaction<T>(tx: Tx, body: (track: Track) => Promise<T>): Promise<T> {
  const requests: Promise<unknown>[] = [];
  const track: Track = (request) => {
    request.catch(() => {}); // observed below via Promise.all; this only keeps an aborted request from being "unhandled"
    requests.push(request);
    return request;
  };
  tx.done.catch(() => {});
  try {
    const result = await body(track);
    await Promise.all(requests);
    await tx.done;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already committed or aborted */
    }
    throw tx.error ?? e;
  }
}

const readwrite = (db: ChainDatabase): Tx => db.transaction(['chains', 'scenarios', 'actions', 'snapshots', 'epochs', 'session'], 'readwrite');

/** Adds a new chain and its scenario. Rejects with ChainStoreError('name-taken') if the name is in use. */
export async function insertChain(db: ChainDatabase, info: StoredChain, scenario: unknown): Promise<void> {
  const tx = readwrite(db);
  await inTransaction(tx, async (track) => {
    if ((await tx.objectStore('chains').index('by-name').getKey(info.name)) !== undefined) {
      throw new ChainStoreError('name-taken', `persist: a chain named "${info.name}" exists`);
    }
    track(tx.objectStore('chains').add(info));
    track(tx.objectStore('scenarios').put({ chainId: info.id, scenario }));
  });
}

/**
 * Writes buffered history and the session pointer in one transaction and stamps each chain's updatedAt and headBlock.
 * Returns the chains whose info record is absent (deleted elsewhere: their history is not written) or corrupt (kept
 * buffered, reported); everything else was written.
 */
export async function writeBuffered<A, Snap, E>(
  db: ChainDatabase,
  chains: readonly BufferedChain<A, Snap, E>[],
  session: { value: LastSession | undefined } | undefined,
  now: number,
  report: ReportCorrupt,
): Promise<{ gone: Set<string>; skipped: Set<string> }> {
  const gone = new Set<string>();
  const skipped = new Set<string>();
  const tx = readwrite(db);
  await inTransaction(tx, async (track) => {
    for (const c of chains) {
      const info: unknown = await tx.objectStore('chains').get(c.chainId);
      if (info === undefined || !isStoredChain(info)) {
        if (info === undefined) {
          gone.add(c.chainId);
        } else {
          skipped.add(c.chainId);
          report('chains', c.chainId);
        }
        continue;
      }
      putBuffered(tx, track, c);
      const headBlock = c.head === undefined ? info.headBlock : toStoredBlock(c.head);
      track(tx.objectStore('chains').put({ ...info, updatedAt: now, headBlock }));
    }
    if (session?.value) track(tx.objectStore('session').put({ chainId: session.value.chainId, block: toStoredBlock(session.value.block) }, SESSION_KEY));
    else if (session) track(tx.objectStore('session').delete(SESSION_KEY));
  });
  return { gone, skipped };
}

/** Deletes a chain's history after `block` and caps its headBlock. Rejects with ChainStoreError('not-found') for an unknown chain. */
export async function truncateChain(db: ChainDatabase, chainId: string, block: number, now: number): Promise<void> {
  const tx = readwrite(db);
  await inTransaction(tx, async (track) => {
    const info: unknown = await tx.objectStore('chains').get(chainId);
    if (!isStoredChain(info)) throw new ChainStoreError('not-found', `persist: no chain ${chainId}`);
    const future = historyRange(chainId, block + 1, Infinity);
    for (const store of ['actions', 'snapshots', 'epochs'] as const) track(tx.objectStore(store).delete(future));
    const headBlock = info.headBlock !== null && info.headBlock > block ? block : info.headBlock;
    track(tx.objectStore('chains').put({ ...info, headBlock, updatedAt: now }));
  });
}

/** Deletes a chain, its scenario and its history, and the session pointer if it points there. Absent chains are fine. */
export async function deleteChainRecords(db: ChainDatabase, chainId: string): Promise<void> {
  const tx = readwrite(db);
  await inTransaction(tx, async (track) => {
    const all = historyRange(chainId, -Infinity, Infinity);
    for (const store of ['actions', 'snapshots', 'epochs'] as const) track(tx.objectStore(store).delete(all));
    track(tx.objectStore('chains').delete(chainId));
    track(tx.objectStore('scenarios').delete(chainId));
    const session = (await tx.objectStore('session').get(SESSION_KEY)) as { chainId?: unknown } | undefined;
    if (session?.chainId === chainId) track(tx.objectStore('session').delete(SESSION_KEY));
  });
}

/** The fields of a fork that the caller chooses; forkChain fills in headBlock from the source. */
export type ForkInfo = Omit<StoredChain, 'headBlock'>;

/**
 * Creates chain `info` as a copy of `sourceId` up to and including `block`: scenario, then the stored history (corrupt
 * records skipped and reported), then `buffered` (the source's not-yet-durable prefix) on top, all in one transaction.
 * The fork's headBlock is the source's (buffered head first) capped at `block`. Returns the stored record.
 */
export async function forkChain<A, Snap, E>(
  db: ChainDatabase,
  sourceId: string,
  block: number,
  info: ForkInfo,
  buffered: BufferedChain<A, Snap, E> | undefined,
  checks: PayloadChecks,
  report: ReportCorrupt,
): Promise<StoredChain> {
  const tx = readwrite(db);
  return inTransaction(tx, async (track) => {
    const source: unknown = await tx.objectStore('chains').get(sourceId);
    const scenario: unknown = await tx.objectStore('scenarios').get(sourceId);
    if (!isStoredChain(source) || !isStoredScenario(scenario, checks)) {
      throw new ChainStoreError('not-found', `persist: no loadable chain ${sourceId}`);
    }
    if ((await tx.objectStore('chains').index('by-name').getKey(info.name)) !== undefined) {
      throw new ChainStoreError('name-taken', `persist: a chain named "${info.name}" exists`);
    }
    const sourceHead = buffered?.head !== undefined ? toStoredBlock(buffered.head) : source.headBlock;
    const stored: StoredChain = { ...info, headBlock: sourceHead !== null && sourceHead > block ? block : sourceHead };
    track(tx.objectStore('chains').add(stored));
    track(tx.objectStore('scenarios').put({ chainId: info.id, scenario: scenario.scenario }));
    const prefix = historyRange(sourceId, -Infinity, block);
    const valid = { actions: isStoredAction, snapshots: isStoredSnapshot, epochs: isStoredEpoch } as const;
    for (const store of ['actions', 'snapshots', 'epochs'] as const) {
      let cursor = await tx.objectStore(store).openCursor(prefix);
      while (cursor) {
        if (valid[store](cursor.value, checks)) track(tx.objectStore(store).put({ ...cursor.value, chainId: info.id } as never));
        else report(store, cursor.primaryKey);
        cursor = await cursor.continue();
      }
    }
    if (buffered) putBuffered(tx, track, { ...buffered, chainId: info.id });
    return stored;
  });
}

/** Queues puts for one chain's buffered history (blocks converted to their stored form). */
function putBuffered<A, Snap, E>(tx: Tx, track: Track, c: BufferedChain<A, Snap, E>): void {
  for (const a of c.actions) track(tx.objectStore('actions').put({ chainId: c.chainId, block: toStoredBlock(a.block), seq: a.seq, action: a.action }));
  for (const s of c.snapshots) track(tx.objectStore('snapshots').put({ chainId: c.chainId, block: toStoredBlock(s.block), state: s.state }));
  for (const e of c.epochs) track(tx.objectStore('epochs').put({ chainId: c.chainId, block: toStoredBlock(e.block), netuid: e.netuid, result: e.result }));
}
