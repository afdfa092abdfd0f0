// Every preset case (tests/golden/presets, a copy of shared/presets/yuma-simulation-cases.json) in every
// version and flavour, under every config preset that applies plus a sweep of switches: the wasm never
// yields NaN, Infinity or a negative where none belongs, and agrees with the independent TS reference.
import { describe, expect, it } from 'vitest';
import type { SimFlavour, SimVersion } from '../../src/variants/sim-case.ts';
import type { SimResult } from '../../src/variants/sim-result.ts';
import { VARIANTS, allNumbers, diffReference, makeJob, presets, row, variantsEngine, type PresetCase } from './helpers.ts';
import { referenceRun } from './reference.ts';

interface Run {
  label: string;
  version: SimVersion;
  flavour: SimFlavour;
  config: object;
}

/** Extra switches on top of the defaults, so liquid alpha, its modes, resets and winner-takes-all run on every version. */
const SWEEP: [string, object, SimFlavour[]][] = [
  ['defaults', {}, ['package', 'interactive']],
  ['liquid, PREVIOUS, resets, winner-takes-all', { liquid_alpha: true, liquid_alpha_consensus_mode: 'PREVIOUS', reset_bonds: true, winner_takes_all: true }, ['package', 'interactive']],
  ['liquid, MIXED, swapped bounds, β 0.5', { liquid_alpha: true, liquid_alpha_consensus_mode: 'MIXED', alpha_low: 0.3, alpha_high: 0.1, bond_penalty: 0.5 }, ['package', 'interactive']],
  ['liquid on effective weights, chain κ', { liquid_alpha: true, liquid_alpha_effective_weights: true, bond_penalty: 0.5, kappa: 32767 / 65535, alpha_sigmoid_steepness: 1000 }, ['interactive']],
];

/** Every run of one case: each config preset's versions in each of its flavours, then the sweep on every variant. */
function runsFor(c: PresetCase): Run[] {
  const runs: Run[] = [];
  for (const [name, preset] of Object.entries(presets.config_presets)) {
    if (preset.cases !== undefined && c.reset_bonds === null) continue; // web_defaults_bp1.0_reset: cases with a reset only
    for (const flavour of preset.flavours) {
      for (const [version, config] of Object.entries(preset.versions)) {
        if (version === 'YUMA2A' && flavour === 'package') continue;
        const cfg = flavour === 'package' ? { ...config, liquid_alpha_effective_weights: false } : config;
        runs.push({ label: `${name} ${version}/${flavour}`, version: version as SimVersion, flavour, config: cfg });
      }
    }
  }
  for (const [name, config, flavours] of SWEEP) {
    for (const [version, flavour] of VARIANTS) if (flavours.includes(flavour)) runs.push({ label: `${name} ${version}/${flavour}`, version, flavour, config });
  }
  return runs;
}

/** Problems of one result that need no reference: non-finite numbers, negatives, shares outside [0, 1]. */
function sanity(r: SimResult, wta: boolean): string[] {
  const out: string[] = [];
  if (allNumbers(r).some((x) => !Number.isFinite(x))) out.push('a NaN or Infinity');
  const nonNegative = [r.dividendsNormalized, r.dividendsPer1000Tao, r.serverIncentive, r.serverConsensus, r.bonds, r.totalDividendsPer1000Tao];
  if (nonNegative.some((a) => a.some((x) => x < 0))) out.push('a negative dividend, incentive, consensus or bond');
  for (let e = 0; e < r.epochs; e++) {
    const dn = row(r.dividendsNormalized, e, r.validators).reduce((a, b) => a + b, 0);
    const inc = row(r.serverIncentive, e, r.servers).reduce((a, b) => a + b, 0);
    const cons = row(r.serverConsensus, e, r.servers);
    if (dn > 1) out.push(`epoch ${e}: Σ Dn = ${dn} > 1`);
    if (inc > 1 + 1e-12) out.push(`epoch ${e}: Σ incentive = ${inc} > 1`);
    if (!wta && inc !== 0 && Math.abs(inc - 1) > 1e-12) out.push(`epoch ${e}: Σ incentive = ${inc}, neither 0 nor 1`);
    if (cons.some((x) => Math.abs(x * 65535 - Math.round(x * 65535)) > 1e-6)) out.push(`epoch ${e}: consensus not a multiple of 1/65535`);
  }
  return out;
}

describe('preset cases in every variant', () => {
  it('has the 24 cases of the presets file and its 14 config presets', () => {
    expect(presets.format).toBe('yuma-sim-cases/1');
    expect(presets.cases.map((c) => c.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(Object.keys(presets.config_presets)).toHaveLength(14);
  });

  it.each(presets.cases.map((c) => [`${c.number} ${c.key}`, c] as const))('case %s: no NaN, and the wasm matches the reference', async (_name, c) => {
    const engine = await variantsEngine();
    const problems: string[] = [];
    const runs = runsFor(c);
    for (const run of runs) {
      const job = makeJob(c, run.version, run.flavour, run.config);
      const result = engine.run(job);
      const wta = job.config.winner_takes_all || job.simCase.winnerTakesAll;
      for (const p of [...sanity(result, wta), ...diffReference(result, referenceRun(job))]) problems.push(`${run.label}: ${p}`);
    }
    expect(runs.length).toBeGreaterThanOrEqual(13 * 4);
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('degenerate epochs (spec §8)', () => {
  const degenerate = async (number: number, version: SimVersion, config: object) => {
    const c = presets.cases.find((x) => x.number === number)!;
    return (await variantsEngine()).run(makeJob(c, version, 'interactive', config));
  };

  it('lists epochs 5, 21, 22, 25, 30 for presets case 21 and adds 35 for case 23, in every version', async () => {
    for (const [version] of VARIANTS) {
      expect((await degenerate(21, version, {})).degenerateConsensusEpochs).toEqual([5, 21, 22, 25, 30]);
      expect((await degenerate(23, version, {})).degenerateConsensusEpochs).toEqual([5, 21, 22, 25, 30, 35]);
    }
  });

  it('keeps consensus at 0 and, with winner-takes-all (these cases set it), gives every server 1/(V+N) there', async () => {
    const r = await degenerate(21, 'YUMA3', {});
    for (const e of r.degenerateConsensusEpochs) {
      expect(row(r.serverConsensus, e, 3)).toEqual([0, 0, 0]);
      expect(row(r.serverIncentive, e, 3)).toEqual([1 / 6, 1 / 6, 1 / 6]);
    }
  });

  it('reports no incentive and no dividends in a degenerate epoch without winner-takes-all', async () => {
    const c = presets.cases.find((x) => x.number === 21)!;
    const r = (await variantsEngine()).run(makeJob({ ...c, winner_takes_all: false }, 'YUMA1', 'package'));
    expect(row(r.serverIncentive, 5, 3)).toEqual([0, 0, 0]);
    expect(row(r.dividendsNormalized, 5, 3)).toEqual([0, 0, 0]);
    expect(row(r.dividendsPer1000Tao, 5, 3)).toEqual([0, 0, 0]);
  });
});
