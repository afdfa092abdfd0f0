// Replays every golden trace in subtensor/traces/ with each engine and checks subtensor's asserted values and the
// exact derived result (README.md here). Adding a vector is adding two files; no code changes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EpochEngine } from '../../src/model/epoch.ts';
import { replayTrace, toResultJson } from '../../src/model/replay.ts';
import { parseTraceBytes } from '../../src/model/trace.ts';
import { checkAsserted, diffDerived, type Assertion } from './asserted.ts';

const DIR = join(import.meta.dirname, 'subtensor', 'traces');
const files = readdirSync(DIR).sort();
const traces = files.filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).map((f) => f.slice(0, -'.json'.length));

/** Each engine in its own block; a missing engine module fails its block (never skips it). */
const ENGINES: Record<string, () => Promise<EpochEngine>> = {
  wasm: async () => (await import('../../src/engine/node-loader.ts')).loadWasmEngineNode(),
  oracle: async () => (await import('../../src/oracle/index.ts')).oracleEngine,
};

it('has an expected file for every trace and a trace for every expected file', () => {
  const expected = files.filter((f) => f.endsWith('.expected.json')).map((f) => f.slice(0, -'.expected.json'.length));
  expect(traces.length).toBeGreaterThanOrEqual(47);
  expect(expected).toEqual(traces);
});

describe(replayTrace, () => {
  for (const [engineName, load] of Object.entries(ENGINES)) {
    describe(`${engineName} engine`, () => {
      // Loaded by the first test and awaited by every test, so a missing engine fails each one (a hook would skip them).
      let loading: Promise<EpochEngine> | undefined;

      it.each(traces)('reproduces %s', async (name) => {
        const engine = await (loading ??= load());
        const trace = parseTraceBytes(readFileSync(join(DIR, `${name}.json`)), name);
        const { asserted, derived } = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8'));
        const result = toResultJson(replayTrace(trace, engine));
        const epochs = result.epochs as Parameters<typeof checkAsserted>[0];
        expect(checkAsserted(epochs, asserted as Assertion[]).map((f) => `${name}: ${f}`), 'asserted checks that fail').toEqual([]);
        expect(diffDerived(epochs, derived.epochs).map((f) => `${name}: ${f}`), 'differences from derived').toEqual([]);
        expect(result.name).toBe(derived.name);
      });
    });
  }
});
