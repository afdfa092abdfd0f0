// ChainStore on IndexedDB, with a write-behind buffer: history writes land in memory at once (and every read sees them),
// then a debounced flush writes them in one transaction. Entries leave the buffer only once durable, so a failed flush
// (quota) loses nothing. If the connection is lost (another tab upgrades, the browser drops it) the store carries on in
// memory, seeded with what it knows (connection.ts). Reads capture the buffer when called, so they see all earlier calls.
import { StoreConnection } from './connection.ts';
import { Debouncer } from './debounce.ts';
import { deleteChainRecords, forkChain, insertChain, truncateChain, writeBuffered } from './idb-write.ts';
import { ChainStoreError, FaultHub, isQuotaError, makeFault, unexpectedFault, type PersistFault } from './fault.ts';
import { readActions, readChain, readChainByName, readChains, readEpochs, readNearestSnapshot, readScenario, readSession } from './idb-read.ts';
import { byRecency, type MemoryChainStore, type MemorySeed } from './memory-store.ts';
import { chainFromStored, chainToStored, checkWrite, newChainId, toStoredBlock } from './records.ts';
import type { ChainDatabase } from './schema.ts';
import { mergeSorted } from './tables.ts';
import type { ActionEntry, ChainId, ChainInfo, ChainStore, ChainWrite, EpochEntry, LastSession, PayloadChecks, SavedChain, SnapshotEntry } from './types.ts';
import { WriteBuffer } from './write-buffer.ts';

export interface IdbStoreOptions {
  /** Payload schema checks run on every record read. */
  readonly checks?: PayloadChecks;
  /** Quiet time before a buffered write is flushed. Default 250 ms. */
  readonly debounceMs?: number;
  /** Longest a buffered write waits while writes keep coming. Default 2000 ms. */
  readonly maxWaitMs?: number;
  readonly now?: () => number;
}

export class IdbChainStore<S, A, Snap, E> implements ChainStore<S, A, Snap, E> {
  private readonly connection: StoreConnection<S, A, Snap, E>;
  private readonly buffer = new WriteBuffer<A, Snap, E>();
  private lastSession: LastSession | undefined;
  /** Chains seen this session (write() accepts only these) and the scenarios read or written: the seed of a memory fallback. */
  private readonly known = new Map<ChainId, ChainInfo>();
  private readonly scenarios = new Map<ChainId, S>();
  private readonly debouncer: Debouncer;
  private readonly checks: PayloadChecks;
  private readonly now: () => number;

  /** `faults` is shared with the opener, so faults raised while opening reach the same listeners. Call attach() next. */
  constructor(
    private readonly faults: FaultHub,
    options: IdbStoreOptions = {},
  ) {
    this.checks = options.checks ?? {};
    this.now = options.now ?? Date.now;
    const flushLater = () => void this.flush().catch((e: unknown) => this.unexpected(e));
    this.debouncer = new Debouncer(flushLater, options.debounceMs ?? 250, options.maxWaitMs ?? 2000);
    this.connection = new StoreConnection(faults, (db) => this.handOver(db), this.now);
  }

  /** Starts serving from `db` and loads the chain list (so write() knows every saved chain). */
  async attach(db: ChainDatabase): Promise<void> {
    this.connection.attach(db);
    for (const info of await readChains(db, this.report)) this.known.set(info.id, info);
  }

  get backend(): 'indexeddb' | 'memory' {
    return this.connection.backend;
  }

  /** Switches to memory for the rest of the session (the connection closed or must close) and reports why. */
  lose(kind: 'versionchange' | 'unavailable', cause?: unknown): void {
    this.connection.lose(kind, cause);
  }

  /**
   * On fallback: what this session knows (chain list, scenarios read, the buffer) becomes the memory store. If the
   * database is still open (another tab asked us to close), the buffer is written in a last transaction first.
   */
  private handOver(lastChance: ChainDatabase | undefined): MemorySeed<S, A, Snap, E> {
    this.debouncer.cancel();
    if (lastChance && !this.buffer.isEmpty) {
      const plan = this.buffer.plan();
      writeBuffered(lastChance, plan.chains, plan.session, this.now(), this.report).catch(() => {}); // best effort; memory keeps it all
    }
    const session = this.buffer.bufferedSession();
    const chains = [...this.known.values()].map((info) => ({ info: this.buffer.overlay(info), scenario: this.scenarios.get(info.id), tables: this.buffer.take(info.id) }));
    this.buffer.clear();
    return { chains, session: session ? session.value : this.lastSession };
  }

