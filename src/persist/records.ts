// The records as IndexedDB holds them (schema v1), their schema checks, and conversion to and from the API types.
// Blocks are stored as numbers because they are part of keys, and IndexedDB keys cannot be bigint; payloads keep bigints.
import type { ActionEntry, ChainInfo, EpochEntry, LastSession, PayloadChecks, SnapshotEntry } from './types.ts';

export interface StoredChain {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  headBlock: number | null;
  forkedFrom: { chainId: string; block: number } | null;
}
export interface StoredScenario {
  chainId: string;
  scenario: unknown;
}
export interface StoredAction {
  chainId: string;
  block: number;
  seq: number;
  action: unknown;
}
export interface StoredSnapshot {
  chainId: string;
  block: number;
  state: unknown;
}
export interface StoredEpoch {
  chainId: string;
  block: number;
  netuid: number;
  result: unknown;
}
export interface StoredSession {
  chainId: string;
  block: number;
}

/** Converts an API block to its stored form. Throws RangeError outside 0…2^53−1 (about 3.4 billion years of blocks). */
export function toStoredBlock(block: bigint): number {
  if (typeof block !== 'bigint' || block < 0n || block > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`persist: block must be a bigint in 0…2^53−1, got ${String(block)}`);
  }
  return Number(block);
}

/** Converts a non-negative safe integer to a block number; NaN and ±Infinity never reach here (checked on read). */
export const fromStoredBlock = (block: number): bigint => BigInt(block);

/** Throws RangeError unless `seq` is a non-negative safe integer and `netuid` (if given) is a u16. */
export function checkEntryKeys(seq: number | undefined, netuid: number | undefined): void {
  if (seq !== undefined && !isCount(seq)) throw new RangeError(`persist: seq must be a non-negative integer, got ${seq}`);
  if (netuid !== undefined && !isNetuid(netuid)) throw new RangeError(`persist: netuid must be an integer in 0…65535, got ${netuid}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isNetuid = (v: unknown): v is number => isCount(v) && v <= 0xffff;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const passes = (check: ((v: unknown) => boolean) | undefined, v: unknown) => v !== undefined && (check === undefined || safely(check, v));

function safely(check: (v: unknown) => boolean, v: unknown): boolean {
  try {
    return check(v) === true;
  } catch {
    return false;
  }
}

/** The schema checks, one per store. Each returns true only for a record the rest of the code can use as is. */
export const isStoredChain = (v: unknown): v is StoredChain =>
  isRecord(v) &&
  isText(v.id) &&
  isText(v.name) &&
  isTime(v.createdAt) &&
  isTime(v.updatedAt) &&
  (v.headBlock === null || isCount(v.headBlock)) &&
  (v.forkedFrom === null || (isRecord(v.forkedFrom) && isText(v.forkedFrom.chainId) && isCount(v.forkedFrom.block)));

export const isStoredScenario = (v: unknown, checks: PayloadChecks): v is StoredScenario =>
  isRecord(v) && isText(v.chainId) && passes(checks.scenario, v.scenario);

export const isStoredAction = (v: unknown, checks: PayloadChecks): v is StoredAction =>
  isRecord(v) && isText(v.chainId) && isCount(v.block) && isCount(v.seq) && passes(checks.action, v.action);

export const isStoredSnapshot = (v: unknown, checks: PayloadChecks): v is StoredSnapshot =>
  isRecord(v) && isText(v.chainId) && isCount(v.block) && passes(checks.snapshot, v.state);

export const isStoredEpoch = (v: unknown, checks: PayloadChecks): v is StoredEpoch =>
  isRecord(v) && isText(v.chainId) && isCount(v.block) && isNetuid(v.netuid) && passes(checks.epoch, v.result);

export const isStoredSession = (v: unknown): v is StoredSession => isRecord(v) && isText(v.chainId) && isCount(v.block);

export function chainFromStored(r: StoredChain): ChainInfo {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    headBlock: r.headBlock === null ? undefined : fromStoredBlock(r.headBlock),
    ...(r.forkedFrom && { forkedFrom: { chainId: r.forkedFrom.chainId, block: fromStoredBlock(r.forkedFrom.block) } }),
  };
}

export function chainToStored(c: ChainInfo): StoredChain {
  return {
    id: c.id,
    name: c.name,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    headBlock: c.headBlock === undefined ? null : toStoredBlock(c.headBlock),
    forkedFrom: c.forkedFrom ? { chainId: c.forkedFrom.chainId, block: toStoredBlock(c.forkedFrom.block) } : null,
  };
}

export const actionFromStored = <A>(r: StoredAction): ActionEntry<A> => ({ block: fromStoredBlock(r.block), seq: r.seq, action: r.action as A });
export const snapshotFromStored = <Snap>(r: StoredSnapshot): SnapshotEntry<Snap> => ({ block: fromStoredBlock(r.block), state: r.state as Snap });
export const epochFromStored = <E>(r: StoredEpoch): EpochEntry<E> => ({ block: fromStoredBlock(r.block), netuid: r.netuid, result: r.result as E });
export const sessionFromStored = (r: StoredSession): LastSession => ({ chainId: r.chainId, block: fromStoredBlock(r.block) });

/** A fresh chain id: time-ordered and random enough for one browser profile (crypto.randomUUID needs a secure context). */
export function newChainId(): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `c${Date.now().toString(36)}-${random[0].toString(36)}${random[1].toString(36)}`;
}

/** Throws RangeError for any block, seq or netuid the stores could not key; run at write() so errors point at the caller. */
export function checkWrite(batch: {
  readonly actions?: readonly { block: bigint; seq: number }[];
  readonly snapshots?: readonly { block: bigint }[];
  readonly epochs?: readonly { block: bigint; netuid: number }[];
  readonly head?: bigint;
}): void {
  for (const a of batch.actions ?? []) {
    toStoredBlock(a.block);
    checkEntryKeys(a.seq, undefined);
  }
  for (const s of batch.snapshots ?? []) toStoredBlock(s.block);
  for (const e of batch.epochs ?? []) {
    toStoredBlock(e.block);
    checkEntryKeys(undefined, e.netuid);
  }
  if (batch.head !== undefined) toStoredBlock(batch.head);
}
