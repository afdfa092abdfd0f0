// yuma-chain/1 reading and writing (docs/chain-format.md): every fault is one `PATH: fault` line, and
// writeScenario omits defaults yet round-trips every preset exactly.
import { describe, expect, it } from 'vitest';
import { CHAIN_PRESETS } from '../../src/chain/presets/index.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { formatDecimal, writeScenario } from '../../src/chain/scenario-write.ts';
import { smallDoc } from './helpers.ts';

const parse = (doc: unknown) => parseScenario(JSON.stringify(doc));
const fault = (doc: unknown) => {
  try {
    parse(doc);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe(parseScenario, () => {
  it('fills every default: the minimal document is a chain with nothing in it', () => {
    const s = parse({ format: 'yuma-chain/1' });
    expect(s).toMatchObject({ startBlock: 0n, totalIssuance: null, subnets: [], actions: [], blocks: 0 });
    expect(s.params.subnetOwnerCut).toBe(11796);
    expect(s.rules).toEqual({ shareRule: 'price_ema_minerburn', injectionCap: 'root_proportion', scheduler: 'stateful' });
  });

  it('reads decimals exactly: "0.18" as a u64 fraction, "0.04" with 32 fractional bits', () => {
    const s = parse(smallDoc({ ema_price: '0.04' }, { params: { tao_weight: '0.18' } }));
    expect(s.params.taoWeight).toBe(3320413933267719291n);
    expect(s.subnets[0].emaPrice).toBe(171798692n);
  });

  it('names the path and the fault of bad input', () => {
    expect(fault({ format: 'yuma-trace/1' })).toBe('format: expected "yuma-chain/1", got string "yuma-trace/1"');
    expect(fault(smallDoc({ tao_reserve: -1 }))).toBe('subnets[0].tao_reserve: negative value -1 for a u64');
    expect(fault(smallDoc({ ema_price: '1/2' }))).toBe('subnets[0].ema_price: expected a non-negative decimal string like "0.25", got string "1/2"');
    expect(fault(smallDoc({ hyperparameters: { tempoo: 1 } }))).toBe('subnets[0].hyperparameters.tempoo: unknown hyperparameter "tempoo"');
    expect(fault(smallDoc({}, { actions: [{ block: 5, op: 'fly' }] }))).toBe('actions[0].op: unknown op "fly"');
    expect(fault(smallDoc({}, { start_block: 10, actions: [{ block: 9, op: 'start_call', coldkey: 'a', netuid: 1 }] }))).toBe('actions[0].block: block 9 is before start_block 10');
    expect(fault(smallDoc({}, { total_issuance: '5' }))).toMatch(/^total_issuance: 5 rao is less than the \d+ rao/);
    expect(fault(smallDoc({ neurons: [{ hotkey: 'v1', coldkey: 'bob', weights: [[7, 1]] }] }))).toBe('subnets[0].neurons[0].weights[0][0]: uid 7 out of range (n = 1)');
    expect(fault(smallDoc({ owner_hotkey: 'v1' }))).toBe('subnets[0].neurons[1].coldkey: hotkey "v1" is owned by "alice", not "bob"');
    expect(fault(smallDoc({}, { subnets: [{ ...(smallDoc().subnets as object[])[0] }, { ...(smallDoc().subnets as object[])[0] }] }))).toMatch(/^subnets\[1\]/);
    expect(fault({ format: 'yuma-chain/1', root: { stakes: [{ hotkey: 'ghost', coldkey: 'x', amount: 1 }] } })).toBe('root.stakes[0].hotkey: unknown hotkey "ghost" (declare it in "hotkeys" or as a neuron)');
    expect(() => parseScenario('{"format": "yuma-chain/1",')).toThrow(/^\$: invalid JSON at line 1, column 27/);
  });
});

describe(writeScenario, () => {
  it('omits every default: the minimal document writes back as itself', () => {
    expect(writeScenario(parse({ format: 'yuma-chain/1' }))).toEqual({ format: 'yuma-chain/1' });
  });

  for (const [id, preset] of Object.entries(CHAIN_PRESETS)) {
    it(`round-trips the ${id} preset exactly`, () => {
      const s = parse(preset.doc);
      expect(parse(writeScenario(s))).toEqual(s);
    });
  }
});

describe(formatDecimal, () => {
  it('writes the shortest decimal that reads back to the same raw value', () => {
    expect(formatDecimal(171798692n, 1n << 32n)).toBe('0.04');
    expect(formatDecimal(3320413933267719291n, (1n << 64n) - 1n)).toBe('0.18');
    expect(formatDecimal(1n << 32n, 1n << 32n)).toBe('1');
    expect(formatDecimal(0n, 1n << 32n)).toBe('0');
  });
});
