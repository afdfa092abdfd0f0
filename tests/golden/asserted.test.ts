// The golden comparison rules must be able to fail: each rule is shown a passing and a failing value.
import { describe, expect, it } from 'vitest';
import { checkAsserted, diffDerived, fixedFromNum, u16ProportionRaw, type Assertion } from './asserted.ts';

const epochs = [
  { emission: [10, '20'], server_emission: [4, 6], validator_emission: [6, 14], dividends_u16: [52428, 13107], active: [true, false], bonds_u16_after: [[[1, 500]], []] },
  { emission: [10, 20], server_emission: [4, 6], validator_emission: [6, 14], dividends_u16: [0, 0], active: [true, true], bonds_u16_after: [[[1, 400]], []] },
];
const check = (a: Partial<Assertion>) => checkAsserted(epochs, [{ epoch: 0, field: 'emission', uid: 0, compare: 'exact', ...a } as Assertion]);

describe(checkAsserted, () => {
  it('compares exact values as integers or booleans, absent bonds reading 0', () => {
    expect(check({ uid: 1, expected: 20 })).toEqual([]);
    expect(check({ uid: 1, expected: '21' })).toEqual(['epoch 0 emission uid 1: got "20", expected "21" (exact)']);
    expect(check({ field: 'active', uid: 1, expected: false })).toEqual([]);
    expect(check({ field: 'active', uid: 1, expected: true })).toHaveLength(1);
    expect(check({ field: 'bonds_u16_after', uid: [0, 1], expected: 500 })).toEqual([]);
    expect(check({ field: 'bonds_u16_after', uid: [0, 0], expected: 0 })).toEqual([]);
    expect(check({ field: 'bonds_u16_after', uid: [1, 0], expected: 1 })).toHaveLength(1);
  });

  it('reads u16_proportion_abs as I32F32 u16 proportion against an f32 literal', () => {
    const rule = { field: 'dividends_u16', compare: 'u16_proportion_abs', literal: 'f32', tolerance: 0.001 };
    expect(check({ ...rule, expected: 0.8 })).toEqual([]); // 52428 / 65535 = 0.8000
    expect(check({ ...rule, expected: 0.7985 })).toHaveLength(1);
    expect(check({ ...rule, uid: 1, expected: 0.2009 })).toEqual([]);
    expect(fixedFromNum(0.5)).toBe(1n << 31n);
    expect(u16ProportionRaw(65535n)).toBe(1n << 32n);
  });

  it('checks relations against a number or the same field at another epoch', () => {
    const rule = { field: 'bonds_u16_after', uid: [0, 1] as [number, number], compare: 'relation' };
    expect(check({ ...rule, op: '>', ref: 0 })).toEqual([]);
    expect(check({ ...rule, epoch: 1, op: '<=', ref: { epoch: 0, uid: [0, 1] } })).toEqual([]);
    expect(check({ ...rule, epoch: 1, op: '>=', ref: { epoch: 0, uid: [0, 1] } })).toHaveLength(1);
  });

  it('checks equal_and_positive and sum_abs', () => {
    expect(check({ epoch: 1, field: 'active', uid: [0, 1], compare: 'equal_and_positive' })).toHaveLength(1); // booleans are not integers
    expect(check({ field: 'server_emission', uid: [0, 1], compare: 'equal_and_positive' })).toHaveLength(1);
    const sum = { field: ['server_emission', 'validator_emission'], uid: null, compare: 'sum_abs', expected: 31 };
    expect(check({ ...sum, tolerance: 1 })).toEqual([]);
    expect(check({ ...sum, tolerance: 0 })).toHaveLength(1);
  });

  it('skips log_substring and rejects unknown rules', () => {
    expect(check({ compare: 'log_substring', expected: 'anything' })).toEqual([]);
    expect(check({ compare: 'roughly' })).toHaveLength(1);
  });
});

describe(diffDerived, () => {
  it('accepts u64 as number or string and names epoch, field and uid of a difference', () => {
    const same = structuredClone(epochs);
    same[0].emission = ['10', 20];
    expect(diffDerived(epochs, same)).toEqual([]);
    const other = structuredClone(epochs);
    other[1].bonds_u16_after = [[[1, 401]], []];
    expect(diffDerived(epochs, other)).toEqual(['epoch 1 bonds_u16_after uid 0: got [[1,400]], derived [[1,401]]']);
    expect(diffDerived(epochs.slice(0, 1), epochs)).toEqual(['1 epochs, derived has 2']);
  });
});