  private readonly report = (store: string, key: IDBValidKey): void => {
    const text = JSON.stringify(key);
    this.faults.emitOnce(`corrupt ${store} ${text}`, makeFault('corrupt', { record: { store, key: text } }));
  };

  private unexpected(e: unknown): void {
    console.error('persist: saving failed', e);
    this.faults.emitOnce('unexpected', unexpectedFault(e));
  }

  /** Runs `op` in call order on the database; `inMemory` answers instead after a fallback (see StoreConnection.run). */
  private durable<T>(op: (db: ChainDatabase) => Promise<T>, inMemory: (m: MemoryChainStore<S, A, Snap, E>) => Promise<T>): Promise<T> {
    return this.connection.run(op, inMemory);
  }

  async listChains(): Promise<ChainInfo[]> {
    return this.durable(
      async (db) => {
        const infos = await readChains(db, this.report);
        for (const info of infos) this.known.set(info.id, info);
        return infos.map((info) => this.buffer.overlay(info)).sort(byRecency);
      },
      (m) => m.listChains(),
    );
  }

  async getChain(chainId: ChainId): Promise<SavedChain<S> | undefined> {
    return this.durable(
      async (db) => {
        const info = await readChain(db, chainId, this.report);
        const scenario = info && (await readScenario(db, chainId, this.checks, this.report));
        if (!info || !scenario) return undefined;
        this.known.set(chainId, info);
        this.scenarios.set(chainId, structuredClone(scenario.value as S));
        return { ...this.buffer.overlay(info), scenario: scenario.value as S };
      },
      (m) => m.getChain(chainId),
    );
  }

  async findChain(name: string): Promise<ChainInfo | undefined> {
    return this.durable(
      async (db) => {
        const info = await readChainByName(db, name, this.report);
        if (info) this.known.set(info.id, info);
        return info && this.buffer.overlay(info);
      },
      (m) => m.findChain(name),
    );
  }

  async createChain(name: string, scenario: S): Promise<ChainInfo> {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('persist: a chain name must be a non-empty string');
    const t = this.now();
    const info: ChainInfo = { id: newChainId(), name, createdAt: t, updatedAt: t, headBlock: undefined };
    const copy = structuredClone(scenario);
    return this.durable(
      async (db) => {
        await insertChain(db, chainToStored(info), copy);
        this.known.set(info.id, info);
        this.scenarios.set(info.id, copy);
        return info;
      },
      (m) => m.createChain(name, scenario),
    );
  }

  async deleteChain(chainId: ChainId): Promise<void> {
    this.buffer.forget(chainId);
    this.known.delete(chainId);
    this.scenarios.delete(chainId);
    if (this.lastSession?.chainId === chainId) this.lastSession = undefined;
    return this.durable(
      async (db) => {
        await deleteChainRecords(db, chainId);
        if (this.hasUnsaved()) this.debouncer.poke(); // space was freed: retry what a full disk refused
      },
      (m) => m.deleteChain(chainId),
    );
  }

  write(batch: ChainWrite<A, Snap, E>): void {
    if (this.connection.memory) return this.connection.memory.write(batch);
    if (!this.known.has(batch.chainId)) throw new ChainStoreError('not-found', `persist: no chain ${batch.chainId}`);
    checkWrite(batch);
    this.buffer.apply(batch, this.now());
    this.debouncer.poke();
  }

  async flush(): Promise<boolean> {
    this.debouncer.cancel();
    return this.durable((db) => this.flushTo(db), (m) => m.flush());
  }

  private async flushTo(db: ChainDatabase): Promise<boolean> {
    if (this.buffer.isEmpty) return true;
    const plan = this.buffer.plan();
    const now = this.now();
    let outcome: { gone: Set<string>; skipped: Set<string> };
    try {
      outcome = await writeBuffered(db, plan.chains, plan.session, now, this.report);
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      this.faults.emitOnce('quota', makeFault('quota', { cause: e }));
      return false;
    }
    this.faults.rearm('quota');
    this.faults.rearm('unexpected');
    this.buffer.settle(plan, (chainId) => !outcome.skipped.has(chainId), outcome.gone);
    for (const c of plan.chains) {
      const info = this.known.get(c.chainId);
      if (outcome.gone.has(c.chainId)) this.known.delete(c.chainId);
      else if (info && !outcome.skipped.has(c.chainId)) this.known.set(c.chainId, { ...info, updatedAt: now, headBlock: c.head ?? info.headBlock });
    }
    return outcome.skipped.size === 0;
  }

