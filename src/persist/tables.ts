// In-memory history of chains: entries kept sorted by (block, sub-key) for range reads by binary search.
// Used by the memory store (all data) and by the IndexedDB store (its buffer of not-yet-durable writes).
import type { ActionEntry, ChainWrite, EpochEntry, SnapshotEntry } from './types.ts';

/** Orders entries by block, then by a small integer (seq for actions, netuid for epochs, 0 for snapshots). */
export interface Ordered {
  readonly block: bigint;
}
export type SubKey<V> = (v: V) => number;

/** Negative, zero or positive as (a.block, sub(a)) is before, equal to or after (b.block, sub(b)). */
export function compareEntries<V extends Ordered>(sub: SubKey<V>, a: V, b: V): number {
  if (a.block !== b.block) return a.block < b.block ? -1 : 1;
  return sub(a) - sub(b);
}

/** A sorted array with unique (block, sub) keys. Stores exactly the objects given; callers clone. */
export class BlockTable<V extends Ordered> {
  private rows: V[] = [];
  constructor(private readonly sub: SubKey<V>) {}

  get size(): number {
    return this.rows.length;
  }

  /** Index of the first row not before (block, sub). */
  private lowerBound(block: bigint, sub: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.rows[mid];
      const before = r.block < block || (r.block === block && this.sub(r) < sub);
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts, or replaces the row with the same key. */
  put(v: V): void {
    const i = this.lowerBound(v.block, this.sub(v));
    const same = i < this.rows.length && compareEntries(this.sub, this.rows[i], v) === 0;
    this.rows.splice(i, same ? 1 : 0, v);
  }

  /** Rows with from ≤ block ≤ to, in order. */
  between(from: bigint, to: bigint): V[] {
    if (from > to) return [];
    const out: V[] = [];
    for (let i = this.lowerBound(from, -Infinity); i < this.rows.length && this.rows[i].block <= to; i++) out.push(this.rows[i]);
    return out;
  }

  /** The last row with block ≤ `block`. */
  lastAtOrBefore(block: bigint): V | undefined {
    const i = this.lowerBound(block, Infinity);
    return i > 0 ? this.rows[i - 1] : undefined;
  }

  /** Removes rows with block > `block`. */
  deleteAfter(block: bigint): void {
    this.rows.length = this.lowerBound(block, Infinity);
  }

  /** Removes `v` only if it is still the very object stored under its key (a newer put wins over an older flush). */
  deleteIfSame(v: V): void {
    const i = this.lowerBound(v.block, this.sub(v));
    if (this.rows[i] === v) this.rows.splice(i, 1);
  }

  all(): readonly V[] {
    return this.rows;
  }
}

/** One chain's history in memory. `head` is the latest head written and not yet made durable (or kept, in memory mode). */
export class ChainTables<A, Snap, E> {
  readonly actions = new BlockTable<ActionEntry<A>>((v) => v.seq);
  readonly snapshots = new BlockTable<SnapshotEntry<Snap>>(() => 0);
  readonly epochs = new BlockTable<EpochEntry<E>>((v) => v.netuid);
  head: bigint | undefined;
  /** When the last batch was applied (ms), for a buffered chain's updatedAt. */
  touchedAt: number | undefined;

  get isEmpty(): boolean {
    return this.actions.size === 0 && this.snapshots.size === 0 && this.epochs.size === 0 && this.head === undefined;
  }

  /** Adds a batch, cloning every entry so later mutation by the caller cannot reach the stored copy (as IndexedDB would). */
  apply(batch: ChainWrite<A, Snap, E>): void {
    for (const a of batch.actions ?? []) this.actions.put(structuredClone(a));
    for (const s of batch.snapshots ?? []) this.snapshots.put(structuredClone(s));
    for (const e of batch.epochs ?? []) this.epochs.put(structuredClone(e));
    if (batch.head !== undefined) this.head = batch.head;
  }

  /** Drops everything after `block` (head included). */
  truncateAfter(block: bigint): void {
    this.actions.deleteAfter(block);
    this.snapshots.deleteAfter(block);
    this.epochs.deleteAfter(block);
    if (this.head !== undefined && this.head > block) this.head = block;
  }

  /** A copy of the history up to and including `block` (entries shared: they are never mutated in place). */
  prefix(block: bigint): ChainTables<A, Snap, E> {
    const copy = new ChainTables<A, Snap, E>();
    for (const v of this.actions.between(-1n, block)) copy.actions.put(v);
    for (const v of this.snapshots.between(-1n, block)) copy.snapshots.put(v);
    for (const v of this.epochs.between(-1n, block)) copy.epochs.put(v);
    if (this.head !== undefined) copy.head = this.head > block ? block : this.head;
    return copy;
  }
}

/** Merges two sorted lists; on equal keys the `newer` entry wins. */
export function mergeSorted<V extends Ordered>(older: readonly V[], newer: readonly V[], sub: SubKey<V>): V[] {
  if (newer.length === 0) return [...older];
  if (older.length === 0) return [...newer];
  const out: V[] = [];
  let i = 0;
  let j = 0;
  while (i < older.length || j < newer.length) {
    if (j >= newer.length) out.push(older[i++]);
    else if (i >= older.length) out.push(newer[j++]);
    else {
      const c = compareEntries(sub, older[i], newer[j]);
      if (c < 0) out.push(older[i++]);
      else if (c > 0) out.push(newer[j++]);
      else {
        out.push(newer[j++]);
        i++;
      }
    }
  }
  return out;
}
