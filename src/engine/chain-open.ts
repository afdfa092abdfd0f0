// The worker's open chain and its lock (chain-lock.ts): a saved chain opens writable with its lock, or read-only while
// another tab has it; the session is taken over when that tab lets go (on its own, or at the next write); the lock
// follows forks into a new chain and renames; renames and deletes of a chain another tab has open are refused.
import type { ChainEngines } from '../chain/state.ts';
import type { Scenario } from '../chain/scenario.ts';
import type { SavedChain } from '../persist/index.ts';
import { OpenChainLock, type HeldLock, type LockProvider } from './chain-lock.ts';
import type { ScenarioDoc, SessionStore } from './chain-records.ts';
import type { CancelToken } from './chain-run.ts';
import { ChainSession, readOnlyMessage, type SessionOptions } from './chain-session.ts';

/** What every queued call of the chain API gets (chain-api.ts `exclusive`). */
export interface CallContext {
  store: SessionStore;
  engines: ChainEngines;
  token?: CancelToken;
}

export class OpenChain {
  session: ChainSession | undefined;
  /** Called with the chain id after a takeover (the session reopened writable, or gone when the other tab deleted it). */
  onTakeover: ((chainId: string) => void) | undefined;
  private readonly lock: OpenChainLock;

  /** `queue` runs a takeover in turn with the API's calls, never in the middle of one. */
  constructor(
    locks: LockProvider,
    private readonly options: (store: SessionStore, engines: ChainEngines) => SessionOptions,
    private readonly queue: (fn: (ctx: CallContext) => Promise<void>) => Promise<void>,
  ) {
    this.lock = new OpenChainLock(locks);
  }

  /** The open session; throws when there is none. */
  get(): ChainSession {
    if (!this.session) throw new Error('No chain is open: create one or open a saved chain.');
    return this.session;
  }

  /**
   * Makes saved chain `chainId` the session at `at.block`: writable with its lock (`lock`, else claimed now), or
   * read-only while another tab has it, waiting for that tab to let go. The chain is read after the lock is held.
   */
  async open(ctx: CallContext, chainId: string, at: { block?: bigint; token?: CancelToken; scenario?: Scenario } = {}, lock?: HeldLock | null): Promise<ChainSession> {
    const held = lock === undefined ? await this.lock.claim(chainId) : lock;
    let next: ChainSession;
    try {
      const chain: SavedChain<ScenarioDoc> | undefined = await ctx.store.getChain(chainId);
      if (!chain) throw new Error('That chain is no longer saved.');
      next = await ChainSession.open(this.options(ctx.store, ctx.engines), chain, { ...at, readOnly: !held });
    } catch (e) {
      this.lock.drop(held);
      throw e;
    }
    this.session = next;
    this.lock.keep(held);
    if (!held) this.lock.wait(chainId, (l) => void this.queue((c) => this.takeOver(c, l)).catch(() => undefined));
    return next;
  }

  /** The open session for a write: a read-only one is taken over first if the other tab has let go since. */
  async writable(ctx: CallContext): Promise<ChainSession> {
    const s = this.get();
    const lock = s.readOnly ? await this.lock.claim(s.chainId) : null;
    if (lock) await this.takeOver(ctx, lock);
    return this.get();
  }

  /** After a fork into a new chain or a rename the session's chain id changed: hold the new chain's lock. */
  async follow(): Promise<void> {
    const s = this.session;
    if (s && !s.readOnly && !this.lock.holds(s.chainId)) this.lock.keep(await this.lock.claim(s.chainId));
  }

  /**
   * Before renaming or deleting `chainId`: refuses when another tab has it open. Returns the chain and a lock to
   * `release` after the change (null when it is this tab's open chain: its lock is kept).
   */
  async guard(store: SessionStore, chainId: string, doing: string): Promise<{ chain: SavedChain<ScenarioDoc>; lock: HeldLock | null }> {
    const chain = await store.getChain(chainId);
    if (!chain) throw new Error('That chain is no longer saved.');
    if (this.session?.chainId === chainId) {
      if (this.session.readOnly) throw new Error(readOnlyMessage(chain.name, doing));
      return { chain, lock: null };
    }
    const lock = await this.lock.claim(chainId);
    if (!lock) throw new Error(readOnlyMessage(chain.name, doing));
    return { chain, lock };
  }

  /** Lets go of a lock from guard(). */
  release(lock: HeldLock | null): void {
    this.lock.drop(lock);
  }

  /** No chain open: its lock is let go (and any wait stopped). */
  close(): void {
    this.session = undefined;
    this.lock.keep(null);
  }

  /** The other tab let go: reopen the read-only session from the store, writable, at its block. */
  private async takeOver(ctx: CallContext, lock: HeldLock): Promise<void> {
    const s = this.session;
    if (!s?.readOnly || s.chainId !== lock.chainId) return this.lock.drop(lock);
    if (await ctx.store.getChain(s.chainId)) await this.open(ctx, s.chainId, { block: s.block }, lock);
    else {
      this.lock.drop(lock);
      this.close(); // deleted in the other tab
    }
    if (this.onTakeover) void Promise.resolve(this.onTakeover(s.chainId)).catch(() => undefined);
  }
}