  hasUnsaved(): boolean {
    return !this.buffer.isEmpty;
  }

  async nearestSnapshot(chainId: ChainId, block: bigint): Promise<SnapshotEntry<Snap> | undefined> {
    const at = toStoredBlock(block);
    const mine = this.buffer.nearestSnapshot(chainId, block);
    return this.durable(
      async (db) => {
        const stored = await readNearestSnapshot<Snap>(db, chainId, at, this.checks, this.report);
        return mine && (!stored || mine.block >= stored.block) ? structuredClone(mine) : stored;
      },
      (m) => m.nearestSnapshot(chainId, block),
    );
  }

  async actionsBetween(chainId: ChainId, fromBlock: bigint, toBlock: bigint): Promise<ActionEntry<A>[]> {
    const [from, to] = [toStoredBlock(fromBlock), toStoredBlock(toBlock)];
    if (from > to) return [];
    const mine = this.buffer.actionsBetween(chainId, fromBlock, toBlock);
    return this.durable(
      async (db) => mergeSorted(await readActions<A>(db, chainId, from, to, this.checks, this.report), structuredClone(mine), (v) => v.seq),
      (m) => m.actionsBetween(chainId, fromBlock, toBlock),
    );
  }

  async epochResults(chainId: ChainId, fromBlock: bigint, toBlock: bigint, netuid?: number): Promise<EpochEntry<E>[]> {
    const [from, to] = [toStoredBlock(fromBlock), toStoredBlock(toBlock)];
    if (from > to) return [];
    const mine = this.buffer.epochResults(chainId, fromBlock, toBlock, netuid);
    return this.durable(
      async (db) => mergeSorted(await readEpochs<E>(db, chainId, from, to, netuid, this.checks, this.report), structuredClone(mine), (v) => v.netuid),
      (m) => m.epochResults(chainId, fromBlock, toBlock, netuid),
    );
  }

  async truncateAfter(chainId: ChainId, block: bigint): Promise<void> {
    const at = toStoredBlock(block);
    this.buffer.truncateAfter(chainId, block);
    return this.durable(
      async (db) => {
        await truncateChain(db, chainId, at, this.now());
        const info = await readChain(db, chainId, this.report);
        if (info) this.known.set(chainId, info);
      },
      (m) => m.truncateAfter(chainId, block),
    );
  }

  async forkAs(chainId: ChainId, block: bigint, newName: string): Promise<ChainInfo> {
    const at = toStoredBlock(block);
    if (typeof newName !== 'string' || newName.length === 0) throw new TypeError('persist: a chain name must be a non-empty string');
    const prefix = this.buffer.prefix(chainId, block);
    const t = this.now();
    const fork = { id: newChainId(), name: newName, createdAt: t, updatedAt: t, forkedFrom: { chainId, block: at } };
    return this.durable(
      async (db) => {
        const info = chainFromStored(await forkChain(db, chainId, at, fork, prefix, this.checks, this.report));
        this.known.set(info.id, info);
        const scenario = this.scenarios.get(chainId);
        if (scenario !== undefined) this.scenarios.set(info.id, scenario);
        return info;
      },
      (m) => m.forkAs(chainId, block, newName),
    );
  }

  async getLastSession(): Promise<LastSession | undefined> {
    const mine = this.buffer.bufferedSession();
    return this.durable(
      async (db) => {
        const session = mine ? mine.value : await readSession(db, this.report);
        const exists = session !== undefined && (await readChain(db, session.chainId, this.report)) !== undefined;
        if (exists) this.lastSession = session;
        return exists ? session : undefined;
      },
      (m) => m.getLastSession(),
    );
  }

  setLastSession(session: LastSession | undefined): void {
    if (this.connection.memory) return this.connection.memory.setLastSession(session);
    if (session) toStoredBlock(session.block);
    const value = session && { chainId: session.chainId, block: session.block };
    this.buffer.setSession(value);
    this.lastSession = value;
    this.debouncer.poke();
  }

  onFault(listener: (fault: PersistFault) => void): () => void {
    return this.faults.on(listener);
  }

  async close(): Promise<void> {
    await this.flush().catch((e: unknown) => this.unexpected(e));
    this.debouncer.cancel();
    await this.connection.close();
  }
}
