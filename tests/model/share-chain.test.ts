// Whole chains in share links: every chain preset (spec/chain.md §5.8) is a test case: preset → link → decode gives the
// identical scenario, and stepping both a few blocks gives the identical state hash. A chain the chain view exported
// (actions at the start block and after) survives the link too; a chain too large for a link gets the file fallback.
import { beforeAll, describe, expect, it } from 'vitest';
import { stateHash } from '../../src/chain/hash.ts';
import { loadChainEnginesNode } from '../../src/chain/node-math.ts';
import { benchmarkScenario } from '../../src/chain/presets/benchmark.ts';
import { CHAIN_PRESETS } from '../../src/chain/presets/index.ts';
import { runScenario } from '../../src/chain/run.ts';
import type { ChainEngines } from '../../src/chain/state.ts';
import { restoreScenario, serializeScenario, type Scenario } from '../../src/model/scenario.ts';
import { MAX_SHARE_LENGTH, decodeShare, encodeShare } from '../../src/model/share.ts';
import { chainOf, validChainDoc } from './chain-fixture.ts';

let engines: ChainEngines;
beforeAll(async () => {
  engines = await loadChainEnginesNode();
});

const hashOf = (s: Scenario) => {
  const link = encodeShare(s);
  if (!('hash' in link)) throw new Error(`too large: ${link.bytes} > ${link.limit}`);
  return link.hash;
};

/** State hashes after each of the first `blocks` blocks. */
const hashes = (s: Scenario, blocks: number) => {
  const out: string[] = [];
  runScenario(chainOf(s), engines, { blocks, onBlock: (_, state) => out.push(stateHash(state)) });
  return out;
};

describe(encodeShare, () => {
  it.each(Object.keys(CHAIN_PRESETS))('round-trips the %s chain preset: the same scenario and the same state hashes', (id) => {
    const s = restoreScenario(CHAIN_PRESETS[id as keyof typeof CHAIN_PRESETS].doc, `${id}.json`);
    const hash = hashOf(s);
    expect(hash).toMatch(/^#v1\/[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH);
    const opened = decodeShare(hash);
    expect(opened).toEqual(s);
    expect(serializeScenario(opened)).toBe(serializeScenario(s));
    const expected = hashes(s, 5);
    expect(expected).toHaveLength(5);
    expect(new Set(expected).size).toBe(5); // each block changes the state: the comparison below is not vacuous
    expect(hashes(opened, 5)).toEqual(expected);
  });

  it('round-trips a chain with every field and op, and the link runs to the same state as the document', () => {
    const s = restoreScenario(validChainDoc());
    const opened = decodeShare(hashOf(s));
    expect(opened).toEqual(s);
    const blocks = chainOf(s).blocks;
    expect(hashes(opened, blocks)).toEqual(hashes(s, blocks));
  });

  it('is shorter than the chain’s JSON: links pack numbers into streams before deflate', () => {
    const s = restoreScenario(CHAIN_PRESETS['commit-reveal-vs-copying'].doc);
    expect(hashOf(s).length).toBeLessThan(serializeScenario(s).length / 4);
  });

  it('answers tooLarge for a chain of 8 full subnets, whose file is still a valid scenario', () => {
    const s = restoreScenario(benchmarkScenario(8, 256, 64, 10));
    const link = encodeShare(s);
    expect(link).toMatchObject({ tooLarge: true, limit: MAX_SHARE_LENGTH });
    if (!('tooLarge' in link)) throw new Error('fits');
    expect(link.bytes).toBeGreaterThan(MAX_SHARE_LENGTH);
    expect(restoreScenario(serializeScenario(s))).toEqual(s);
  });
});
