// The session's document: a yuma-trace/1 subnet (starting state + steps) plus the playground's own labels,
// and the pure edits on it. Worker-side; no DOM. Every edit returns a new document: rows and steps are shared, never mutated.
import type { Hyperparameters, SparseRowU16 } from '../model/epoch.ts';
import { u64Json, type Json } from '../model/trace-result.ts';
import { restoreScenario } from '../model/scenario.ts';
import { MAX_NAME_LENGTH, defaultLabel, type NeuronLabel, type Role } from '../model/scenario-labels.ts';
import { TraceError } from '../model/trace-error.ts';
import { TRACE_FORMAT, type Trace, type TraceStep } from '../model/trace.ts';

export type { Role };
/** A uid's label in the playground (not part of the chain state). */
export type NeuronMeta = NeuronLabel;

/** The whole editable subnet: `base.steps` is always empty; the steps live in `steps`. */
export interface SessionDoc {
  readonly base: Trace;
  readonly steps: readonly TraceStep[];
  readonly meta: readonly NeuronMeta[];
  /** Rao emitted by each new epoch step. */
  readonly raoEmission: bigint;
  /** New epochs re-stamp `last_update` of every uid with weights first (validators keep setting weights), so nobody goes stale. */
  readonly keepAlive: boolean;
}

/** Edits the UI can ask for. Steps of yuma-trace/1 plus structural and label edits. */
export type SessionEdit =
  | { op: 'set_weights'; uid: number; uids: number[]; values: number[] }
  | { op: 'set_stake'; uid: number; alphaStake: bigint; taoStake?: bigint }
  | { op: 'set_hyperparameter'; values: Partial<Hyperparameters> }
  | { op: 'register'; uid: number; alphaStake: bigint; name: string }
  | { op: 'deregister'; uid: number }
  | { op: 'set_last_update'; uid: number; value: bigint }
  | { op: 'reset_bonds'; uid: number }
  | { op: 'add_neuron'; role: Role; name: string; alphaStake: bigint }
  | { op: 'remove_neuron'; uid: number }
  | { op: 'rename'; uid: number; name: string }
  | { op: 'set_role'; uid: number; role: Role }
  | { op: 'set_emission'; raoEmission: bigint }
  | { op: 'set_keep_alive'; keepAlive: boolean };

const HYPER_KEYS: Record<keyof Hyperparameters, string> = {
  kappa: 'kappa',
  bondsPenalty: 'bonds_penalty',
  bondsMovingAverage: 'bonds_moving_average',
  tempo: 'tempo',
  activityCutoffFactorMilli: 'activity_cutoff_factor_milli',
  maxAllowedValidators: 'max_allowed_validators',
  yuma3Enabled: 'yuma3_enabled',
  liquidAlphaEnabled: 'liquid_alpha_enabled',
  alphaLow: 'alpha_low',
  alphaHigh: 'alpha_high',
  alphaSigmoidSteepness: 'alpha_sigmoid_steepness',
  stakeThreshold: 'stake_threshold',
  commitRevealEnabled: 'commit_reveal_enabled',
  legacy: 'legacy',
};

const big = (v: number | bigint | boolean): Json => (typeof v === 'bigint' ? u64Json(v) : v);
const rows = (r: readonly SparseRowU16[]): Json => r.map((row) => row.map(([j, v]) => [j, v]));

function hyperJson(h: Partial<Hyperparameters>): Json {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(h)) out[HYPER_KEYS[k as keyof Hyperparameters]] = big(v as number | bigint | boolean);
  return out;
}

function stepJson(s: TraceStep): Json {
  const head: Record<string, Json> = s.block === null ? {} : { block: u64Json(s.block) };
  switch (s.op) {
    case 'set_weights': return { ...head, op: s.op, uid: s.uid, uids: [...s.uids], values: [...s.values] };
    case 'set_weights_raw': return { ...head, op: s.op, uid: s.uid, row: rows([s.row]) };
    case 'set_stake': return { ...head, op: s.op, uid: s.uid, alpha_stake: u64Json(s.alphaStake), ...(s.taoStake === null ? {} : { tao_stake: u64Json(s.taoStake) }) };
    case 'set_hyperparameter': return { ...head, op: s.op, values: hyperJson(s.values) };
    case 'set_last_update': return { ...head, op: s.op, uid: s.uid, value: u64Json(s.value) };
    case 'set_last_mechanism_step_block': return { ...head, op: s.op, value: u64Json(s.value) };
    case 'set_commit_block': return { ...head, op: s.op, uid: s.uid, value: s.value === null ? null : u64Json(s.value) };
    case 'replace_neuron': return { ...head, op: s.op, uid: s.uid, new_alpha_stake: u64Json(s.newAlphaStake) };
    case 'reset_bonds': return { ...head, op: s.op, uid: s.uid };
    case 'epoch': return { ...head, op: s.op, rao_emission: u64Json(s.raoEmission) };
  }
}

