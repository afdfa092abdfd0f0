// Main-thread side of the engine: starts the worker and wraps it with comlink.
// Latest call wins for queries (scrub, inspect): only the newest waiting one runs. Edits never get dropped: they queue.
import * as Comlink from 'comlink';
import type { EngineApi, InspectView, RunProgress, SessionEdit, SessionView } from './api.ts';
import type { ChainApi } from './chain-api.ts';
import type { CompareApi } from './compare-api.ts';
import type { EpochInput, EpochOutput } from '../model/epoch.ts';

export type { Csr, CsrRaw, EditorState, EpochSummary, InspectView, NeuronMeta, PackedIntermediates, Role, RunProgress, SessionEdit, SessionView } from './api.ts';

/** Rejection reason of a call that a newer call replaced before it started. Callers usually ignore it. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer engine call');
    this.name = 'SupersededError';
  }
}

/**
 * Wraps an async function so that calls run one at a time and only the newest waiting call runs next:
 * a call still waiting when a newer one arrives rejects with SupersededError (so calls made in the same
 * tick collapse to the last). A call that has started always finishes and settles normally.
 */
export function latestWins<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let running: Promise<unknown> = Promise.resolve();
  let waiting: object | undefined;
  let rejectWaiting: ((e: Error) => void) | undefined;
  return (...args) => {
    rejectWaiting?.(new SupersededError());
    const me = {};
    waiting = me;
    return new Promise<R>((resolve, reject) => {
      rejectWaiting = reject;
      running = running.then(async () => {
        if (waiting !== me) return; // superseded while queued: already rejected
        waiting = rejectWaiting = undefined;
        // A function that throws instead of rejecting still settles its caller and leaves the queue running.
        await new Promise<R>((run) => run(fn(...args))).then(resolve, reject);
      });
    });
  };
}

/** The engine as the page's state layer sees it. Every SessionView goes to `onView` first, in the order the worker answered. */
export interface EngineClient {
  /** Runs one epoch in the worker (latest wins, see latestWins). */
  runEpoch(input: EpochInput, options?: { intermediates?: boolean }): Promise<EpochOutput>;
  version(): Promise<string>;
  load(text: string, label: string): Promise<SessionView>;
  edit(edit: SessionEdit): Promise<SessionView>;
  run(count: number, onProgress?: (p: RunProgress) => void): Promise<SessionView>;
  cancel(): Promise<void>;
  undo(): Promise<SessionView>;
  redo(): Promise<SessionView>;
  /** Latest wins: a scrub still waiting when a newer one comes is superseded. */
  jump(epoch: number): Promise<SessionView>;
  /** Latest wins. */
  inspect(epoch: number): Promise<InspectView>;
  exportTrace(): Promise<string>;
  exportCsv(): Promise<string>;
  resync(): Promise<SessionView>;
  /** The subnet the user left on an earlier visit (IndexedDB), or the one a load replaced ('previous'); null if none. */
  restoreDraft(slot?: 'current' | 'previous'): Promise<SessionView | null>;
  previousDraft(): Promise<{ name: string; savedAt: number } | null>;
  /** Saves the draft now (when the page is hidden); false when it could not be written. */
  saveDraft(): Promise<boolean>;
  /** Stops the worker; calls still pending never settle. */
  dispose(): void;
}

/** Starts an engine worker. Call once per page; the wasm is compiled on the first call. `onView` sees every view in order. */
export function createEngineClient(onView: (view: SessionView) => void = () => {}): EngineClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const remote = Comlink.wrap<EngineApi>(worker);
  const seen = async (p: Promise<SessionView>) => {
    const view = await p;
    onView(view);
    return view;
  };
  return {
    runEpoch: latestWins((input: EpochInput, options?: { intermediates?: boolean }) => remote.runEpoch(input, options)),
    version: () => remote.version(),
    load: (text, label) => seen(remote.load(text, label)),
    edit: (edit) => seen(remote.edit(edit)),
    run: (count, onProgress) => seen(remote.run(count, onProgress ? Comlink.proxy(onProgress) : undefined)),
    cancel: () => remote.cancel(),
    undo: () => seen(remote.undo()),
    redo: () => seen(remote.redo()),
    jump: latestWins((epoch: number) => seen(remote.jump(epoch))),
    inspect: latestWins((epoch: number) => remote.inspect(epoch)),
    exportTrace: () => remote.exportTrace(),
    exportCsv: () => remote.exportCsv(),
    resync: () => seen(remote.resync()),
    previousDraft: () => remote.previousDraft(),
    restoreDraft: async (slot) => {
      const view = await remote.restoreDraft(slot);
      if (view) onView(view);
      return view;
    },
    saveDraft: () => remote.saveDraft(),
    dispose: () => worker.terminate(),
  };
}

/** A worker of its own for the chain view: the chain API over comlink (stop it with `terminate`). */
export function createChainRemote(): { remote: Comlink.Remote<ChainApi>; terminate(): void } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'chain' });
  return { remote: Comlink.wrap<ChainApi>(worker), terminate: () => worker.terminate() };
}

/** A second engine worker for the compare view: its sweeps never hold up the playground's session. */
export function createCompareClient(): CompareApi & { dispose(): void } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'compare' });
  const remote = Comlink.wrap<CompareApi>(worker);
  return {
    exactVsFloat: (request) => remote.exactVsFloat(request),
    sideBySide: (request) => remote.sideBySide(request),
    sweep: (request, onProgress) => remote.sweep(request, onProgress ? Comlink.proxy(onProgress) : undefined),
    cancelSweep: () => remote.cancelSweep(),
    dispose: () => worker.terminate(),
  };
}
