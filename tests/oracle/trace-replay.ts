// A small, private yuma-trace/1 replayer for the oracle's golden tests (formats/yuma-trace.md "Steps").
// Deliberately independent of src/model/replay.ts: it trusts its input (the golden files) and validates nothing.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_HYPERPARAMETERS,
  type EpochEngine,
  type EpochInput,
  type EpochOutput,
  type Hyperparameters,
  type SparseRowU16,
} from '../../src/model/epoch.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = join(import.meta.dirname, '..', '..');
/** Where the golden traces live (copied from shared/golden so a fresh clone tests without it). */
const TRACE_DIRS = [join(ROOT, 'tests', 'golden', 'subtensor', 'traces')];

/** The directory holding the golden traces. */
export function traceDir(): string {
  const dir = TRACE_DIRS.find((d) => existsSync(d) && readdirSync(d).some((f) => f.endsWith('.expected.json')));
  if (!dir) throw new Error(`no golden traces found in ${TRACE_DIRS.join(', ')}`);
  return dir;
}

/** Names of all golden traces (file names without `.json`), sorted. */
export function traceNames(): string[] {
  return readdirSync(traceDir())
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Reads a trace and its `.expected.json`. */
export function loadTrace(name: string): { trace: Json; expected: Json } {
  const read = (file: string): Json => JSON.parse(readFileSync(join(traceDir(), file), 'utf8'));
  return { trace: read(`${name}.json`), expected: read(`${name}.expected.json`) };
}

const u64 = (v: number | string | undefined, fallback = 0n): bigint => (v === undefined ? fallback : BigInt(v));
const camel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function withHyperparameters(base: Hyperparameters, values: Record<string, Json>): Hyperparameters {
  const h: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(values)) {
    const name = camel(key);
    h[name] = name === 'bondsMovingAverage' || name === 'stakeThreshold' ? BigInt(value) : value;
  }
  return h as Hyperparameters;
}

/** The replay state: everything an EpochInput needs, mutated by the steps. */
type State = Omit<EpochInput, 'raoEmission'>;

function initialState(t: Json): State {
  const n: number = t.n;
  const vec = (values: Json[] | undefined, fill: (i: number) => Json): Json[] =>
    Array.from({ length: n }, (_, i) => (values ? values[i] : fill(i)));
  return {
    n,
    block: u64(t.start_block),
    hyperparameters: withHyperparameters(DEFAULT_HYPERPARAMETERS, t.hyperparameters ?? {}),
    ownerUid: t.owner_uid ?? null,
    alphaStake: vec(t.alpha_stake, () => 0).map((v: Json) => BigInt(v)),
    taoStake: vec(t.tao_stake, () => 0).map((v: Json) => BigInt(v)),
    taoWeight: u64(t.tao_weight),
    blockAtRegistration: vec(t.block_at_registration, () => 0).map((v: Json) => BigInt(v)),
    lastUpdate: vec(t.last_update, () => 0).map((v: Json) => BigInt(v)),
    validatorPermit: vec(t.validator_permit, () => false),
    weights: vec(t.weights, () => []).map((row: SparseRowU16) => row.map(([j, v]): [number, number] => [j, v])),
    bonds: vec(t.bonds, () => []).map((row: SparseRowU16) => row.map(([j, v]): [number, number] => [j, v])),
    lastMechanismStepBlock: u64(t.last_mechanism_step_block),
    commitBlock: Array.from({ length: n }, () => null),
  };
}

function applyStep(s: State, step: Json, engine: EpochEngine): void {
  const uid: number = step.uid;
  switch (step.op) {
    case 'set_weights': {
      const stored = engine.maxUpscaleU16(step.values);
      s.weights[uid] = step.uids.map((j: number, k: number): [number, number] => [j, stored[k]]);
      s.lastUpdate[uid] = s.block;
      return;
    }
    case 'set_weights_raw':
      s.weights[uid] = step.row.map(([j, v]: [number, number]): [number, number] => [j, v]);
      return;
    case 'set_stake':
      s.alphaStake[uid] = BigInt(step.alpha_stake);
      if (step.tao_stake !== undefined) s.taoStake[uid] = BigInt(step.tao_stake);
      return;
    case 'set_hyperparameter':
      s.hyperparameters = withHyperparameters(s.hyperparameters, step.values);
      return;
    case 'set_last_update':
      s.lastUpdate[uid] = BigInt(step.value);
      return;
    case 'set_last_mechanism_step_block':
      s.lastMechanismStepBlock = BigInt(step.value);
      return;
    case 'set_commit_block':
      s.commitBlock[uid] = step.value === null ? null : BigInt(step.value);
      return;
    case 'replace_neuron':
      s.blockAtRegistration[uid] = s.block;
      s.lastUpdate[uid] = s.block;
      s.validatorPermit[uid] = false;
      s.bonds[uid] = [];
      s.weights[uid] = [];
      s.weights = s.weights.map((row) => row.map(([j, v]): [number, number] => [j, j === uid ? 0 : v]));
      s.alphaStake[uid] = BigInt(step.new_alpha_stake);
      s.taoStake[uid] = 0n;
      s.commitBlock[uid] = null;
      return;
    case 'reset_bonds':
      s.bonds = s.bonds.map((row) => row.filter(([j]) => j !== uid));
      return;
    default:
      throw new Error(`unknown op ${step.op}`);
  }
}

/** One replayed epoch: the block it ran at, the engine's output and the input it was given. */
export interface ReplayedEpoch {
  block: bigint;
  input: EpochInput;
  output: EpochOutput;
}

/** Replays every step of `trace` with `engine`; epochs persist their bonds and new permits before the next step. */
export function replay(trace: Json, engine: EpochEngine, intermediates = false): ReplayedEpoch[] {
  const s = initialState(trace);
  const epochs: ReplayedEpoch[] = [];
  for (const step of trace.steps) {
    if (step.block !== undefined) s.block = BigInt(step.block);
    if (step.op !== 'epoch') {
      applyStep(s, step, engine);
      continue;
    }
    const input: EpochInput = structuredClone({ ...s, raoEmission: BigInt(step.rao_emission) });
    const output = engine.runEpoch(input, { intermediates });
    s.bonds = output.bonds.map((row) => row.map(([j, v]): [number, number] => [j, v]));
    s.validatorPermit = [...output.newValidatorPermit];
    epochs.push({ block: s.block, input, output });
  }
  return epochs;
}

const asU64Strings = (values: (number | string | bigint)[]): string[] => values.map((v) => BigInt(v).toString());

/** An epoch in yuma-trace-result/1 shape with every u64 as a decimal string, for exact comparison. */
export function resultEpoch(e: ReplayedEpoch): Json {
  const o = e.output;
  return {
    block: e.block.toString(),
    emission: asU64Strings(o.emission),
    server_emission: asU64Strings(o.serverEmission),
    validator_emission: asU64Strings(o.validatorEmission),
    incentive_u16: o.incentive,
    dividends_u16: o.dividends,
    consensus_u16: o.consensus,
    validator_trust_u16: o.validatorTrust,
    stake_weight_u16: o.stakeWeight,
    active: o.active,
    new_validator_permit: o.newValidatorPermit,
    bonds_u16_after: o.bonds,
  };
}

/** A `derived` epoch with its u64 fields normalised the same way. */
export function derivedEpoch(d: Json): Json {
  return {
    ...d,
    block: BigInt(d.block).toString(),
    emission: asU64Strings(d.emission),
    server_emission: asU64Strings(d.server_emission),
    validator_emission: asU64Strings(d.validator_emission),
  };
}
