// The engine's one door: what the worker exposes and the client calls. A plain object factory,
// so tests can call it directly in node. Knows nothing of comlink, workers, the DOM or the UI.
import type { EpochEngine, EpochInput, EpochOutput } from '../model/epoch.ts';
import { createWasmEngine } from './wasm-epoch.ts';

/** The remote contract. Values cross the worker boundary by structured clone (bigint included). */
export interface EngineApi {
  /** Runs one epoch; pure (same input, same output). `intermediates` adds every spec §4 step to the output. */
  runEpoch(input: EpochInput, options?: { intermediates?: boolean }): Promise<EpochOutput>;
  /** The engine's name, for display and for keying cached results. */
  version(): Promise<string>;
}

/**
 * Builds the API around a compiled engine module. `loadModule` runs once, on the first call (never at
 * import time, so the worker exposes the API before any await). A failed load is retried on the next call.
 */
export function makeEngineApi(
  loadModule: () => Promise<WebAssembly.Module>,
  createEngine: (module: WebAssembly.Module) => Promise<EpochEngine> = createWasmEngine,
): EngineApi {
  let engine: Promise<EpochEngine> | undefined;
  const get = () =>
    (engine ??= loadModule()
      .then(createEngine)
      .catch((e: unknown) => {
        engine = undefined;
        throw e;
      }));
  return {
    async runEpoch(input, options) {
      return (await get()).runEpoch(input, options);
    },
    async version() {
      return (await get()).name;
    },
  };
}
