// Old links open forever: every frozen link in fixtures/links/ (subnets and whole chains) decodes to exactly the
// scenario beside it.
// The fixtures were written once, when their link version was introduced, and are NEVER regenerated (see README).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../src/model/scenario.ts';
import { decodeShare } from '../../src/model/share.ts';
import { chainOf } from './chain-fixture.ts';
import { traceOf } from './trace-fixture.ts';

const DIR = new URL('./fixtures/links/', import.meta.url);
const names = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length));

describe(decodeShare, () => {
  it('has the frozen v1 fixtures, each with its expected scenario', () => {
    expect(names.sort()).toEqual([
      'chain-commit-reveal-vs-copying', 'chain-every-action', 'chain-pre-halving', 'every-op', 'single-uid', 'test-bonds', 'typical-8x16', 'yuma3-liquid-alpha',
    ]);
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

  it('opens the chain-every-action link to the values it was written with', () => {
    const chain = chainOf(decodeShare(readFileSync(new URL('chain-every-action.txt', DIR), 'utf8').trim()));
    expect([chain.startBlock, chain.blocks, chain.totalIssuance]).toEqual([100n, 30, 9007199254740993000n]);
    expect(chain.balances.bob).toBe(9007199254740993n);
    expect(chain.actions[0]).toMatchObject({ block: 100n, action: { op: 'add_stake', coldkey: 'bob' } });
    expect(chain.actions.at(-1)?.block).toBe(18446744073709551615n);
    expect([...new Set(chain.actions.map((a) => a.action.op))].sort()).toEqual([
      'add_stake', 'burned_register', 'commit_weights', 'decrease_take', 'increase_take', 'move_stake', 'register_network',
      'remove_stake', 'set_hyperparameter', 'set_root_claim_type', 'set_weights', 'start_call', 'sudo_set', 'trigger_epoch',
    ]);
    expect(chain.subnets[1].firstEmissionBlock).toBeNull();
  });
});
