// The yuma-sim-result/1 writers (format §7): the direct line builder the CLI uses must equal
// JSON.stringify of the object form, and non-finite values must be located by their JSON path.
import { describe, expect, it } from 'vitest';
import { firstNonFinite, simResultJson, simResultLine, type SimResult } from '../../src/variants/sim-result.ts';
import { VARIANTS, makeJob, presets, variantsEngine } from './helpers.ts';

describe(simResultLine, () => {
  it('prints exactly JSON.stringify(simResultJson(…)) for preset runs of every variant, with and without an id', async () => {
    const engine = await variantsEngine();
    for (const c of [presets.cases[0], presets.cases[14], presets.cases[20]]) {
      for (const [version, flavour] of VARIANTS) {
        const r = engine.run(makeJob(c, version, flavour));
        expect(simResultLine(r)).toBe(JSON.stringify(simResultJson(r)));
        const id = 'quote " backslash \\ newline \n é \u2028';
        expect(simResultLine(r, id)).toBe(JSON.stringify(simResultJson(r, id)));
      }
    }
  });

  it('writes -0 as 0 and tiny and huge numbers in JSON form', () => {
    const r: SimResult = {
      validators: 1, servers: 1, epochs: 1,
      dividendsNormalized: new Float64Array([-0]), dividendsPer1000Tao: new Float64Array([1e-7]), relativeDividends: new Float64Array([-1.5e-300]),
      serverIncentive: new Float64Array([1]), serverConsensus: new Float64Array([0]), bonds: new Float64Array([2 ** 64]),
      totalDividendsPer1000Tao: new Float64Array([1e21]), pctVsBase: new Float64Array([0.1 + 0.2]), degenerateConsensusEpochs: [0],
    };
    expect(simResultLine(r, 'x')).toBe(JSON.stringify(simResultJson(r, 'x')));
    expect(simResultLine(r)).toContain('"dividends_normalized":[0]');
  });
});

describe(firstNonFinite, () => {
  it('returns null for a finite result and the JSON path of the first NaN or Infinity otherwise', async () => {
    const r = (await variantsEngine()).run(makeJob(presets.cases[0], 'YUMA1', 'package'));
    expect(firstNonFinite(r)).toBeNull();
    const bonds = r.bonds.slice();
    bonds[3 * 2 * 5 + 2 * 1 + 1] = NaN; // epoch 5, validator 1, server 1
    expect(firstNonFinite({ ...r, bonds })).toBe('$.epochs[5].bonds[1][1]');
    const pct = r.pctVsBase.slice();
    pct[2] = Infinity;
    expect(firstNonFinite({ ...r, pctVsBase: pct })).toBe('$.totals.pct_vs_base[2]');
    const inc = r.serverIncentive.slice();
    inc[7] = -Infinity;
    expect(firstNonFinite({ ...r, serverIncentive: inc })).toBe('$.epochs[3].server_incentive[1]');
  });
});
