// The IndexedDB store's buffer of history and session writes that are not durable yet. Readers merge it over the
// database; an entry leaves it only when a flush that carried that very entry has committed.
import type { BufferedChain } from './idb-write.ts';
import { ChainTables } from './tables.ts';
import type { ActionEntry, ChainId, ChainInfo, ChainWrite, EpochEntry, LastSession, SnapshotEntry } from './types.ts';

/** What one flush carries; hand it back to settle() after the commit. */
export interface FlushPlan<A, Snap, E> {
  readonly chains: readonly BufferedChain<A, Snap, E>[];
  readonly session: { readonly value: LastSession | undefined } | undefined;
}

const toBuffered = <A, Snap, E>(chainId: ChainId, t: ChainTables<A, Snap, E>): BufferedChain<A, Snap, E> => ({
  chainId,
  actions: [...t.actions.all()],
  snapshots: [...t.snapshots.all()],
  epochs: [...t.epochs.all()],
  head: t.head,
});

export class WriteBuffer<A, Snap, E> {
  private readonly chains = new Map<ChainId, ChainTables<A, Snap, E>>();
  private session: { value: LastSession | undefined } | undefined;

  get isEmpty(): boolean {
    return this.chains.size === 0 && this.session === undefined;
  }

  /** Adds a batch made at time `at` (entries cloned, so the caller may reuse its objects). */
  apply(batch: ChainWrite<A, Snap, E>, at: number): void {
    let tables = this.chains.get(batch.chainId);
    if (!tables) this.chains.set(batch.chainId, (tables = new ChainTables()));
    tables.apply(batch);
    tables.touchedAt = at;
  }

  setSession(value: LastSession | undefined): void {
    this.session = { value };
  }

  /** The buffered session pointer: undefined if none is buffered, else a box whose value may be "cleared". */
  bufferedSession(): { readonly value: LastSession | undefined } | undefined {
    return this.session;
  }

  /** Everything buffered now, for one flush. */
  plan(): FlushPlan<A, Snap, E> {
    return { chains: [...this.chains].map(([chainId, tables]) => toBuffered(chainId, tables)), session: this.session };
  }

  /** After a committed flush: drops exactly the entries it carried (newer writes to the same keys stay), and `gone` chains. */
  settle(plan: FlushPlan<A, Snap, E>, written: (chainId: ChainId) => boolean, gone: ReadonlySet<ChainId>): void {
    for (const c of plan.chains) {
      const tables = this.chains.get(c.chainId);
      if (!tables) continue;
      if (gone.has(c.chainId)) {
        this.chains.delete(c.chainId);
        continue;
      }
      if (!written(c.chainId)) continue;
      for (const a of c.actions) tables.actions.deleteIfSame(a);
      for (const s of c.snapshots) tables.snapshots.deleteIfSame(s);
      for (const e of c.epochs) tables.epochs.deleteIfSame(e);
      if (c.head !== undefined && tables.head === c.head) tables.head = undefined;
      if (tables.isEmpty) this.chains.delete(c.chainId);
    }
    if (this.session === plan.session) this.session = undefined;
  }

  /** `info` as readers should see it: with the buffered head and the time of the last buffered write. */
  overlay(info: ChainInfo): ChainInfo {
    const tables = this.chains.get(info.id);
    if (!tables || (tables.head === undefined && tables.touchedAt === undefined)) return info;
    return { ...info, headBlock: tables.head ?? info.headBlock, updatedAt: Math.max(info.updatedAt, tables.touchedAt ?? 0) };
  }

  /** The chain's tables, handed over (the buffer forgets them): used when falling back to memory. */
  take(chainId: ChainId): ChainTables<A, Snap, E> | undefined {
    const tables = this.chains.get(chainId);
    this.chains.delete(chainId);
    return tables;
  }

  /** Forgets a deleted chain (and a buffered session pointing at it). */
  forget(chainId: ChainId): void {
    this.chains.delete(chainId);
    if (this.session?.value?.chainId === chainId) this.session = undefined;
  }

  clear(): void {
    this.chains.clear();
    this.session = undefined;
  }

  truncateAfter(chainId: ChainId, block: bigint): void {
    this.chains.get(chainId)?.truncateAfter(block);
  }

  /** The chain's buffered prefix up to `block`, as a fork carries it; undefined if nothing is buffered. */
  prefix(chainId: ChainId, block: bigint): BufferedChain<A, Snap, E> | undefined {
    const tables = this.chains.get(chainId);
    return tables && toBuffered(chainId, tables.prefix(block));
  }

  /** Buffered reads: the stored objects themselves (never mutated in place); callers clone before returning them. */
  nearestSnapshot(chainId: ChainId, block: bigint): SnapshotEntry<Snap> | undefined {
    return this.chains.get(chainId)?.snapshots.lastAtOrBefore(block);
  }

  actionsBetween(chainId: ChainId, fromBlock: bigint, toBlock: bigint): ActionEntry<A>[] {
    return this.chains.get(chainId)?.actions.between(fromBlock, toBlock) ?? [];
  }

  epochResults(chainId: ChainId, fromBlock: bigint, toBlock: bigint, netuid: number | undefined): EpochEntry<E>[] {
    const rows = this.chains.get(chainId)?.epochs.between(fromBlock, toBlock) ?? [];
    return netuid === undefined ? rows : rows.filter((e) => e.netuid === netuid);
  }
}
