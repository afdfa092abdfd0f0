// The yuma-sim case → yuma-trace/1 mapping: every rule of the header of src/compare/case-to-trace.ts.
import { describe, expect, it } from 'vitest';
import { CASE_TEMPO, caseToTrace, caseToTraceDoc, chainHyperparameters, submittedWeights } from '../../src/compare/case-to-trace.ts';
import { loadSimCases, simCaseOf, webDefaultConfig } from '../../src/compare/presets.ts';
import { replayTrace } from '../../src/model/replay.ts';
import type { SimCase } from '../../src/variants/sim-case.ts';
import { engines } from './helpers.ts';

const config = webDefaultConfig('YUMA3');
const small: SimCase = {
  validators: ['a', 'b'], servers: ['x', 'y', 'z'], baseValidator: 0, numEpochs: 3,
  stakes: [[0.75, 0.25], [0.75, 0.25], [0.5, 0.5]],
  weights: [[[1, 0, 3], [0, 0, 0]], [[1, 0, 3], [2, 2, 0]], [[0, 1, 0], [2, 2, 0]]],
  resetBonds: { serverIndex: 2, epoch: 1 }, winnerTakesAll: false,
};

describe(caseToTraceDoc, () => {
  it('puts validators first, servers after, with stake in rao and permits for validators only', () => {
    const t = caseToTrace(small, config, 'yuma3');
    expect(t.n).toBe(5);
    expect(t.alphaStake).toEqual([750_000_000_000_000n, 250_000_000_000_000n, 0n, 0n, 0n]);
    expect(t.validatorPermit).toEqual([true, true, false, false, false]);
    expect(t.hyperparameters.maxAllowedValidators).toBe(2);
  });

  it('re-submits every row each epoch, max-upscaled, zeros left out; stake changes and the bond reset before the epoch', () => {
    const doc = caseToTraceDoc(small, { ...config, reset_bonds: true }, 'yuma3');
    const steps = doc.steps as Record<string, unknown>[];
    const epochs = steps.flatMap((s, k) => (s.op === 'epoch' ? [k] : []));
    expect(epochs.length).toBe(3);
    const firstOfEpoch = [0, epochs[0] + 1, epochs[1] + 1];
    expect(firstOfEpoch.map((k) => steps[k].block)).toEqual([1, 2, 3].map((e) => e * CASE_TEMPO));
    expect(steps.slice(0, epochs[0])).toEqual([
      { block: CASE_TEMPO, op: 'set_weights', uid: 0, uids: [2, 4], values: [21845, 65535] },
      { op: 'set_weights', uid: 1, uids: [], values: [] },
    ]);
    expect(steps.slice(epochs[0] + 1, epochs[1]).map((s) => s.op)).toEqual(['reset_bonds', 'set_weights', 'set_weights']);
    expect(steps[epochs[0] + 1].uid).toBe(2 + 2);
    expect(steps.slice(epochs[1] + 1, epochs[2]).filter((s) => s.op === 'set_stake')).toEqual([
      { block: 3 * CASE_TEMPO, op: 'set_stake', uid: 0, alpha_stake: 500_000_000_000_000 },
      { op: 'set_stake', uid: 1, alpha_stake: 500_000_000_000_000 },
    ]);
    expect(steps[epochs[0]]).toEqual({ op: 'epoch', rao_emission: config.total_epoch_emission * 1e9 });
    // Without config.reset_bonds the case's reset is not honoured.
    expect((caseToTraceDoc(small, config, 'yuma3').steps as { op: string }[]).some((s) => s.op === 'reset_bonds')).toBe(false);
  });

  it('keeps zero weights as explicit entries on request', () => {
    expect(submittedWeights([0.2, 0, 0.4], 3, 'keep')).toEqual({ uids: [3, 4, 5], values: [32768, 0, 65535] });
    expect(submittedWeights([0.2, 0, 0.4], 3)).toEqual({ uids: [3, 5], values: [32768, 65535] });
    expect(submittedWeights([0, 0], 1, 'keep')).toEqual({ uids: [1, 2], values: [0, 0] });
  });

  it('writes huge stakes as decimal strings', () => {
    const doc = caseToTraceDoc({ ...small, stakes: [[20, 1], [20, 1], [20, 1]] }, config, 'yuma1');
    expect((doc.alpha_stake as unknown[])[0]).toBe('20000000000000000');
    expect(caseToTrace({ ...small, stakes: [[20, 1], [20, 1], [20, 1]] }, config, 'yuma1').alphaStake[0]).toBe(20_000_000_000_000_000n);
  });
});

describe(chainHyperparameters, () => {
  it('converts the config to chain units and picks the path', () => {
    expect(chainHyperparameters('yuma3-liquid', webDefaultConfig('YUMA3_LIQUID'), 3)).toEqual({
      kappa: 32767, bonds_penalty: 65535, bonds_moving_average: 900000, tempo: CASE_TEMPO, max_allowed_validators: 3,
      yuma3_enabled: true, liquid_alpha_enabled: true, alpha_low: 6554, alpha_high: 19661, alpha_sigmoid_steepness: 1000,
    });
    const y1 = chainHyperparameters('yuma1', { ...config, bond_penalty: 0.5, bond_moving_avg: 0.975 }, 3);
    expect([y1.yuma3_enabled, y1.liquid_alpha_enabled, y1.bonds_penalty, y1.bonds_moving_average]).toEqual([false, false, 32768, 975000]);
  });
});

describe(caseToTrace, () => {
  it('gives a valid subnet for every preset case on every chain path, one epoch per case epoch', async () => {
    const { exact } = await engines();
    for (const json of await loadSimCases()) {
      const c = simCaseOf(json);
      for (const path of ['yuma1', 'yuma3', 'yuma3-liquid'] as const) {
        const run = replayTrace(caseToTrace(c, { ...config, reset_bonds: true }, path), exact);
        expect(run.epochs.length, `${json.key} ${path}`).toBe(c.numEpochs);
        // Every validator with stake stays active and permitted: weights are re-submitted every epoch.
        for (const { output } of run.epochs) expect(output.active.slice(0, c.validators.length).every(Boolean)).toBe(true);
      }
    }
  });
});
