// Reads from the chain database. Every record passes its schema check; a failing one is reported and skipped, never deleted.
// Functions over an open database, no state; idb-store.ts decides when they run.
import type { ChainDatabase } from './schema.ts';
import { SESSION_KEY } from './schema.ts';
import {
  actionFromStored,
  chainFromStored,
  epochFromStored,
  isStoredAction,
  isStoredChain,
  isStoredEpoch,
  isStoredScenario,
  isStoredSession,
  isStoredSnapshot,
  sessionFromStored,
  snapshotFromStored,
} from './records.ts';
import type { ActionEntry, ChainInfo, EpochEntry, LastSession, PayloadChecks, SnapshotEntry } from './types.ts';

/** Called once for each record that failed its check: the store name and the record's key. */
export type ReportCorrupt = (store: string, key: IDBValidKey) => void;

/** The key range of one chain's history with fromBlock ≤ block ≤ toBlock (keys are [chainId, block, …]). */
export const historyRange = (chainId: string, fromBlock: number, toBlock: number): IDBKeyRange =>
  IDBKeyRange.bound([chainId, fromBlock], [chainId, toBlock, Infinity]);

/** All chains whose record passes its check. */
export async function readChains(db: ChainDatabase, report: ReportCorrupt): Promise<ChainInfo[]> {
  const out: ChainInfo[] = [];
  let cursor = await db.transaction('chains').store.openCursor();
  while (cursor) {
    if (isStoredChain(cursor.value)) out.push(chainFromStored(cursor.value));
    else report('chains', cursor.primaryKey);
    cursor = await cursor.continue();
  }
  return out;
}

/** One chain's info, or undefined if absent or corrupt. */
export async function readChain(db: ChainDatabase, chainId: string, report: ReportCorrupt): Promise<ChainInfo | undefined> {
  const value: unknown = await db.get('chains', chainId);
  if (value === undefined) return undefined;
  if (isStoredChain(value)) return chainFromStored(value);
  report('chains', chainId);
  return undefined;
}

/** A chain's scenario as a one-field box (so a legitimately falsy scenario is not "absent"), or undefined if absent or corrupt. */
export async function readScenario(db: ChainDatabase, chainId: string, checks: PayloadChecks, report: ReportCorrupt): Promise<{ value: unknown } | undefined> {
  const value: unknown = await db.get('scenarios', chainId);
  if (value === undefined) return undefined;
  if (isStoredScenario(value, checks)) return { value: value.scenario };
  report('scenarios', chainId);
  return undefined;
}

/** The chain with this name, via the unique index. */
export async function readChainByName(db: ChainDatabase, name: string, report: ReportCorrupt): Promise<ChainInfo | undefined> {
  const key = await db.getKeyFromIndex('chains', 'by-name', name);
  return key === undefined ? undefined : readChain(db, key, report);
}

/** The latest valid snapshot with block ≤ `block`; corrupt ones are skipped in favour of earlier ones. */
export async function readNearestSnapshot<Snap>(
  db: ChainDatabase,
  chainId: string,
  block: number,
  checks: PayloadChecks,
  report: ReportCorrupt,
): Promise<SnapshotEntry<Snap> | undefined> {
  let cursor = await db.transaction('snapshots').store.openCursor(historyRange(chainId, -Infinity, block), 'prev');
  while (cursor) {
    if (isStoredSnapshot(cursor.value, checks)) return snapshotFromStored<Snap>(cursor.value);
    report('snapshots', cursor.primaryKey);
    cursor = await cursor.continue();
  }
  return undefined;
}

/** Valid actions in the block range, ordered by (block, seq). */
export async function readActions<A>(
  db: ChainDatabase,
  chainId: string,
  fromBlock: number,
  toBlock: number,
  checks: PayloadChecks,
  report: ReportCorrupt,
): Promise<ActionEntry<A>[]> {
  const out: ActionEntry<A>[] = [];
  let cursor = await db.transaction('actions').store.openCursor(historyRange(chainId, fromBlock, toBlock));
  while (cursor) {
    if (isStoredAction(cursor.value, checks)) out.push(actionFromStored<A>(cursor.value));
    else report('actions', cursor.primaryKey);
    cursor = await cursor.continue();
  }
  return out;
}

/** Valid epoch results in the block range, optionally for one subnet, ordered by (block, netuid). */
export async function readEpochs<E>(
  db: ChainDatabase,
  chainId: string,
  fromBlock: number,
  toBlock: number,
  netuid: number | undefined,
  checks: PayloadChecks,
  report: ReportCorrupt,
): Promise<EpochEntry<E>[]> {
  const out: EpochEntry<E>[] = [];
  let cursor = await db.transaction('epochs').store.openCursor(historyRange(chainId, fromBlock, toBlock));
  while (cursor) {
    if (!isStoredEpoch(cursor.value, checks)) report('epochs', cursor.primaryKey);
    else if (netuid === undefined || cursor.value.netuid === netuid) out.push(epochFromStored<E>(cursor.value));
    cursor = await cursor.continue();
  }
  return out;
}

/** The saved last-session pointer, if present and valid. */
export async function readSession(db: ChainDatabase, report: ReportCorrupt): Promise<LastSession | undefined> {
  const value: unknown = await db.get('session', SESSION_KEY);
  if (value === undefined) return undefined;
  if (isStoredSession(value)) return sessionFromStored(value);
  report('session', SESSION_KEY);
  return undefined;
}
