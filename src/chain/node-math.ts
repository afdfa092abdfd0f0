// Loads the chain math and the epoch engine from the release build in node (CLI, tests, benchmark).
// Node only; the browser worker compiles the same .wasm from a fetch and calls the two create* functions.
import { readFile } from 'node:fs/promises';
import { createWasmEngine } from '../engine/wasm-epoch.ts';
import { createWasmChainMath } from './wasm-chain-math.ts';
import type { ChainEngines } from './state.ts';

interface AsBuild {
  ensureWasm(options: { target?: 'release' | 'debug'; quiet?: boolean }): Promise<string>;
}

/** The WASM epoch engine and chain math, each with its own instance of the same module. */
export async function loadChainEnginesNode(): Promise<ChainEngines> {
  const asbuild = (await import(new URL('../../scripts/asbuild.mjs', import.meta.url).href)) as AsBuild;
  const module = await WebAssembly.compile(await readFile(await asbuild.ensureWasm({ target: 'release', quiet: true })));
  const [epoch, math] = await Promise.all([createWasmEngine(module), createWasmChainMath(module)]);
  return { epoch, math };
}
