// restoreScenario and the canonical writer: one validation path for text, bytes and values, the format dispatch,
// and canonical yuma-trace/1 and yuma-chain/1 (defaults omitted, u64 over 2^53−1 as strings) that read back equal.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAIN_PRESETS } from '../../src/chain/presets/index.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { writeScenario } from '../../src/chain/scenario-write.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/model/epoch.ts';
import {
  NewerFormatError, SCENARIO_FORMATS, restoreScenario, scenarioDocument, scenarioFileText, serializeScenario,
  type Scenario, type SubnetScenario,
} from '../../src/model/scenario.ts';
import { jsonTextOf } from '../../src/model/scenario-json.ts';
import { HYPERPARAMETER_KEYS } from '../../src/model/scenario-trace.ts';
import { TraceError, parseTrace } from '../../src/model/trace.ts';
import { validTraceDoc } from './trace-fixture.ts';

const GOLDEN = new URL('../golden/subtensor/traces/', import.meta.url);
const goldenFiles = readdirSync(GOLDEN).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));

const subnetOf = (s: Scenario): SubnetScenario => {
  if (s.kind !== 'subnet') throw new Error(`expected a subnet, got a ${s.kind}`);
  return s;
};

const faultOf = (input: unknown, label?: string): string => {
  try {
    restoreScenario(input, label);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceError);
    return (e as TraceError).message;
  }
  throw new Error('restored without error');
};

