// Loads the WASM epoch engine in node (CLI, tests, benchmarks): builds the .wasm when stale, compiles it, wraps it.
// Node only (reads a file); the browser gets the same module through the worker's fetch instead.
import { readFile } from 'node:fs/promises';
import type { EpochEngine } from '../model/epoch.ts';
import { createWasmEngine } from './wasm-epoch.ts';

interface AsBuild {
  ensureWasm(options: { target?: 'release' | 'debug'; quiet?: boolean }): Promise<string>;
}

/** The release build of assembly/ as an EpochEngine, the same .wasm the page runs. Rejects with asc's messages on a compile error. */
export async function loadWasmEngineNode(): Promise<EpochEngine> {
  // A URL keeps the plain-JS build helper out of TypeScript's module resolution.
  const asbuild = (await import(new URL('../../scripts/asbuild.mjs', import.meta.url).href)) as AsBuild;
  const wasmPath = await asbuild.ensureWasm({ target: 'release', quiet: true });
  const module = await WebAssembly.compile(await readFile(wasmPath));
  return createWasmEngine(module);
}
