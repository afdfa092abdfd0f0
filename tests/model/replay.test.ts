// replayTrace with a recording fake engine: each step's effect on the state the next epoch sees, the engine's
// inability to touch that state, and the result document's exact field names and u64 forms.
import { describe, expect, it } from 'vitest';
import type { EpochEngine, EpochInput, EpochOutput } from '../../src/model/epoch.ts';
import { replayTrace, toResultJson } from '../../src/model/replay.ts';
import { parseTrace } from '../../src/model/trace.ts';
import { validTraceDoc } from './trace-fixture.ts';

/** Records a copy of every input, then scribbles over the input it was given (a badly behaved engine). */
function fakeEngine(): EpochEngine & { inputs: EpochInput[] } {
  const inputs: EpochInput[] = [];
  return {
    name: 'fake',
    inputs,
    maxUpscaleU16: (values) => values.map((v) => v * 100),
    runEpoch(input, options) {
      inputs.push(structuredClone(input));
      const n = input.n;
      const output: EpochOutput = {
        emission: input.alphaStake.map((s) => s + 1n),
        serverEmission: new Array(n).fill(0n),
        validatorEmission: new Array(n).fill(1n << 60n),
        incentive: new Array(n).fill(1),
        dividends: new Array(n).fill(2),
        consensus: new Array(n).fill(3),
        validatorTrust: new Array(n).fill(4),
        stakeWeight: new Array(n).fill(5),
        active: new Array(n).fill(true),
        newValidatorPermit: input.validatorPermit.map((p) => !p),
        bonds: input.weights.map((row) => row.map(([j, v]) => [j, v + 1])),
        legacyOutputs: { rank: [], trust: [], pruningScore: [] },
        ...(options?.intermediates ? { intermediates: { activityCutoff: 5000n, stake: [1n << 32n], alpha: null, inactive: [false] } as never } : {}),
      };
      input.weights.forEach((row) => row.push([0, 9]));
      input.alphaStake.fill(123n);
      input.validatorPermit.fill(true);
      input.hyperparameters.kappa = 1;
      return output;
    },
  };
}

describe(replayTrace, () => {
  const trace = parseTrace(JSON.stringify(validTraceDoc()));

  it('applies each step to the state the next epoch reads', () => {
    const engine = fakeEngine();
    replayTrace(trace, engine);
    const [first, second] = engine.inputs;
    expect(first.block).toBe(11n);
    // set_weights stores the engine's max-upscaled values and stamps last_update; set_weights_raw stores the row.
    expect(first.weights).toEqual([[[3, 5]], [[2, 100], [3, 200]], [[0, 1]], []]);
    expect(first.lastUpdate).toEqual([10n, 11n, 11n, 8n]);
    expect(first.alphaStake).toEqual([1000n, 60n, 50n, 7n]);
    expect(first.taoStake).toEqual([0n, 0n, 12n, 0n]); // set_stake without tao_stake keeps it
    expect(first.hyperparameters).toMatchObject({ tempo: 100, liquidAlphaEnabled: true, yuma3Enabled: true, alphaSigmoidSteepness: -5 });
    expect(first.lastMechanismStepBlock).toBe(10n);
    expect(first.commitBlock).toEqual([null, null, null, null]);
    expect(first.ownerUid).toBe(3);
    expect(first.raoEmission).toBe(1000000000n);
    // The epoch persisted its bonds and permits; replace_neuron at block 12 then reset uid 2 (spec §7).
    expect(second.block).toBe(13n);
    expect(second.validatorPermit).toEqual([false, true, false, false]); // the fake's permits, uid 2's cleared by replace_neuron
    expect(second.blockAtRegistration).toEqual([1n, 1n, 12n, 3n]);
    expect(second.lastUpdate).toEqual([10n, 11n, 12n, 8n]);
    expect(second.alphaStake).toEqual([1000n, 60n, 9n, 7n]);
    expect(second.taoStake).toEqual([0n, 0n, 0n, 0n]);
    expect(second.weights).toEqual([[[3, 5]], [[2, 0], [3, 200]], [], []]); // entries pointing at uid 2 kept, value 0
    expect(second.bonds).toEqual([[[3, 6]], [[3, 201]], [], []]); // own row removed, then reset_bonds drops column 2
    expect(second.hyperparameters.kappa).toBe(32767);
  });

  it('keeps the commit block until replace_neuron clears it', () => {
    const doc = validTraceDoc();
    doc.steps.splice(8, 1); // leave set_commit_block uid 1 = 10 in force
    doc.steps.push({ op: 'set_commit_block', uid: 0, value: '20' }, { op: 'replace_neuron', uid: 0, new_alpha_stake: 1 }, { op: 'epoch', rao_emission: 0 });
    const engine = fakeEngine();
    replayTrace(parseTrace(JSON.stringify(doc)), engine);
    expect(engine.inputs.map((i) => i.commitBlock)).toEqual([[null, 10n, null, null], [null, 10n, null, null], [null, 10n, null, null]]);
  });

  it('is deterministic and leaves the trace unchanged', () => {
    const before = structuredClone(trace);
    const a = toResultJson(replayTrace(trace, fakeEngine()));
    const b = toResultJson(replayTrace(trace, fakeEngine()));
    expect(b).toEqual(a);
    expect(trace).toEqual(before);
  });

  it('rejects an engine whose output has the wrong length', () => {
    const engine = fakeEngine();
    const run = engine.runEpoch;
    engine.runEpoch = (input, options) => ({ ...run(input, options), dividends: [] });
    expect(() => replayTrace(trace, engine)).toThrow('engine fake: output.dividends has length 0, expected n = 4');
  });
});

describe(toResultJson, () => {
  it('writes yuma-trace-result/1 with snake_case fields, u64 as numbers up to 2^53−1 and strings above', () => {
    const doc = toResultJson(replayTrace(parseTrace(JSON.stringify(validTraceDoc())), fakeEngine()));
    expect(doc.format).toBe('yuma-trace-result/1');
    expect(doc.name).toBe('every op');
    const epoch = doc.epochs[0] as Record<string, unknown>;
    expect(Object.keys(epoch)).toEqual([
      'block', 'emission', 'server_emission', 'validator_emission', 'incentive_u16', 'dividends_u16', 'consensus_u16',
      'validator_trust_u16', 'stake_weight_u16', 'active', 'new_validator_permit', 'bonds_u16_after',
    ]);
    expect(epoch.block).toBe(11);
    expect(epoch.emission).toEqual([1001, 61, 51, 8]);
    expect(epoch.validator_emission).toEqual(new Array(4).fill('1152921504606846976'));
    expect(epoch.bonds_u16_after).toEqual([[[3, 6]], [[2, 101], [3, 201]], [[0, 2]], []]);
  });

  it('adds intermediates with snake_case keys and raw values as decimal strings when asked', () => {
    const result = replayTrace(parseTrace(JSON.stringify(validTraceDoc())), fakeEngine(), { intermediates: true });
    const epoch = toResultJson(result).epochs[0] as Record<string, unknown>;
    expect(epoch.intermediates).toEqual({ activity_cutoff: '5000', stake: ['4294967296'], alpha: null, inactive: [false] });
  });
});