/** The document as a yuma-trace/1 JSON object; the labels ride along under `playground` (readers ignore unknown keys). */
export function docToJson(doc: SessionDoc): Json {
  const b = doc.base;
  return {
    format: TRACE_FORMAT,
    name: b.name,
    n: b.n,
    start_block: u64Json(b.startBlock),
    owner_uid: b.ownerUid,
    hyperparameters: hyperJson(b.hyperparameters),
    alpha_stake: b.alphaStake.map(u64Json),
    tao_stake: b.taoStake.map(u64Json),
    tao_weight: u64Json(b.taoWeight),
    block_at_registration: b.blockAtRegistration.map(u64Json),
    last_update: b.lastUpdate.map(u64Json),
    validator_permit: [...b.validatorPermit],
    weights: rows(b.weights),
    bonds: rows(b.bonds),
    last_mechanism_step_block: u64Json(b.lastMechanismStepBlock),
    steps: doc.steps.map(stepJson),
    playground: { neurons: doc.meta.map((m) => ({ name: [...m.name].slice(0, MAX_NAME_LENGTH).join(''), role: m.role })), rao_emission: u64Json(doc.raoEmission), keep_alive: doc.keepAlive },
  };
}

/**
 * Reads a subnet document through the one restore path (restoreScenario: the same reader as links and files; throws
 * TraceError with a JSON path); labels come from its `playground` part, defaults where it has none.
 */
export function docFromText(text: string, fallbackEmission = 1_000_000_000n): SessionDoc {
  const scenario = restoreScenario(text);
  if (scenario.kind !== 'subnet') throw new TraceError('format', 'this is a whole chain (yuma-chain/1): open it in the chain view');
  const { trace, labels } = scenario;
  let lastEmission: bigint | undefined;
  for (const s of trace.steps) if (s.op === 'epoch') lastEmission = s.raoEmission;
  return {
    base: { ...trace, steps: [] },
    steps: trace.steps,
    meta: labels?.neurons ?? trace.alphaStake.map((_, uid) => defaultLabel(trace, uid)),
    raoEmission: labels?.raoEmission ?? lastEmission ?? fallbackEmission,
    keepAlive: labels?.keepAlive ?? true,
  };
}

/** The labels with uid's entry patched. */
export function relabel(meta: readonly NeuronMeta[], uid: number, patch: Partial<NeuronMeta>): NeuronMeta[] {
  return meta.map((m, i) => (i === uid ? { ...m, ...patch } : m));
}

/** Appends a uid with zero starting stake (so earlier epochs are unchanged); its stake arrives as a step at `block`. */
export function addNeuron(doc: SessionDoc, meta: NeuronMeta, block: bigint, alphaStake: bigint): SessionDoc {
  const b = doc.base;
  const base: Trace = {
    ...b,
    n: b.n + 1,
    alphaStake: [...b.alphaStake, 0n],
    taoStake: [...b.taoStake, 0n],
    blockAtRegistration: [...b.blockAtRegistration, block],
    lastUpdate: [...b.lastUpdate, block],
    validatorPermit: [...b.validatorPermit, false],
    weights: [...b.weights, []],
    bonds: [...b.bonds, []],
  };
  const steps: TraceStep[] = [...doc.steps];
  if (alphaStake > 0n) steps.push({ block: null, op: 'set_stake', uid: b.n, alphaStake, taoStake: null });
  return { ...doc, base, steps, meta: [...doc.meta, meta] };
}

/** Removes a uid everywhere (starting state and every step), renumbering the uids above it. Changes history. */
export function removeNeuron(doc: SessionDoc, uid: number): SessionDoc {
  const b = doc.base;
  const drop = <T>(v: readonly T[]) => v.filter((_, i) => i !== uid);
  const re = (j: number) => (j > uid ? j - 1 : j);
  const row = (r: SparseRowU16): SparseRowU16 => r.filter(([j]) => j !== uid).map(([j, v]) => [re(j), v]);
  const owner = b.ownerUid === null || b.ownerUid === uid ? null : re(b.ownerUid);
  const base: Trace = {
    ...b,
    n: b.n - 1,
    ownerUid: owner,
    alphaStake: drop(b.alphaStake),
    taoStake: drop(b.taoStake),
    blockAtRegistration: drop(b.blockAtRegistration),
    lastUpdate: drop(b.lastUpdate),
    validatorPermit: drop(b.validatorPermit),
    weights: drop(b.weights).map(row),
    bonds: drop(b.bonds).map(row),
  };
  const steps: TraceStep[] = [];
  for (const s of doc.steps) {
    if ('uid' in s && s.uid === uid) continue;
    if ('uid' in s) {
      if (s.op === 'set_weights') {
        const keep = s.uids.map((j, k) => [j, k]).filter(([j]) => j !== uid);
        steps.push({ ...s, uid: re(s.uid), uids: keep.map(([j]) => re(j)), values: keep.map(([, k]) => s.values[k]) });
      } else if (s.op === 'set_weights_raw') steps.push({ ...s, uid: re(s.uid), row: row(s.row) });
      else steps.push({ ...s, uid: re(s.uid) });
    } else steps.push(s);
  }
  return { ...doc, base, steps, meta: drop(doc.meta) };
}
