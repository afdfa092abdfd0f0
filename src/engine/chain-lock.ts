// One writer per saved chain: the worker holds a Web Lock named after the chain it has open, for as long as that chain
// is its session, so a second tab (its own worker, same origin) sees the lock taken and opens the chain read-only.
// The lock manager is injected (chain-api.ts); nothing here knows the store or the page.

/** The part of the Web Locks API used here (`navigator.locks` in a window or a worker). */
export interface LockProvider {
  request<T>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: object | null) => T | Promise<T>): Promise<T>;
}

/** A lock this worker holds; `release` lets it go (a second call does nothing). */
export interface HeldLock {
  readonly chainId: string;
  release(): void;
}

/**
 * Grants every request at once. Node (unit tests, the CLI) has no `navigator.locks` and no second tab to exclude,
 * so there a chain is always writable; tests that need two tabs inject a real exclusive fake instead.
 */
export const ALWAYS_GRANT: LockProvider = { request: async (_name, _options, callback) => callback({}) };

/** `navigator.locks` where the platform has it (browsers, in windows and workers), else ALWAYS_GRANT. */
export function platformLocks(): LockProvider {
  const nav = (globalThis as { navigator?: { locks?: LockProvider } }).navigator;
  return nav?.locks ?? ALWAYS_GRANT;
}

/** The lock's name: one per saved chain id (ids never change; a rename is a copy under a new id). */
export const chainLockName = (chainId: string): string => `yuma-playground:chain:${chainId}`;

function hold(locks: LockProvider, chainId: string, options: { ifAvailable?: boolean; signal?: AbortSignal }): Promise<HeldLock | null> {
  return new Promise((resolve, reject) => {
    locks
      .request(chainLockName(chainId), options, (lock) => {
        if (!lock) return resolve(null);
        // The lock is held until this promise settles: release() settles it.
        return new Promise<void>((release) => resolve({ chainId, release: () => release() }));
      })
      .catch(reject);
  });
}

/** Holds `chainId`'s lock now if no one else does; null when another tab has it. */
export const tryHoldChain = (locks: LockProvider, chainId: string): Promise<HeldLock | null> => hold(locks, chainId, { ifAvailable: true });

/** Waits until `chainId`'s lock is free, then holds it. Rejects (AbortError) when `signal` aborts first. */
export const waitForChain = (locks: LockProvider, chainId: string, signal: AbortSignal): Promise<HeldLock> =>
  hold(locks, chainId, { signal }) as Promise<HeldLock>;

/**
 * The lock of the worker's open chain: kept while that chain is the session, released when another is opened, the chain
 * is deleted or the API closes (and by the browser when the worker ends). While another tab has it, a wait runs.
 */
export class OpenChainLock {
  private held: HeldLock | null = null;
  /** Granted by the wait, not yet kept (the takeover is queued behind the call in progress). */
  private freed: HeldLock | null = null;
  private waiting: AbortController | null = null;

  constructor(private readonly locks: LockProvider) {}

  /** `chainId`'s lock: the one kept or freed here, else a new one if no other tab has it, else null. Keeps nothing. */
  async claim(chainId: string): Promise<HeldLock | null> {
    if (this.held?.chainId === chainId) return this.held;
    if (this.freed?.chainId === chainId) return this.freed;
    return tryHoldChain(this.locks, chainId);
  }

  holds(chainId: string): boolean {
    return this.held?.chainId === chainId;
  }

  /** Keeps `lock` (null: none) as the open chain's; any other lock held or waited for is let go. */
  keep(lock: HeldLock | null): void {
    this.waiting?.abort();
    this.waiting = null;
    for (const other of [this.held, this.freed]) if (other && other !== lock) other.release();
    this.held = lock;
    this.freed = null;
  }

  /** Lets go of a claimed lock that was not kept (a failed open, a rename or delete of a chain not open here). */
  drop(lock: HeldLock | null): void {
    if (lock && lock !== this.held && lock !== this.freed) lock.release();
  }

  /** Waits for `chainId`'s lock (after keep(null)); when the other tab lets go, `onFree` is called with it, once. */
  wait(chainId: string, onFree: (lock: HeldLock) => void): void {
    const ctl = new AbortController();
    this.waiting = ctl;
    waitForChain(this.locks, chainId, ctl.signal).then(
      (lock) => {
        if (this.waiting !== ctl) return lock.release();
        this.waiting = null;
        this.freed = lock;
        onFree(lock);
      },
      () => undefined, // aborted: another chain was opened here
    );
  }
}
