// Side by side: aligned series in common units, totals recomputed independently, and the totals table's marks.
import { describe, expect, it } from 'vitest';
import { caseToTrace } from '../../src/compare/case-to-trace.ts';
import { chainVersion, loadSimCases, simCaseOf, variantVersion, webDefaultConfig } from '../../src/compare/presets.ts';
import { runSideBySide, totalsTable } from '../../src/compare/side-by-side.ts';
import { per1000Tao, type CompareVersion } from '../../src/compare/versions.ts';
import { replayTrace } from '../../src/model/replay.ts';
import { engines } from './helpers.ts';

const caseByKey = async (key: string) => simCaseOf((await loadSimCases()).find((c) => c.key === key)!);

describe(runSideBySide, () => {
  it('aligns 4 versions epoch by epoch: dividend shares sum to 1, bond columns to 1, per-epoch rows for all', async () => {
    const c = await caseByKey('kappa-moves-first');
    const r = runSideBySide({ simCase: c, versions: [variantVersion('YUMA2'), chainVersion('yuma1'), variantVersion('YUMA3'), chainVersion('yuma3-liquid')] }, await engines());
    expect(r.series.map((s) => s.label)).toEqual(['YUMA2 (interactive)', 'Yuma 1/2 (chain)', 'YUMA3 (interactive)', 'Yuma 3 + liquid alpha (chain)']);
    for (const s of r.series) {
      expect([s.dividends.length, s.bonds.length, s.incentive.length]).toEqual([c.numEpochs, c.numEpochs, c.numEpochs]);
      for (const d of s.dividends) expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      for (const b of s.bonds) {
        for (let j = 0; j < c.servers.length; j++) {
          const col = b.reduce((t, row) => t + row[j], 0);
          expect(col === 0 || Math.abs(col - 1) < 1e-9, `${s.label} column ${j} sums to ${col}`).toBe(true);
        }
      }
    }
  });

  it('takes variant series straight from the variants engine and chain totals from the validator emission of the replay', async () => {
    const e = await engines();
    const c = await caseByKey('clipping-demo');
    const versions: CompareVersion[] = [variantVersion('YUMA3'), chainVersion('yuma3')];
    const r = runSideBySide({ simCase: c, versions }, e);
    const direct = e.variants.run({ simCase: c, version: 'YUMA3', flavour: 'interactive', config: webDefaultConfig('YUMA3') });
    expect(r.series[0].totals).toEqual(Array.from(direct.totalDividendsPer1000Tao));
    expect(r.series[0].dividends[7]).toEqual(Array.from(direct.dividendsNormalized.subarray(21, 24)));
    // Chain: Σ_e per-1000-TAO of the validator's share of the epoch's validator emission.
    const run = replayTrace(caseToTrace(c, webDefaultConfig('YUMA3'), 'yuma3'), e.exact);
    const expected = c.validators.map((_, v) =>
      run.epochs.reduce((t, { output }, ep) => {
        const paid = output.validatorEmission.slice(0, 3).map(Number);
        return t + per1000Tao(paid[v] / paid.reduce((a, b) => a + b, 0), c.stakes[ep][v], webDefaultConfig('YUMA3'));
      }, 0));
    r.series[1].totals.forEach((t, v) => expect(t).toBeCloseTo(expected[v], 12));
  });

  it('finds the chain-order variants close to the chain itself, and the f64 twin closer still', async () => {
    const c = await caseByKey('kappa-moves-first');
    const r = runSideBySide({
      simCase: c,
      versions: [chainVersion('yuma1'), variantVersion('YUMA2'), chainVersion('yuma1', 'float'), variantVersion('YUMA3')],
      thresholdPct: 0.5,
    }, await engines());
    const pct = r.table.pctVsFirst;
    for (let v = 0; v < c.validators.length; v++) {
      expect(pct[v][0]).toBe(0);
      expect(Math.abs(pct[v][1]), 'interactive YUMA2 vs chain Yuma 1/2').toBeLessThan(0.5);
      expect(Math.abs(pct[v][2]), 'f64 twin vs exact').toBeLessThan(Math.abs(pct[v][1]) + 1e-9);
      expect(Math.abs(pct[v][2])).toBeLessThan(1e-3);
    }
    // Yuma 3 pays the late movers more than the Yuma 1/2 path in this case: those cells are marked.
    expect(r.table.differs.map((row) => row[3])).toEqual(pct.map((row) => Math.abs(row[3]) > 0.5));
    expect(r.table.differs.some((row) => row[3])).toBe(true);
  });

  it('rejects fewer than 2 or more than 4 versions and variants outside their flavour', async () => {
    const e = await engines();
    const c = await caseByKey('kappa-moves-first');
    expect(() => runSideBySide({ simCase: c, versions: [chainVersion('yuma3')] }, e)).toThrow(/2 to 4/);
    expect(() => runSideBySide({ simCase: c, versions: Array(5).fill(chainVersion('yuma3')) }, e)).toThrow(/2 to 4/);
    const bad: CompareVersion = { kind: 'variant', version: 'YUMA2A', flavour: 'package', config: webDefaultConfig('YUMA2A') };
    expect(() => runSideBySide({ simCase: c, versions: [chainVersion('yuma3'), bad] }, e)).toThrow(/interactive/);
  });
});

describe(totalsTable, () => {
  it('computes % vs the first version, with the package rule for a zero reference, and marks cells beyond the threshold', () => {
    const series = [
      { label: 'a', totals: [2, 0], dividends: [], bonds: [], incentive: [] },
      { label: 'b', totals: [2.01, 0], dividends: [], bonds: [], incentive: [] },
      { label: 'c', totals: [1, 1e-9], dividends: [], bonds: [], incentive: [] },
    ];
    const t = totalsTable(['v0', 'v1'], series, 1);
    expect(t.totals).toEqual([[2, 2.01, 1], [0, 0, 1e-9]]);
    expect(t.pctVsFirst[0][1]).toBeCloseTo(0.5, 12);
    expect(t.pctVsFirst[0][2]).toBe(-50);
    expect(t.pctVsFirst[1][2]).toBeCloseTo(0.1, 12);
    expect(t.differs).toEqual([[false, false, true], [false, false, false]]);
  });
});