describe(restoreScenario, () => {
  it('gives the same scenario from JSON text, UTF-8 bytes and a JSON value', () => {
    const doc = validTraceDoc();
    const text = JSON.stringify(doc);
    const expected = { kind: 'subnet', trace: parseTrace(text) };
    expect(restoreScenario(text)).toEqual(expected);
    expect(restoreScenario(new TextEncoder().encode(text))).toEqual(expected);
    expect(restoreScenario(doc)).toEqual(expected);
    expect(restoreScenario(structuredClone(doc))).toEqual(expected);
  });

  it('accepts bigints in a value (an IndexedDB record), large ones as u64', () => {
    const doc = { format: 'yuma-trace/1', n: 2, alpha_stake: [5n, (1n << 64n) - 1n], tao_weight: 7n, steps: [] };
    const s = subnetOf(restoreScenario(doc));
    expect(s.trace.alphaStake).toEqual([5n, (1n << 64n) - 1n]);
    expect(s.trace.taoWeight).toBe(7n);
  });

  it('rejects what the trace reader rejects, with its path, whatever the source', () => {
    const doc = validTraceDoc();
    doc.steps[0].uid = 9;
    const fault = 'steps[0].uid: uid 9 out of range (n = 4)';
    expect(faultOf(JSON.stringify(doc))).toBe(fault);
    expect(faultOf(doc)).toBe(fault);
    expect(faultOf(new TextEncoder().encode(JSON.stringify(doc)), 'a.json')).toBe(`a.json: ${fault}`);
  });

  it.each([
    ['NaN', { n: NaN }, 'n: NaN is not a JSON number'],
    ['Infinity', { alpha_stake: [1, Infinity] }, 'alpha_stake[1]: Infinity is not a JSON number'],
    ['a function', { name: () => 1 }, 'name: expected a JSON value, got function'],
    ['a Map', { steps: new Map() }, 'steps: expected a JSON value, got Map'],
    ['an array hole', { alpha_stake: [1, undefined] }, 'alpha_stake[1]: expected a JSON value, got undefined'],
    ['a negative bigint', { alpha_stake: [1n, -2n, 0n, 0n] }, 'alpha_stake[1]: negative value -2 for a u64'],
  ])('names the path of %s in a value', (_, patch, fault) => {
    expect(faultOf({ ...validTraceDoc(), ...patch })).toBe(fault);
  });

  it('rejects a cyclic value as too deeply nested instead of looping', () => {
    const doc: Record<string, unknown> = validTraceDoc();
    doc.comment = doc;
    expect(faultOf(doc)).toMatch(/^comment(\.comment)+: nesting deeper than 256 levels$/);
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    const text = JSON.stringify(validTraceDoc()).replace('{', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},');
    expect(subnetOf(restoreScenario(text)).trace.name).toBe('every op');
    expect(subnetOf(restoreScenario(JSON.parse(text))).trace.n).toBe(4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(faultOf(text.replace('"kappa"', '"__proto__"'))).toBe('hyperparameters.__proto__: unknown hyperparameter');
  });

  it.each([
    ['a newer version of a known format', '{"format":"yuma-trace/2"}', 'format: "yuma-trace/2" was made by a newer version of Yuma Playground; this version reads "yuma-trace/1"'],
    ['a newer version of the chain format', '{"format":"yuma-chain/2"}', 'format: "yuma-chain/2" was made by a newer version of Yuma Playground; this version reads "yuma-chain/1"'],
    ['an unknown format', '{"format":"yuma-block/1","n":1}', 'format: unknown scenario format string "yuma-block/1" (this version reads "yuma-trace/1", "yuma-chain/1")'],
    ['an older version number', '{"format":"yuma-trace/0"}', 'format: unknown scenario format string "yuma-trace/0" (this version reads "yuma-trace/1", "yuma-chain/1")'],
    ['no format', '{"n":1}', '$: expected a scenario document ("yuma-trace/1" or "yuma-chain/1"), got an object without "format"'],
    ['not an object', '[1]', '$: expected a scenario document ("yuma-trace/1" or "yuma-chain/1"), got an array'],
    ['not JSON', '{"format"', '$: invalid JSON at line 1, column 10: unexpected end of input'],
  ])('explains %s', (_, text, fault) => {
    expect(faultOf(text)).toBe(fault);
  });

  it('marks a newer format with NewerFormatError, which keeps its type under a file label', () => {
    let error: unknown;
    try {
      restoreScenario('{"format":"yuma-trace/12"}', 'x.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewerFormatError);
    expect(error).toMatchObject({ format: 'yuma-trace/12', reads: 'yuma-trace/1', file: 'x.json' });
    expect(SCENARIO_FORMATS).toEqual(['yuma-trace/1', 'yuma-chain/1']);
  });

  it('rejects a text over 16 MiB before parsing it', () => {
    expect(faultOf(`{"format":"yuma-trace/1","name":"${'é'.repeat(8_400_000)}"}`)).toMatch(/^\$: file is 1680\d{4} bytes, over the 16 MiB limit/);
  });
});

describe(serializeScenario, () => {
  it('writes only what differs from the defaults, in the format table order', () => {
    const s = restoreScenario('{"format":"yuma-trace/1","n":2,"alpha_stake":[1,2],"tao_stake":[0,0],"validator_permit":[false,false],"hyperparameters":{"kappa":32767},"steps":[{"op":"epoch","rao_emission":5}]}');
    expect(serializeScenario(s)).toBe('{"format":"yuma-trace/1","n":2,"alpha_stake":[1,2],"steps":[{"op":"epoch","rao_emission":5}]}');
  });

  it('writes every field and op of a full trace, u64 over 2^53−1 as strings, and reads back equal', () => {
    const s = restoreScenario(validTraceDoc());
    const doc = scenarioDocument(s);
    expect(Object.keys(doc)).toEqual([
      'format', 'name', 'n', 'start_block', 'owner_uid', 'hyperparameters', 'alpha_stake', 'tao_stake', 'tao_weight',
      'block_at_registration', 'last_update', 'validator_permit', 'weights', 'bonds', 'last_mechanism_step_block', 'steps',
    ]);
    expect(doc.alpha_stake).toEqual([1000, '18446744073709551615', 0, 7]);
    expect(doc.tao_weight).toBe('971718665099567868');
    expect(doc.hyperparameters).toEqual({ alpha_sigmoid_steepness: -5, yuma3_enabled: true });
    expect((doc.steps as object[]).slice(2, 4)).toEqual([
      { op: 'set_stake', uid: 2, alpha_stake: 50, tao_stake: 12 },
      { op: 'set_stake', uid: 1, alpha_stake: 60 },
    ]);
    expect((doc.steps as object[])[8]).toEqual({ op: 'set_commit_block', uid: 1, value: null });
    expect(restoreScenario(serializeScenario(s))).toEqual(s);
  });

  it('maps every hyperparameter, including those a step sets to their default value', () => {
    expect(HYPERPARAMETER_KEYS.map(([field]) => field).sort()).toEqual(Object.keys(DEFAULT_HYPERPARAMETERS).sort());
    const values = Object.fromEntries(HYPERPARAMETER_KEYS.map(([field, key]) => [key, typeof DEFAULT_HYPERPARAMETERS[field] === 'bigint' ? 900000 : DEFAULT_HYPERPARAMETERS[field]]));
    const s = restoreScenario({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: [{ op: 'set_hyperparameter', values }] });
    expect(scenarioDocument(s).steps).toEqual([{ op: 'set_hyperparameter', values: { ...values, stake_threshold: 900000 } }]);
  });

  it.each(goldenFiles)('writes %s canonically: reading it back gives the same scenario', (file) => {
    const s = restoreScenario(readFileSync(new URL(file, GOLDEN), 'utf8'), file);
    const text = serializeScenario(s);
    expect(restoreScenario(text)).toEqual(s);
    expect(serializeScenario(restoreScenario(text))).toBe(text);
    expect(restoreScenario(scenarioFileText(s))).toEqual(s);
  });
});

describe('the chain kind (yuma-chain/1)', () => {
  const presets = Object.entries(CHAIN_PRESETS).map(([id, p]) => [id, p.doc] as const);

  it('restores a chain document from text, bytes and a JSON value with the chain reader', () => {
    const doc = CHAIN_PRESETS['registration-rush'].doc;
    const text = JSON.stringify(doc);
    const expected = { kind: 'chain', chain: parseScenario(text) };
    expect(restoreScenario(text)).toEqual(expected);
    expect(restoreScenario(new TextEncoder().encode(text), 'rush.json')).toEqual(expected);
    expect(restoreScenario(structuredClone(doc))).toEqual(expected);
  });

  it('names the path of a chain fault, after the file label', () => {
    const doc = { format: 'yuma-chain/1', subnets: [{ netuid: 1, owner_coldkey: 'a', owner_hotkey: 'h', tao_reserve: -1, alpha_in: 1 }] };
    expect(faultOf(doc, 'c.json')).toBe('c.json: subnets[0].tao_reserve: negative value -1 for a u64');
  });

  it.each(presets)('writes the %s preset canonically (the chain writer: defaults omitted) and reads it back equal', (_, doc) => {
    const s = restoreScenario(doc);
    const text = serializeScenario(s);
    expect(s.kind).toBe('chain');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(writeScenario(parseScenario(JSON.stringify(doc))))));
    expect(text.startsWith('{"format":"yuma-chain/1"')).toBe(true);
    expect(restoreScenario(text)).toEqual(s);
    expect(restoreScenario(scenarioFileText(s))).toEqual(s);
  });

  it('writes u64 values over 2^53−1 as strings and the rest as numbers', () => {
    const s = restoreScenario({ format: 'yuma-chain/1', total_issuance: '18446744073709551615', balances: { a: 5, b: '9007199254740993' } });
    expect(scenarioDocument(s)).toEqual({ format: 'yuma-chain/1', total_issuance: '18446744073709551615', balances: { a: 5, b: '9007199254740993' } });
  });
});

describe(scenarioFileText, () => {
  it('lays a document out with one key, row or step per line', () => {
    const s = restoreScenario({ format: 'yuma-trace/1', n: 2, alpha_stake: [1, 2], weights: [[[1, 5]], []], steps: [{ op: 'epoch', rao_emission: 1 }, { op: 'reset_bonds', uid: 0 }] });
    expect(scenarioFileText(s)).toBe(
      '{\n "format": "yuma-trace/1",\n "n": 2,\n "alpha_stake": [1,2],\n "weights": [\n  [[1,5]],\n  []\n ],\n' +
        ' "steps": [\n  {"op":"epoch","rao_emission":1},\n  {"op":"reset_bonds","uid":0}\n ]\n}\n',
    );
  });
});

describe(jsonTextOf, () => {
  it('writes plain values as JSON.stringify does and skips undefined properties', () => {
    const v = { a: [1, 'x', null, true, { b: undefined, c: -0 }], d: 9007199254740991n, e: 9007199254740992n };
    expect(jsonTextOf(v)).toBe('{"a":[1,"x",null,true,{"c":0}],"d":9007199254740991,"e":"9007199254740992"}');
  });

  it('turns a throwing getter into a one-line TraceError', () => {
    const hostile = Object.defineProperty({}, 'format', { enumerable: true, get: () => { throw new Error('boom\nsecond line'); } });
    expect(() => jsonTextOf(hostile)).toThrow(new TraceError('$', 'cannot read scenario (boom)'));
  });
});
