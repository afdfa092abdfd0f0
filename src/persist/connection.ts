// Where the IndexedDB store's durable operations run: on the database, one at a time in call order, or, once the
// connection is lost or refused, on a memory store for the rest of the session. Turns storage errors into faults.
import { FaultHub, PersistFaultError, isConnectionLost, isQuotaError, makeFault } from './fault.ts';
import { MemoryChainStore, type MemorySeed } from './memory-store.ts';
import type { ChainDatabase } from './schema.ts';

export class StoreConnection<S, A, Snap, E> {
  private db: ChainDatabase | undefined;
  private memoryStore: MemoryChainStore<S, A, Snap, E> | undefined;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `handOver` is called once, on fallback, for everything the memory store should start with. It gets the database
   * while it is still open: a transaction it starts synchronously still commits (close() lets it finish first).
   */
  constructor(
    private readonly faults: FaultHub,
    private readonly handOver: (lastChance: ChainDatabase | undefined) => MemorySeed<S, A, Snap, E>,
    private readonly now: () => number,
  ) {}

  attach(db: ChainDatabase): void {
    this.db = db;
  }

  get backend(): 'indexeddb' | 'memory' {
    return this.db ? 'indexeddb' : 'memory';
  }

  /** The memory store after a fallback; undefined while the database serves. */
  get memory(): MemoryChainStore<S, A, Snap, E> | undefined {
    return this.memoryStore;
  }

  /** Switches to memory for the rest of the session (the connection closed or must close) and reports why. */
  lose(kind: 'versionchange' | 'unavailable', cause?: unknown): void {
    if (this.memoryStore || this.closed) return;
    const db = this.db;
    this.db = undefined;
    this.memoryStore = new MemoryChainStore<S, A, Snap, E>(this.handOver(db), this.now);
    db?.close();
    this.faults.emit(makeFault(kind, { cause }));
  }

  /**
   * Queues `op` behind every earlier operation. A quota error becomes a 'quota' fault and a PersistFaultError; a lost
   * connection switches to memory and answers from `inMemory`, as does a connection already in memory mode.
   */
  run<T>(op: (db: ChainDatabase) => Promise<T>, inMemory: (m: MemoryChainStore<S, A, Snap, E>) => Promise<T>): Promise<T> {
    const task = async (): Promise<T> => {
      const db = this.db;
      if (db) {
        try {
          return await op(db);
        } catch (e) {
          if (isQuotaError(e)) {
            const fault = makeFault('quota', { cause: e });
            this.faults.emit(fault);
            throw new PersistFaultError(fault);
          }
          if (!isConnectionLost(e)) throw e;
          this.lose('unavailable', e);
        }
      }
      if (!this.memoryStore) throw new Error('persist: the store is closed');
      return inMemory(this.memoryStore);
    };
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => {});
    return result;
  }

  /** Waits for queued operations, then releases the database. Later operations reject (or run in memory after a fallback). */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    this.db?.close();
    this.db = undefined;
  }
}
