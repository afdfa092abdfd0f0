// The `steps` of yuma-trace/1: one reader per op, checked against n, owner_uid and the running block.
// Pure. Every step is fully validated here, so replay never meets a malformed step.
import type { Hyperparameters, SparseRowU16 } from './epoch.ts';
import type { JsonObject, JsonValue } from './json-parse.ts';
import { TraceError, indexPath, keyPath, quote } from './trace-error.ts';
import {
  UidSet,
  describe,
  optional,
  readArray,
  readEach,
  readObject,
  readSparseRow,
  readU16,
  readU64,
  readUid,
  required,
} from './trace-fields.ts';
import { readHyperparameters } from './trace-hyperparameters.ts';

/** One step of a trace; `block`, when not null, becomes the current block before the step runs. */
export type TraceStep = { block: bigint | null } & (
  | { op: 'set_weights'; uid: number; uids: number[]; values: number[] }
  | { op: 'set_weights_raw'; uid: number; row: SparseRowU16 }
  /** `taoStake` null: TAO stake unchanged. */
  | { op: 'set_stake'; uid: number; alphaStake: bigint; taoStake: bigint | null }
  | { op: 'set_hyperparameter'; values: Partial<Hyperparameters> }
  | { op: 'set_last_update'; uid: number; value: bigint }
  | { op: 'set_last_mechanism_step_block'; value: bigint }
  | { op: 'set_commit_block'; uid: number; value: bigint | null }
  | { op: 'replace_neuron'; uid: number; newAlphaStake: bigint }
  | { op: 'reset_bonds'; uid: number }
  | { op: 'epoch'; raoEmission: bigint }
);

/** What step readers check against. */
interface StepContext {
  n: number;
  ownerUid: number | null;
  seen: UidSet;
}

type Op = TraceStep['op'];
/** A step without its block (Omit applied to each member of the union); `{ block, ...body }` is a TraceStep. */
export type TraceStepBody = TraceStep extends infer S ? (S extends unknown ? Omit<S, 'block'> : never) : never;
type OpReader = (s: JsonObject, path: string, ctx: StepContext) => TraceStepBody;

const field = (s: JsonObject, key: string, path: string) => [required(s, key, path), keyPath(path, key)] as const;
const uidOf = (s: JsonObject, path: string, ctx: StepContext) => readUid(...field(s, 'uid', path), ctx.n);
const u64Of = (s: JsonObject, key: string, path: string) => readU64(...field(s, key, path));

const OPS: Record<Op, OpReader> = {
  set_weights: (s, path, ctx) => {
    const uid = uidOf(s, path, ctx);
    const [uidsJson, uidsPath] = field(s, 'uids', path);
    const [valuesJson, valuesPath] = field(s, 'values', path);
    const uidList = readArray(uidsJson, uidsPath);
    ctx.seen.clear();
    const uids = readEach(uidList, uidsPath, (v, p) => readUid(v, p, ctx.n));
    uids.forEach((u, k) => {
      const earlier = ctx.seen.add(u, k);
      if (earlier >= 0) throw new TraceError(indexPath(uidsPath, k), `duplicate uid ${u} (also at [${earlier}])`);
    });
    const values = readEach(readArray(valuesJson, valuesPath), valuesPath, readU16);
    if (values.length !== uids.length) {
      throw new TraceError(valuesPath, `length ${values.length} differs from uids (length ${uids.length})`);
    }
    return { op: 'set_weights', uid, uids, values };
  },
  set_weights_raw: (s, path, ctx) => ({
    op: 'set_weights_raw',
    uid: uidOf(s, path, ctx),
    row: readSparseRow(...field(s, 'row', path), ctx.n, ctx.seen),
  }),
  set_stake: (s, path, ctx) => {
    const tao = optional(s, 'tao_stake');
    return {
      op: 'set_stake',
      uid: uidOf(s, path, ctx),
      alphaStake: u64Of(s, 'alpha_stake', path),
      taoStake: tao === undefined ? null : readU64(tao, keyPath(path, 'tao_stake')),
    };
  },
  set_hyperparameter: (s, path) => ({ op: 'set_hyperparameter', values: readHyperparameters(...field(s, 'values', path)) }),
  set_last_update: (s, path, ctx) => ({ op: 'set_last_update', uid: uidOf(s, path, ctx), value: u64Of(s, 'value', path) }),
  set_last_mechanism_step_block: (s, path) => ({ op: 'set_last_mechanism_step_block', value: u64Of(s, 'value', path) }),
  set_commit_block: (s, path, ctx) => {
    const uid = uidOf(s, path, ctx);
    const [v, p] = field(s, 'value', path);
    return { op: 'set_commit_block', uid, value: v === null ? null : readU64(v, p) };
  },
  replace_neuron: (s, path, ctx) => {
    const uid = uidOf(s, path, ctx);
    if (uid === ctx.ownerUid) throw new TraceError(keyPath(path, 'uid'), `uid ${uid} is owner_uid, which is never replaced`);
    return { op: 'replace_neuron', uid, newAlphaStake: u64Of(s, 'new_alpha_stake', path) };
  },
  reset_bonds: (s, path, ctx) => ({ op: 'reset_bonds', uid: uidOf(s, path, ctx) }),
  epoch: (s, path) => ({ op: 'epoch', raoEmission: u64Of(s, 'rao_emission', path) }),
};

/** Reads `steps`; blocks must never go backwards from `startBlock` or from an earlier step's block. */
export function readSteps(v: JsonValue, path: string, n: number, ownerUid: number | null, startBlock: bigint): TraceStep[] {
  const ctx: StepContext = { n, ownerUid, seen: new UidSet(n) };
  let current = startBlock;
  return readEach(readArray(v, path), path, (stepJson, stepPath) => {
    const s = readObject(stepJson, stepPath);
    const blockJson = optional(s, 'block');
    let block: bigint | null = null;
    if (blockJson !== undefined) {
      block = readU64(blockJson, keyPath(stepPath, 'block'));
      if (block < current) throw new TraceError(keyPath(stepPath, 'block'), `block ${block} goes backwards (current block ${current})`);
      current = block;
    }
    const [opJson, opPath] = field(s, 'op', stepPath);
    if (typeof opJson !== 'string') throw new TraceError(opPath, `expected an op name (string), got ${describe(opJson)}`);
    if (!Object.hasOwn(OPS, opJson)) throw new TraceError(opPath, `unknown op ${quote(opJson)}`);
    const step: TraceStep = { block, ...OPS[opJson as Op](s, stepPath, ctx) };
    return step;
  });
}
