// Loads the research-variant runner in node (CLI, tests, benchmark): builds the .wasm when stale, compiles it,
// wraps it. Node only (reads a file); the browser gets the same module through the engine worker's fetch.
import { readFile } from 'node:fs/promises';
import { createVariantsEngine, type VariantsEngine } from './wasm-variants.ts';

interface AsBuild {
  ensureWasm(options: { target?: 'release' | 'debug'; quiet?: boolean }): Promise<string>;
}

/** The release build of assembly/ as a VariantsEngine (the same .wasm the page runs). Rejects with asc's messages on a compile error. */
export async function loadVariantsEngineNode(): Promise<VariantsEngine> {
  // A URL keeps the plain-JS build helper out of TypeScript's module resolution.
  const asbuild = (await import(new URL('../../scripts/asbuild.mjs', import.meta.url).href)) as AsBuild;
  const wasmPath = await asbuild.ensureWasm({ target: 'release', quiet: true });
  return createVariantsEngine(await WebAssembly.compile(await readFile(wasmPath)));
}
