// The playground's own labels on a yuma-trace/1 subnet, carried under the document's `playground` key (trace readers
// ignore unknown keys, so other tools read the same file): neuron names and roles, the emission of the next epochs
// and the keep-alive switch. Not chain state: nothing the epoch computes depends on them. Pure; errors are TraceError.
// Canonical like the rest of the document: only what differs from the defaults below is written (a neuron with its
// default label is `null`), and labels equal to the defaults are no labels at all.
import { parseJson, type JsonValue } from './json-parse.ts';
import type { Trace } from './trace.ts';
import { TraceError, keyPath } from './trace-error.ts';
import { optional, readBool, readObject, readU64, readVector, required } from './trace-fields.ts';
import { u64Json, type Json } from './trace-result.ts';

/** Longest neuron name kept (names are rendered as text, never as markup). */
export const MAX_NAME_LENGTH = 40;

export type Role = 'validator' | 'miner';

export interface NeuronLabel {
  name: string;
  role: Role;
}

export interface PlaygroundLabels {
  /** One per uid. */
  neurons: NeuronLabel[];
  /** rao_emission of the epochs the user runs next; absent = the last epoch step's. */
  raoEmission?: bigint;
  /** Whether validators re-submit their weights each epoch; absent = true. */
  keepAlive?: boolean;
}

/** Without labels: a uid with stake, a weight row or a permit is a validator. */
export function defaultRole(t: Trace, uid: number): Role {
  return t.alphaStake[uid] > 0n || t.weights[uid].length > 0 || t.validatorPermit[uid] ? 'validator' : 'miner';
}

/** The label a uid has when the document gives none: V3 for a validator, M7 for a miner. */
export function defaultLabel(t: Trace, uid: number): NeuronLabel {
  const role = defaultRole(t, uid);
  return { name: `${role === 'validator' ? 'V' : 'M'}${uid}`, role };
}

/** The rao_emission the next epochs default to: the last epoch step's, if any. */
function defaultEmission(t: Trace): bigint | undefined {
  for (let i = t.steps.length - 1; i >= 0; i--) {
    const s = t.steps[i];
    if (s.op === 'epoch') return s.raoEmission;
  }
  return undefined;
}

/** The `playground` labels of a document text read as `trace`, or undefined when it has none beyond the defaults. */
export function readPlaygroundLabels(text: string, trace: Trace): PlaygroundLabels | undefined {
  if (!text.includes('"playground"')) return undefined;
  const extra = optional(readObject(parseJson(text), '$'), 'playground');
  if (extra === undefined) return undefined;
  const labels = readLabels(extra, 'playground', trace);
  return playgroundJson(labels, trace) === undefined ? undefined : canonicalLabels(labels, trace);
}

function readLabels(v: JsonValue, path: string, trace: Trace): PlaygroundLabels {
  const obj = readObject(v, path);
  const given = optional(obj, 'neurons');
  const neurons = given === undefined
    ? trace.alphaStake.map((_, uid) => defaultLabel(trace, uid))
    : readVector(given, keyPath(path, 'neurons'), trace.n, (e, p) => readNeuron(e, p, trace));
  const labels: PlaygroundLabels = { neurons };
  const emission = optional(obj, 'rao_emission');
  if (emission !== undefined) labels.raoEmission = readU64(emission, keyPath(path, 'rao_emission'));
  const keepAlive = optional(obj, 'keep_alive');
  if (keepAlive !== undefined) labels.keepAlive = readBool(keepAlive, keyPath(path, 'keep_alive'));
  return labels;
}

function readNeuron(v: JsonValue, path: string, trace: Trace): NeuronLabel {
  const uid = Number(/\[(\d+)\]$/.exec(path)![1]);
  if (v === null) return defaultLabel(trace, uid);
  const obj = readObject(v, path);
  const name = required(obj, 'name', path);
  if (typeof name !== 'string') throw new TraceError(keyPath(path, 'name'), 'expected a string');
  if ([...name].length > MAX_NAME_LENGTH) throw new TraceError(keyPath(path, 'name'), `longer than ${MAX_NAME_LENGTH} characters`);
  const role = required(obj, 'role', path);
  if (role !== 'validator' && role !== 'miner') throw new TraceError(keyPath(path, 'role'), 'expected "validator" or "miner"');
  return { name, role };
}

/**
 * The labels as the document's `playground` value, canonical (what readPlaygroundLabels reads back to the same
 * labels); undefined when every label is its default, so the document carries no `playground` at all.
 */
export function playgroundJson(labels: PlaygroundLabels, trace: Trace): Json | undefined {
  const out: { [key: string]: Json } = {};
  const neurons = labels.neurons.map((m, uid): Json => {
    const d = defaultLabel(trace, uid);
    return m.name === d.name && m.role === d.role ? null : { name: m.name, role: m.role };
  });
  if (neurons.some((m) => m !== null)) out.neurons = neurons;
  if (labels.raoEmission !== undefined && labels.raoEmission !== defaultEmission(trace)) out.rao_emission = u64Json(labels.raoEmission);
  if (labels.keepAlive === false) out.keep_alive = false;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Labels in canonical form: the defaulted fields dropped, so equal labels compare equal however they were written. */
export function canonicalLabels(labels: PlaygroundLabels, trace: Trace): PlaygroundLabels {
  const out: PlaygroundLabels = { neurons: labels.neurons };
  if (labels.raoEmission !== undefined && labels.raoEmission !== defaultEmission(trace)) out.raoEmission = labels.raoEmission;
  if (labels.keepAlive === false) out.keepAlive = false;
  return out;
}
