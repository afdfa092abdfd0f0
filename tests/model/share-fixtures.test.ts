// Old links open forever: every frozen link in fixtures/links/ decodes to exactly the scenario beside it.
// The fixtures were written once, when their link version was introduced, and are NEVER regenerated (see README).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../src/model/scenario.ts';
import { decodeShare } from '../../src/model/share.ts';
import { traceOf } from './trace-fixture.ts';

const DIR = new URL('./fixtures/links/', import.meta.url);
const names = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length));

describe(decodeShare, () => {
  it('has the frozen v1 fixtures, each with its expected scenario', () => {
    expect(names.sort()).toEqual(['every-op', 'single-uid', 'test-bonds', 'typical-8x16', 'yuma3-liquid-alpha']);
    for (const name of names) expect(readFileSync(new URL(`${name}.txt`, DIR), 'utf8')).toMatch(/^#v1\/[A-Za-z0-9_-]+\n$/);
  });

  it.each(names)('opens the frozen link %s to exactly its scenario', (name) => {
    const link = readFileSync(new URL(`${name}.txt`, DIR), 'utf8').trim();
    const expected = restoreScenario(readFileSync(new URL(`${name}.json`, DIR)), `${name}.json`);
    expect(decodeShare(link)).toEqual(expected);
  });

  it('opens the every-op link to the values it was written with', () => {
    const trace = traceOf(decodeShare(readFileSync(new URL('every-op.txt', DIR), 'utf8').trim()));
    expect(trace.alphaStake).toEqual([1000n, 18446744073709551615n, 0n, 7n]);
    expect(trace.hyperparameters.alphaSigmoidSteepness).toBe(-5);
    expect(trace.steps.map((s) => s.op)).toContain('replace_neuron');
  });
});
