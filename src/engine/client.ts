// Main-thread side of the engine: starts the worker and wraps it with comlink.
// Latest call wins: while one epoch runs, only the newest waiting request is kept; older waiting ones are superseded.
import * as Comlink from 'comlink';
import type { EngineApi } from './api.ts';
import type { EpochInput, EpochOutput } from '../model/epoch.ts';

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
        await fn(...args).then(resolve, reject);
      });
    });
  };
}

/** The engine as the UI sees it. */
export interface EngineClient {
  /** Runs one epoch in the worker (latest wins, see latestWins). */
  runEpoch(input: EpochInput, options?: { intermediates?: boolean }): Promise<EpochOutput>;
  version(): Promise<string>;
  /** Stops the worker; calls still pending never settle. */
  dispose(): void;
}

/** Starts an engine worker. Call once per page; the wasm is compiled on the first call. */
export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const remote = Comlink.wrap<EngineApi>(worker);
  return {
    runEpoch: latestWins((input: EpochInput, options?: { intermediates?: boolean }) => remote.runEpoch(input, options)),
    version: () => remote.version(),
    dispose: () => worker.terminate(),
  };
}
