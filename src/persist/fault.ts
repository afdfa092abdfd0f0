// Faults: what went wrong with storage, in words for the UI, and the listener list that carries them.
// Also the two error classes callers may catch. No IndexedDB access here.

/** quota: storage full · blocked: an older tab holds the database · corrupt: a record failed its schema check ·
 *  unavailable: no IndexedDB (or it broke) · versionchange: another tab upgraded or deleted the database. */
export type PersistFaultKind = 'quota' | 'blocked' | 'corrupt' | 'unavailable' | 'versionchange';

/** One storage problem. `message` is a complete sentence or two for the user: what happened, what still works. */
export interface PersistFault {
  readonly kind: PersistFaultKind;
  readonly message: string;
  /** For 'corrupt': which record was skipped (store name and key, as text). */
  readonly record?: { readonly store: string; readonly key: string };
  /** The underlying exception, for the console. */
  readonly cause?: unknown;
}

const MESSAGES: Record<PersistFaultKind, string> = {
  quota:
    'Browser storage is full, so recent changes are not saved yet. The playground keeps running in memory; ' +
    'delete old chains to free space and saving resumes.',
  blocked:
    'Another Yuma Playground tab is open with an older version. Close it and reload this tab to save your chains; ' +
    'until then this tab keeps its changes in memory only.',
  corrupt: 'A saved record could not be read and was skipped. Your other saved data is untouched.',
  unavailable:
    'This browser does not allow saving here (IndexedDB is unavailable, e.g. in private browsing). ' +
    'The playground works, but chains are kept in memory and lost on reload.',
  versionchange:
    'Saved data was upgraded or cleared by another Yuma Playground tab. Reload this tab to keep saving; ' +
    'until then its changes stay in memory.',
};

/** Builds a fault with the standard message for its kind, or `message` instead when given. */
export function makeFault(kind: PersistFaultKind, extra: { message?: string; record?: PersistFault['record']; cause?: unknown } = {}): PersistFault {
  const message = extra.message ?? MESSAGES[kind];
  return { kind, message, ...(extra.record && { record: extra.record }), ...(extra.cause !== undefined && { cause: extra.cause }) };
}

/** The fault for an error nobody expected while saving (kind 'unavailable': saving is not working right now). */
export function unexpectedFault(e: unknown): PersistFault {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const message = `Saving failed unexpectedly (${what}). The playground keeps running; recent changes stay in memory until a save succeeds.`;
  return makeFault('unavailable', { message, cause: e });
}

/** A misuse the caller can fix: an unknown chain id, or a name already in use. Never a storage fault. */
export class ChainStoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'name-taken',
    message: string,
  ) {
    super(message);
    this.name = 'ChainStoreError';
  }
}

/** Rejection of a durable operation (create, fork, truncate, delete) that storage refused; the fault was also emitted. */
export class PersistFaultError extends Error {
  constructor(readonly fault: PersistFault) {
    super(fault.message, { cause: fault.cause });
    this.name = 'PersistFaultError';
  }
}

const errorName = (e: unknown): string | undefined => (e instanceof Error || e instanceof DOMException ? e.name : undefined);

/** True for every spelling of "storage full": the standard name, the legacy code 22, Firefox's NS_ERROR name. */
export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  const code = (e as { code?: unknown } | null)?.code;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** True when the connection itself is gone (closed by versionchange, or lost by the browser): fall back to memory. */
export function isConnectionLost(e: unknown): boolean {
  const name = errorName(e);
  return name === 'InvalidStateError' || name === 'UnknownError';
}

/** The listener list behind onFault. A throwing listener cannot stop the others or the store. */
export class FaultHub {
  private readonly listeners = new Set<(fault: PersistFault) => void>();
  private readonly once = new Set<string>();

  on(listener: (fault: PersistFault) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(fault: PersistFault): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(fault);
      } catch (e) {
        console.error('persist: a fault listener threw', e);
      }
    }
  }

  /** Emits only the first fault with this key (e.g. one 'corrupt' per record, one 'quota' per episode). */
  emitOnce(key: string, fault: PersistFault): void {
    if (this.once.has(key)) return;
    this.once.add(key);
    this.emit(fault);
  }

  /** Lets emitOnce(key) report again (e.g. after a successful flush ends a quota episode). */
  rearm(key: string): void {
    this.once.delete(key);
  }
}
