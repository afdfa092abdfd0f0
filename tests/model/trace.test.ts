// parseTrace: what a valid document becomes, and the one-line `PATH: fault` for each kind of malformed input.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../src/model/epoch.ts';
import { MAX_TRACE_BYTES } from '../../src/model/json-text.ts';
import { TraceError, parseTrace, parseTraceBytes } from '../../src/model/trace.ts';
import { validTraceDoc } from './trace-fixture.ts';

const text = (mutate: (d: Record<string, any>) => unknown = () => undefined) => {
  const d = validTraceDoc();
  const replaced = mutate(d);
  return JSON.stringify(replaced === undefined ? d : replaced);
};
const faultOf = (t: string | Uint8Array) => {
  try {
    if (typeof t === 'string') parseTrace(t);
    else parseTraceBytes(t);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceError);
    return (e as TraceError).message;
  }
  throw new Error('parsed without error');
};

describe(parseTrace, () => {
  it('reads every field into model form, u64 as bigint, defaults filled in', () => {
    const t = parseTrace(text());
    expect(t.n).toBe(4);
    expect(t.startBlock).toBe(10n);
    expect(t.ownerUid).toBe(3);
    expect(t.alphaStake).toEqual([1000n, (1n << 64n) - 1n, 0n, 7n]);
    expect(t.taoWeight).toBe(971718665099567868n);
    expect(t.hyperparameters).toEqual({ ...DEFAULT_HYPERPARAMETERS, bondsMovingAverage: 900000n, alphaSigmoidSteepness: -5, yuma3Enabled: true });
    expect(t.weights[0]).toEqual([[2, 65535], [3, 100]]);
    expect(t.steps[0]).toEqual({ block: 11n, op: 'set_weights', uid: 1, uids: [2, 3], values: [1, 2] });
    expect(t.steps[2]).toEqual({ block: null, op: 'set_stake', uid: 2, alphaStake: 50n, taoStake: 12n });
    expect(t.steps[3]).toMatchObject({ op: 'set_stake', taoStake: null });
    expect(t.steps[8]).toEqual({ block: null, op: 'set_commit_block', uid: 1, value: null });
    expect(t.steps[12]).toEqual({ block: 13n, op: 'epoch', raoEmission: 1000000000n });
  });

  it('fills the format defaults for every optional field', () => {
    const t = parseTrace('{"format":"yuma-trace/1","n":2,"alpha_stake":[1,2],"steps":[]}');
    expect(t).toEqual({
      name: '', n: 2, startBlock: 0n, ownerUid: null, hyperparameters: DEFAULT_HYPERPARAMETERS, alphaStake: [1n, 2n], taoStake: [0n, 0n],
      taoWeight: 0n, blockAtRegistration: [0n, 0n], lastUpdate: [0n, 0n], validatorPermit: [false, false], weights: [[], []], bonds: [[], []],
      lastMechanismStepBlock: 0n, steps: [],
    });
  });

  it('accepts integers written with a fraction or exponent that is exact, and a leading BOM in bytes', () => {
    expect(parseTrace(text((d) => { d.steps[0].uid = 1.0; d.start_block = 1e1; })).startBlock).toBe(10n);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text())]);
    expect(parseTraceBytes(bytes).name).toBe('every op');
  });

  it.each([
    ['wrong type', (d: any) => { d.n = '4'; }, 'n: expected an integer (n), got string "4"'],
    ['n above 4096', (d: any) => { d.n = 4097; }, 'n: n 4097 out of range (1..4096)'],
    ['n of 0', (d: any) => { d.n = 0; }, 'n: n 0 out of range (1..4096)'],
    ['missing field', (d: any) => { delete d.steps; }, '$: missing required field "steps"'],
    ['missing step field', (d: any) => { delete d.steps[9].rao_emission; }, 'steps[9]: missing required field "rao_emission"'],
    ['not an object', (d: any) => [d], '$: expected an object, got an array'],
    ['wrong format', (d: any) => { d.format = 'yuma-trace/2'; }, 'format: expected "yuma-trace/1", got string "yuma-trace/2"'],
    ['array length ≠ n', (d: any) => { d.last_update.pop(); }, 'last_update: length 3, expected n = 4'],
    ['uid out of range', (d: any) => { d.steps[0].uids[1] = 9; }, 'steps[0].uids[1]: uid 9 out of range (n = 4)'],
    ['u16 out of range', (d: any) => { d.steps[0].values[0] = 65536; }, 'steps[0].values[0]: u16 65536 out of range (0..65535)'],
    ['u16 in a row', (d: any) => { d.bonds[0][0][1] = -1; }, 'bonds[0][0][1]: u16 -1 out of range (0..65535)'],
    ['negative u64', (d: any) => { d.alpha_stake[2] = -1; }, 'alpha_stake[2]: negative value -1 for a u64'],
    ['fractional u64', (d: any) => { d.steps[9].rao_emission = 0.5; }, 'steps[9].rao_emission: number 0.5 is not an integer'],
    ['u64 number above 2^53−1', (d: any) => { d.tao_weight = 2 ** 53; }, 'tao_weight: number 9007199254740992 is too large for a JSON number (max 2^53−1)'],
    ['u64 string above 2^64−1', (d: any) => { d.alpha_stake[0] = '18446744073709551616'; }, 'alpha_stake[0]: u64 "18446744073709551616" exceeds 2^64−1'],
    ['u64 string not digits', (d: any) => { d.alpha_stake[0] = '+5'; }, 'alpha_stake[0]: u64 string "+5" is not ASCII decimal digits'],
    ['u64 string of non-ASCII digits', (d: any) => { d.alpha_stake[0] = '٣'; }, 'alpha_stake[0]: u64 string "٣" is not ASCII decimal digits'],
    ['i16 out of range', (d: any) => { d.hyperparameters.alpha_sigmoid_steepness = 32768; }, 'hyperparameters.alpha_sigmoid_steepness: i16 32768 out of range (-32768..32767)'],
    ['u32 out of range', (d: any) => { d.steps[4].values.activity_cutoff_factor_milli = -1; }, 'steps[4].values.activity_cutoff_factor_milli: u32 -1 out of range (0..4294967295)'],
    ['boolean expected', (d: any) => { d.validator_permit[1] = 0; }, 'validator_permit[1]: expected a boolean, got number 0'],
    ['unknown hyperparameter', (d: any) => { d.hyperparameters.kapa = 1; }, 'hyperparameters.kapa: unknown hyperparameter'],
    ['unknown op', (d: any) => { d.steps[5].op = 'set_everything'; }, 'steps[5].op: unknown op "set_everything"'],
    ['blocks going backwards', (d: any) => { d.steps[12].block = 11; }, 'steps[12].block: block 11 goes backwards (current block 12)'],
    ['block before start_block', (d: any) => { d.steps[0].block = 9; }, 'steps[0].block: block 9 goes backwards (current block 10)'],
    ['duplicate column in a row', (d: any) => { d.weights[0][1][0] = 2; }, 'weights[0][1][0]: duplicate column 2 (also at [0])'],
    ['not a pair', (d: any) => { d.weights[2][0] = [0, 1, 2]; }, 'weights[2][0]: expected a [column_uid, u16_value] pair, got an array of length 3'],
    ['duplicate uids in set_weights', (d: any) => { d.steps[0].uids = [2, 2]; }, 'steps[0].uids[1]: duplicate uid 2 (also at [0])'],
    ['uids/values length mismatch', (d: any) => { d.steps[0].values = [1]; }, 'steps[0].values: length 1 differs from uids (length 2)'],
    ['owner_uid out of range', (d: any) => { d.owner_uid = 4; }, 'owner_uid: uid 4 out of range (n = 4)'],
    ['replace_neuron of owner_uid', (d: any) => { d.steps[10].uid = 3; }, 'steps[10].uid: uid 3 is owner_uid, which is never replaced'],
    ['null block', (d: any) => { d.steps[1].block = null; }, 'steps[1].block: expected a u64 (JSON integer or decimal string), got null'],
  ])('rejects %s', (_, mutate, message) => {
    expect(faultOf(text(mutate))).toBe(message);
  });

  it.each([
    ['truncated JSON', '{"format": "yuma-trace/1", "n": 4,\n "steps": [', '$: invalid JSON at line 2, column 12: unexpected end of input'],
    ['a trailing comma', '{"n": 1,}', '$: invalid JSON at line 1, column 9: expected a string key, found "}"'],
    ['a duplicate key', '{"n": 1, "n": 2}', '$: invalid JSON at line 1, column 10: duplicate key "n"'],
    ['NaN', '{"n": NaN}', '$: invalid JSON at line 1, column 7: expected a value, found "N"'],
    ['a fraction hidden by rounding', '{"format":"yuma-trace/1","n":1.0000000000000001}', 'n: number 1.0000000000000001 is not an integer'],
    ['an empty file', '', '$: invalid JSON at line 1, column 1: unexpected end of input'],
    ['deep nesting', '['.repeat(100_000), '$: invalid JSON at line 1, column 257: nesting deeper than 256 levels'],
    ['a text over 16 MiB', ' '.repeat(MAX_TRACE_BYTES + 1), '$: file is 16777217 bytes, over the 16 MiB limit (16777216 bytes)'],
  ])('rejects %s', (_, t, message) => {
    expect(faultOf(t)).toBe(message);
  });

  it('rejects bytes that are not UTF-8, and too many bytes before decoding them', () => {
    expect(faultOf(new Uint8Array([0x7b, 0x22, 0xc3, 0x28]))).toBe('$: not valid UTF-8 (byte 0x28 at offset 3)');
    expect(faultOf(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]))).toBe('$: not valid UTF-8 (byte 0xa0 at offset 2)'); // a surrogate
    expect(faultOf(new Uint8Array([0x22, 0xe2, 0x82]))).toBe('$: not valid UTF-8 (a sequence cut off at the end)');
    expect(faultOf(new Uint8Array(MAX_TRACE_BYTES + 1))).toMatch(/^\$: file is 16777217 bytes, over the 16 MiB limit/);
  });

  it('leads the message with the file label when given', () => {
    expect(() => parseTrace(text((d) => { d.n = 0; }), 'a.json')).toThrow('a.json: n: n 0 out of range (1..4096)');
  });
});
