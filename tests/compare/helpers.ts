// Shared by the compare tests: one wasm instance per test file holding the exact engine, its f64 twin and
// the research variants, and the golden trace files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { instantiateEngine, wasmEngineFromExports } from '../../src/engine/wasm-epoch.ts';
import { twinEngineFromExports, type TwinEngine } from '../../src/compare/wasm-twin.ts';
import { variantsEngineFromExports, type VariantsEngine } from '../../src/variants/wasm-variants.ts';
import type { EpochEngine } from '../../src/model/epoch.ts';
import { parseTraceBytes, type Trace } from '../../src/model/trace.ts';
import { engineModule } from '../assembly/engine-module.ts';

export interface Engines { exact: EpochEngine; twin: TwinEngine; variants: VariantsEngine }

let loading: Promise<Engines> | undefined;

/** The three engines over one instance of the release wasm (compiled once per test file). */
export function engines(): Promise<Engines> {
  return (loading ??= (async () => {
    const ex = await instantiateEngine(await engineModule());
    return { exact: wasmEngineFromExports(ex), twin: twinEngineFromExports(ex), variants: variantsEngineFromExports(ex) };
  })());
}

export const TRACES_DIR = join(import.meta.dirname, '..', 'golden', 'subtensor', 'traces');

/** Names of the golden traces (without `.json`). */
export const goldenNames = readdirSync(TRACES_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).map((f) => f.slice(0, -5)).sort();

export function goldenTrace(name: string): Trace {
  return parseTraceBytes(readFileSync(join(TRACES_DIR, `${name}.json`)), name);
}

export const PRESETS = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'golden', 'presets', 'yuma-simulation-cases.json'), 'utf8')) as {
  cases: (Record<string, unknown> & { key: string })[];
  config_presets: Record<string, { versions: Record<string, Record<string, unknown>> }>;
};
