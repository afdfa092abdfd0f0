// The canonical yuma-trace/1 document of a Trace: the writer that mirrors trace.ts's reader. Pure.
// Canonical = keys in the format's table order, every field equal to its default left out, u64 over 2^53−1 as strings.
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters, type SparseRowU16 } from './epoch.ts';
import type { JsonDoc } from './scenario-json.ts';
import { TRACE_FORMAT, type Trace, type TraceStep } from './trace.ts';
import { u64Json, type Json } from './trace-result.ts';

/** Model field → trace key, in the order of the format's hyperparameter table. */
export const HYPERPARAMETER_KEYS: readonly (readonly [keyof Hyperparameters, string])[] = [
  ['kappa', 'kappa'],
  ['bondsPenalty', 'bonds_penalty'],
  ['bondsMovingAverage', 'bonds_moving_average'],
  ['tempo', 'tempo'],
  ['activityCutoffFactorMilli', 'activity_cutoff_factor_milli'],
  ['maxAllowedValidators', 'max_allowed_validators'],
  ['commitRevealEnabled', 'commit_reveal_enabled'],
  ['yuma3Enabled', 'yuma3_enabled'],
  ['liquidAlphaEnabled', 'liquid_alpha_enabled'],
  ['alphaLow', 'alpha_low'],
  ['alphaHigh', 'alpha_high'],
  ['alphaSigmoidSteepness', 'alpha_sigmoid_steepness'],
  ['stakeThreshold', 'stake_threshold'],
  ['legacy', 'legacy'],
];

const value = (v: number | bigint | boolean): Json => (typeof v === 'bigint' ? u64Json(v) : v);
const row = (r: SparseRowU16): Json => r.map(([j, v]) => [j, v]);
const rows = (r: SparseRowU16[]): Json => r.map(row);

/** The hyperparameters of `values` that differ from `base` (all of them when `base` is undefined), as trace keys. */
function hyperparametersJson(values: Partial<Hyperparameters>, base?: Hyperparameters): JsonDoc {
  const out: JsonDoc = {};
  for (const [field, key] of HYPERPARAMETER_KEYS) {
    const v = values[field];
    if (v !== undefined && (base === undefined || v !== base[field])) out[key] = value(v);
  }
  return out;
}

/** The canonical yuma-trace/1 document of `trace`; parseTrace of its JSON text gives back an equal Trace. */
export function traceDocument(trace: Trace): JsonDoc {
  const doc: JsonDoc = { format: TRACE_FORMAT };
  const u64s = (v: bigint[]) => v.map(u64Json);
  const put = (key: string, isDefault: boolean, v: () => Json) => {
    if (!isDefault) doc[key] = v();
  };
  put('name', trace.name === '', () => trace.name);
  doc.n = trace.n;
  put('start_block', trace.startBlock === 0n, () => u64Json(trace.startBlock));
  put('owner_uid', trace.ownerUid === null, () => trace.ownerUid);
  const hyper = hyperparametersJson(trace.hyperparameters, DEFAULT_HYPERPARAMETERS);
  put('hyperparameters', Object.keys(hyper).length === 0, () => hyper);
  doc.alpha_stake = u64s(trace.alphaStake);
  put('tao_stake', trace.taoStake.every((v) => v === 0n), () => u64s(trace.taoStake));
  put('tao_weight', trace.taoWeight === 0n, () => u64Json(trace.taoWeight));
  put('block_at_registration', trace.blockAtRegistration.every((v) => v === 0n), () => u64s(trace.blockAtRegistration));
  put('last_update', trace.lastUpdate.every((v) => v === 0n), () => u64s(trace.lastUpdate));
  put('validator_permit', trace.validatorPermit.every((v) => !v), () => [...trace.validatorPermit]);
  put('weights', trace.weights.every((row) => row.length === 0), () => rows(trace.weights));
  put('bonds', trace.bonds.every((row) => row.length === 0), () => rows(trace.bonds));
  put('last_mechanism_step_block', trace.lastMechanismStepBlock === 0n, () => u64Json(trace.lastMechanismStepBlock));
  doc.steps = trace.steps.map(stepJson);
  return doc;
}

/** One step: `block` first when set, then `op`, then the op's fields under their format names. */
function stepJson(step: TraceStep): JsonDoc {
  const out: JsonDoc = step.block === null ? {} : { block: u64Json(step.block) };
  out.op = step.op;
  switch (step.op) {
    case 'set_weights':
      return { ...out, uid: step.uid, uids: [...step.uids], values: [...step.values] };
    case 'set_weights_raw':
      return { ...out, uid: step.uid, row: row(step.row) };
    case 'set_stake':
      return { ...out, uid: step.uid, alpha_stake: u64Json(step.alphaStake), ...(step.taoStake === null ? {} : { tao_stake: u64Json(step.taoStake) }) };
    case 'set_hyperparameter':
      return { ...out, values: hyperparametersJson(step.values) };
    case 'set_last_update':
      return { ...out, uid: step.uid, value: u64Json(step.value) };
    case 'set_last_mechanism_step_block':
      return { ...out, value: u64Json(step.value) };
    case 'set_commit_block':
      return { ...out, uid: step.uid, value: step.value === null ? null : u64Json(step.value) };
    case 'replace_neuron':
      return { ...out, uid: step.uid, new_alpha_stake: u64Json(step.newAlphaStake) };
    case 'reset_bonds':
      return { ...out, uid: step.uid };
    case 'epoch':
      return { ...out, rao_emission: u64Json(step.raoEmission) };
  }
}
