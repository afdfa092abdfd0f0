// ChainStore held in memory only: the fallback when IndexedDB is missing or lost, and a reference for the IndexedDB one.
// Values are cloned on the way in and out, as IndexedDB would, so callers can mutate what they pass or get.
import { ChainStoreError, FaultHub, type PersistFault } from './fault.ts';
import { checkWrite, newChainId, toStoredBlock } from './records.ts';
import { ChainTables } from './tables.ts';
import type { ActionEntry, ChainId, ChainInfo, ChainStore, ChainWrite, EpochEntry, LastSession, SavedChain, SnapshotEntry } from './types.ts';

/** Starting content, used when the IndexedDB store falls back mid-session. A chain without a scenario is listed but not loadable. */
export interface MemorySeed<S, A, Snap, E> {
  readonly chains: readonly { readonly info: ChainInfo; readonly scenario?: S; readonly tables?: ChainTables<A, Snap, E> }[];
  readonly session?: LastSession;
}

interface MemoryChain<S, A, Snap, E> {
  info: ChainInfo;
  scenario: { value: S } | undefined;
  tables: ChainTables<A, Snap, E>;
}

/** Orders the chain list: most recently updated first, then by name. */
export const byRecency = (a: ChainInfo, b: ChainInfo): number => b.updatedAt - a.updatedAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export class MemoryChainStore<S, A, Snap, E> implements ChainStore<S, A, Snap, E> {
  readonly backend = 'memory' as const;
  private readonly chains = new Map<ChainId, MemoryChain<S, A, Snap, E>>();
  private session: LastSession | undefined;
  private readonly faults = new FaultHub();

  /** `now` is injectable so tests can order chains by time. */
  constructor(seed: MemorySeed<S, A, Snap, E> = { chains: [] }, private readonly now: () => number = Date.now) {
    for (const c of seed.chains) {
      this.chains.set(c.info.id, { info: c.info, scenario: c.scenario === undefined ? undefined : { value: c.scenario }, tables: c.tables ?? new ChainTables() });
    }
    this.session = seed.session;
  }

  private chain(chainId: ChainId): MemoryChain<S, A, Snap, E> {
    const c = this.chains.get(chainId);
    if (!c) throw new ChainStoreError('not-found', `persist: no chain ${chainId}`);
    return c;
  }

  private checkNameFree(name: string): void {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('persist: a chain name must be a non-empty string');
    for (const c of this.chains.values()) if (c.info.name === name) throw new ChainStoreError('name-taken', `persist: a chain named "${name}" exists`);
  }

  async listChains(): Promise<ChainInfo[]> {
    return [...this.chains.values()].map((c) => c.info).sort(byRecency);
  }

  async getChain(chainId: ChainId): Promise<SavedChain<S> | undefined> {
    const c = this.chains.get(chainId);
    return c?.scenario ? { ...c.info, scenario: structuredClone(c.scenario.value) } : undefined;
  }

  async findChain(name: string): Promise<ChainInfo | undefined> {
    for (const c of this.chains.values()) if (c.info.name === name) return c.info;
    return undefined;
  }

  async createChain(name: string, scenario: S): Promise<ChainInfo> {
    this.checkNameFree(name);
    const t = this.now();
    const info: ChainInfo = { id: newChainId(), name, createdAt: t, updatedAt: t, headBlock: undefined };
    this.chains.set(info.id, { info, scenario: { value: structuredClone(scenario) }, tables: new ChainTables() });
    return info;
  }

  async deleteChain(chainId: ChainId): Promise<void> {
    this.chains.delete(chainId);
    if (this.session?.chainId === chainId) this.session = undefined;
  }

  write(batch: ChainWrite<A, Snap, E>): void {
    const c = this.chain(batch.chainId);
    checkWrite(batch);
    c.tables.apply(batch);
    c.info = { ...c.info, updatedAt: this.now(), ...(batch.head !== undefined && { headBlock: batch.head }) };
  }

  async flush(): Promise<boolean> {
    return true;
  }

  hasUnsaved(): boolean {
    return false;
  }

  async nearestSnapshot(chainId: ChainId, block: bigint): Promise<SnapshotEntry<Snap> | undefined> {
    const found = this.chains.get(chainId)?.tables.snapshots.lastAtOrBefore(block);
    return found && structuredClone(found);
  }

  async actionsBetween(chainId: ChainId, fromBlock: bigint, toBlock: bigint): Promise<ActionEntry<A>[]> {
    return structuredClone(this.chains.get(chainId)?.tables.actions.between(fromBlock, toBlock) ?? []);
  }

  async epochResults(chainId: ChainId, fromBlock: bigint, toBlock: bigint, netuid?: number): Promise<EpochEntry<E>[]> {
    const rows = this.chains.get(chainId)?.tables.epochs.between(fromBlock, toBlock) ?? [];
    return structuredClone(netuid === undefined ? rows : rows.filter((e) => e.netuid === netuid));
  }

  async truncateAfter(chainId: ChainId, block: bigint): Promise<void> {
    const c = this.chain(chainId);
    toStoredBlock(block);
    c.tables.truncateAfter(block);
    const head = c.info.headBlock !== undefined && c.info.headBlock > block ? block : c.info.headBlock;
    c.info = { ...c.info, headBlock: head, updatedAt: this.now() };
  }

  async forkAs(chainId: ChainId, block: bigint, newName: string): Promise<ChainInfo> {
    const source = this.chain(chainId);
    toStoredBlock(block);
    this.checkNameFree(newName);
    const t = this.now();
    const head = source.info.headBlock !== undefined && source.info.headBlock > block ? block : source.info.headBlock;
    const info: ChainInfo = { id: newChainId(), name: newName, createdAt: t, updatedAt: t, headBlock: head, forkedFrom: { chainId, block } };
    this.chains.set(info.id, { info, scenario: source.scenario, tables: source.tables.prefix(block) });
    return info;
  }

  async getLastSession(): Promise<LastSession | undefined> {
    return this.session && this.chains.has(this.session.chainId) ? this.session : undefined;
  }

  setLastSession(session: LastSession | undefined): void {
    if (session) toStoredBlock(session.block);
    this.session = session && { chainId: session.chainId, block: session.block };
  }

  onFault(listener: (fault: PersistFault) => void): () => void {
    return this.faults.on(listener);
  }

  /** Lets the factory report why it chose memory (e.g. 'unavailable') through the same stream. */
  emitFault(fault: PersistFault): void {
    this.faults.emit(fault);
  }

  async close(): Promise<void> {}
}
