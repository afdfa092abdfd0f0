// A small valid yuma-trace/1 document that uses every field and every op: the base the parser tests mutate; and
// traceOf, the subnet inside a restored Scenario.
import type { Scenario } from '../../src/model/scenario.ts';
import type { Trace } from '../../src/model/trace.ts';

/** The trace of a subnet scenario; throws when the scenario is a chain. */
export function traceOf(s: Scenario): Trace {
  if (s.kind !== 'subnet') throw new Error(`expected a subnet scenario, got a ${s.kind}`);
  return s.trace;
}

export function validTraceDoc(): Record<string, any> {
  return {
    format: 'yuma-trace/1',
    name: 'every op',
    comment: 'unknown keys are ignored',
    n: 4,
    start_block: 10,
    owner_uid: 3,
    hyperparameters: { kappa: 32767, bonds_moving_average: '900000', alpha_sigmoid_steepness: -5, yuma3_enabled: true, legacy: false },
    alpha_stake: [1000, '18446744073709551615', 0, 7],
    tao_stake: [0, 0, 5, 0],
    tao_weight: '971718665099567868',
    block_at_registration: [1, 1, 2, 3],
    last_update: [10, 10, 9, 8],
    validator_permit: [true, false, false, true],
    weights: [[[2, 65535], [3, 100]], [], [[0, 1]], []],
    bonds: [[[2, 40000]], [], [], []],
    last_mechanism_step_block: 9,
    steps: [
      { block: 11, op: 'set_weights', uid: 1, uids: [2, 3], values: [1, 2], comment: 'ignored' },
      { op: 'set_weights_raw', uid: 0, row: [[3, 5]] },
      { op: 'set_stake', uid: 2, alpha_stake: 50, tao_stake: '12' },
      { op: 'set_stake', uid: 1, alpha_stake: 60 },
      { op: 'set_hyperparameter', values: { tempo: 100, liquid_alpha_enabled: true } },
      { op: 'set_last_update', uid: 2, value: 11 },
      { op: 'set_last_mechanism_step_block', value: 10 },
      { op: 'set_commit_block', uid: 1, value: 10 },
      { op: 'set_commit_block', uid: 1, value: null },
      { block: 11, op: 'epoch', rao_emission: 1000000000 },
      { block: 12, op: 'replace_neuron', uid: 2, new_alpha_stake: 9 },
      { op: 'reset_bonds', uid: 2 },
      { block: 13, op: 'epoch', rao_emission: '1000000000' },
    ],
  };
}
