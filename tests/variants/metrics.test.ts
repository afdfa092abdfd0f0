// The reported numbers (spec §2.9, §6): normalised dividends, dividends per 1,000 TAO, relative dividends,
// totals and % against the base validator, including the 0.041 figure and the 1e-6 guards the spec gives.
import { describe, expect, it } from 'vitest';
import { makeJob, row, smallCase, variantsEngine } from './helpers.ts';

const T = 1e12;
/** Both validators weigh the same single server, so each one's dividend share equals its stake share. */
const SAME = (stakes: number[], epochs = 1) => smallCase(Array(epochs).fill(stakes), Array(epochs).fill(stakes.map(() => [T])));

describe('dividends per 1,000 TAO', () => {
  it('pays 0.041 per epoch to a validator whose dividend share equals its stake share, with the defaults', async () => {
    const r = (await variantsEngine()).run(makeJob(SAME([0.75, 0.25]), 'YUMA3', 'package'));
    const dn = row(r.dividendsNormalized, 0, 2);
    expect(dn[0]).toBeCloseTo(0.75, 5);
    const per1000 = row(r.dividendsPer1000Tao, 0, 2);
    // 0.41 × 100 × Dn / (s × 1e6 / 1000) = 0.041 × Dn / s.
    expect(per1000[0]).toBeCloseTo((0.041 * dn[0]) / 0.75, 15);
    expect(per1000[0]).toBeCloseTo(0.041, 6);
    expect(per1000[1]).toBeCloseTo(0.041, 6);
  });

  it('scales with validator_emission_ratio × total_epoch_emission / total_subnet_stake', async () => {
    const engine = await variantsEngine();
    const base = row(engine.run(makeJob(SAME([0.75, 0.25]), 'YUMA1', 'package')).dividendsPer1000Tao, 0, 2);
    const scaled = row(engine.run(makeJob(SAME([0.75, 0.25]), 'YUMA1', 'package', { total_epoch_emission: 200, validator_emission_ratio: 0.5, total_subnet_stake: 2e6 })).dividendsPer1000Tao, 0, 2);
    expect(scaled[0]).toBeCloseTo(base[0] * (200 / 100) * (0.5 / 0.41) * (1e6 / 2e6), 14);
  });

  it('reports 0 where the stake in units of 1,000 TAO is not above 1e-6, and for a zero-stake validator', async () => {
    const engine = await variantsEngine();
    // s = 1, total_subnet_stake = 1e-3: u = 1 × 1e-3 / 1000 = 1e-6 exactly, which is not > 1e-6.
    const tiny = engine.run(makeJob(SAME([1]), 'YUMA3', 'package', { total_subnet_stake: 1e-3 }));
    expect(row(tiny.dividendsPer1000Tao, 0, 1)).toEqual([0]);
    const zero = engine.run(makeJob(SAME([1, 0]), 'YUMA3', 'package'));
    expect(row(zero.dividendsPer1000Tao, 0, 2)[1]).toBe(0);
  });
});

describe('normalised and relative dividends', () => {
  it('divides dividends by their sum + 1e-6, and subtracts the raw stake share for relative dividends', async () => {
    const r = (await variantsEngine()).run(makeJob(SAME([3, 1]), 'YUMA3', 'package'));
    const dn = row(r.dividendsNormalized, 0, 2);
    expect(dn[0] + dn[1]).toBeLessThan(1);
    expect(dn[0] + dn[1]).toBeCloseTo(1, 5);
    const rel = row(r.relativeDividends, 0, 2);
    expect(rel[0]).toBe(dn[0] - 3 / 4);
    expect(rel[1]).toBe(dn[1] - 1 / 4);
  });
});

describe('totals', () => {
  it('sums dividends per 1,000 TAO over the epochs and compares each validator with the base', async () => {
    const c = smallCase([[0.6, 0.4], [0.6, 0.4], [0.6, 0.4]], [[[T, 0], [T, 0]], [[T, 0], [0, T]], [[T, 0], [0, T]]], { base_validator: 1 });
    const r = (await variantsEngine()).run(makeJob(c, 'YUMA1', 'package'));
    const t = [0, 1].map((v) => [0, 1, 2].reduce((s, e) => s + row(r.dividendsPer1000Tao, e, 2)[v], 0));
    expect(Array.from(r.totalDividendsPer1000Tao)).toEqual(t);
    expect(r.pctVsBase[1]).toBe(0);
    expect(r.pctVsBase[0]).toBe(((t[0] - t[1]) / t[1]) * 100);
  });

  it('replaces a zero base total by 1e-6 in both places of (t − t_b) / t_b × 100', async () => {
    const c = smallCase([[1, 0]], [[[T], [T]]], { base_validator: 1 });
    const r = (await variantsEngine()).run(makeJob(c, 'YUMA3', 'package'));
    expect(r.totalDividendsPer1000Tao[1]).toBe(0);
    const t0 = r.totalDividendsPer1000Tao[0];
    expect(t0).toBeGreaterThan(0);
    expect(r.pctVsBase[0]).toBe(((t0 - 1e-6) / 1e-6) * 100);
  });
});
