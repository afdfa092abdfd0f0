// Invariants of every research variant: relabelling validators or servers relabels the outputs, scaling
// all stake by a power of two changes only the per-1,000-TAO figures, and a run is deterministic.
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../src/variants/sim-result.ts';
import { VARIANTS, bondsAt, makeJob, presets, row, variantsEngine } from './helpers.ts';

const source = presets.cases.find((c) => c.number === 13)!; // 3 validators, 2 servers, a bond reset
const stakes = source.stakes as number[][];
const weights = source.weights;
const CONFIG = { reset_bonds: true, liquid_alpha: true, bond_penalty: 0.5 };
const V_ORDER = [2, 0, 1]; // new validator k is old validator V_ORDER[k]
const S_ORDER = [1, 0];

const permuted = {
  ...source,
  validators: V_ORDER.map((i) => (source.validators as string[])[i]),
  servers: S_ORDER.map((j) => (source.servers as string[])[j]),
  base_validator: V_ORDER.indexOf(source.base_validator as number),
  stakes: stakes.map((s) => V_ORDER.map((i) => s[i])),
  weights: weights.map((w) => V_ORDER.map((i) => S_ORDER.map((j) => w[i][j]))),
  reset_bonds: { server_index: S_ORDER.indexOf((source.reset_bonds as { server_index: number }).server_index), epoch: (source.reset_bonds as { epoch: number }).epoch },
};

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

describe('invariants', () => {
  it('permutes every output when validators and servers are relabelled', async () => {
    const engine = await variantsEngine();
    for (const [version, flavour] of VARIANTS) {
      const a = engine.run(makeJob(source, version, flavour, CONFIG));
      const b = engine.run(makeJob(permuted, version, flavour, CONFIG));
      const bad: string[] = [];
      for (let e = 0; e < a.epochs; e++) {
        V_ORDER.forEach((i, k) => {
          if (!near(row(b.dividendsNormalized, e, 3)[k], row(a.dividendsNormalized, e, 3)[i])) bad.push(`Dn e${e} v${k}`);
          S_ORDER.forEach((j, l) => near(bondsAt(b, e)[k][l], bondsAt(a, e)[i][j]) || bad.push(`bond e${e} [${k}][${l}]`));
        });
        S_ORDER.forEach((j, l) => near(row(b.serverIncentive, e, 2)[l], row(a.serverIncentive, e, 2)[j]) || bad.push(`I e${e} s${l}`));
      }
      V_ORDER.forEach((i, k) => near(b.pctVsBase[k], a.pctVsBase[i]) || bad.push(`pct v${k}`));
      expect(bad.slice(0, 5), `${version}/${flavour}`).toEqual([]);
    }
  });

  it('leaves everything but dividends per 1,000 TAO unchanged when all stake doubles, and halves those', async () => {
    const engine = await variantsEngine();
    const doubled = { ...source, stakes: stakes.map((s) => s.map((x) => 2 * x)) };
    for (const [version, flavour] of VARIANTS) {
      const a = engine.run(makeJob(source, version, flavour, CONFIG));
      const b = engine.run(makeJob(doubled, version, flavour, CONFIG));
      const same = (k: keyof SimResult) => expect(b[k], `${version}/${flavour} ${k}`).toEqual(a[k]);
      (['dividendsNormalized', 'relativeDividends', 'serverIncentive', 'serverConsensus', 'bonds', 'pctVsBase'] as const).forEach(same);
      expect(Array.from(b.dividendsPer1000Tao)).toEqual(Array.from(a.dividendsPer1000Tao, (x) => x / 2));
    }
  });

  it('gives bit-identical results for the same job, also after other jobs ran in the same instance', async () => {
    const engine = await variantsEngine();
    const job = makeJob(source, 'YUMA3_LIQUID', 'interactive', CONFIG);
    const first = engine.run(job);
    engine.run(makeJob(presets.cases[20], 'YUMA2C', 'package'));
    expect(engine.run(job)).toEqual(first);
  });
});
