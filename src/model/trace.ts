// yuma-trace/1 (shared/formats/yuma-trace.md): the Trace type and parseTrace, which validates a whole document
// before anything runs. Pure; the only error it throws is TraceError. Replaying a trace lives in replay.ts.
import { DEFAULT_HYPERPARAMETERS, type EpochInput } from './epoch.ts';
import { MAX_TRACE_BYTES, checkTraceSize, decodeTraceBytes, utf8Length } from './json-text.ts';
import { parseJson, type JsonObject, type JsonValue } from './json-parse.ts';
import { TraceError, keyPath, quote } from './trace-error.ts';
import {
  UidSet,
  describe,
  optional,
  readBool,
  readInt,
  readObject,
  readSparseRow,
  readU64,
  readUid,
  readVector,
  required,
} from './trace-fields.ts';
import { readHyperparameters } from './trace-hyperparameters.ts';
import { readSteps, type TraceStep } from './trace-steps.ts';

export { TraceError } from './trace-error.ts';
export type { TraceStep, TraceStepBody } from './trace-steps.ts';

export const TRACE_FORMAT = 'yuma-trace/1';
/** Largest subnet a trace may describe (uids 0..4095, the storage key width of a mechanism). */
export const MAX_N = 4096;

/**
 * A validated trace: a subnet's starting state, every default filled in, in the epoch's own terms (the block is
 * `startBlock`; every uid starts without a commit block), and the steps to apply.
 */
export interface Trace extends Omit<EpochInput, 'block' | 'commitBlock' | 'raoEmission'> {
  name: string;
  startBlock: bigint;
  steps: TraceStep[];
}

/**
 * Parses and validates a yuma-trace/1 document completely. Throws only TraceError, whose message is one line
 * `PATH: fault` (prefixed by `fileLabel: ` when given). Rejects texts over 16 MiB of UTF-8 before parsing.
 */
export function parseTrace(text: string, fileLabel?: string): Trace {
  return labelled(fileLabel, () => {
    // A UTF-16 unit is at most 3 UTF-8 bytes, so short texts skip the byte count.
    if (text.length > MAX_TRACE_BYTES / 3) checkTraceSize(utf8Length(text));
    return readTrace(parseJson(text));
  });
}

/** parseTrace for raw file bytes: size cap, then strict UTF-8, then the same validation. */
export function parseTraceBytes(bytes: Uint8Array, fileLabel?: string): Trace {
  return labelled(fileLabel, () => readTrace(parseJson(decodeTraceBytes(bytes))));
}

function labelled(fileLabel: string | undefined, parse: () => Trace): Trace {
  try {
    return parse();
  } catch (e) {
    if (e instanceof TraceError) throw fileLabel === undefined ? e : e.inFile(fileLabel);
    // Anything else is a bug in this reader or an exhausted engine (stack, memory): still a one-line TraceError.
    throw new TraceError('$', `cannot read trace (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, fileLabel);
  }
}

function readTrace(doc: JsonValue): Trace {
  const root = readObject(doc, '');
  const format = required(root, 'format', '');
  if (format !== TRACE_FORMAT) {
    throw new TraceError('format', `expected ${quote(TRACE_FORMAT)}, got ${describe(format)}`);
  }
  const n = readInt(required(root, 'n', ''), 'n', 1, MAX_N, 'n');
  const name = optional(root, 'name') ?? '';
  if (typeof name !== 'string') throw new TraceError('name', `expected a string, got ${describe(name)}`);
  const startBlock = u64Field(root, 'start_block', 0n);
  const ownerJson = optional(root, 'owner_uid') ?? null;
  const ownerUid = ownerJson === null ? null : readUid(ownerJson, 'owner_uid', n);
  const hyperJson = optional(root, 'hyperparameters');
  const hyperparameters = {
    ...DEFAULT_HYPERPARAMETERS,
    ...(hyperJson === undefined ? {} : readHyperparameters(hyperJson, 'hyperparameters')),
  };
  const seen = new UidSet(n);
  // A per-uid vector; without `fallback` the field is required.
  const vector = <T>(key: string, read: (v: JsonValue, p: string) => T, fallback?: T): T[] => {
    const v = fallback === undefined ? required(root, key, '') : optional(root, key);
    return v === undefined ? new Array<T>(n).fill(fallback as T) : readVector(v, key, n, read);
  };
  const sparse = (key: string) => {
    const v = optional(root, key);
    return v === undefined ? Array.from({ length: n }, () => []) : readVector(v, key, n, (row, p) => readSparseRow(row, p, n, seen));
  };
  const trace: Omit<Trace, 'steps'> = {
    name,
    n,
    startBlock,
    ownerUid,
    hyperparameters,
    alphaStake: vector('alpha_stake', readU64),
    taoStake: vector('tao_stake', readU64, 0n),
    taoWeight: u64Field(root, 'tao_weight', 0n),
    blockAtRegistration: vector('block_at_registration', readU64, 0n),
    lastUpdate: vector('last_update', readU64, 0n),
    validatorPermit: vector('validator_permit', readBool, false),
    weights: sparse('weights'),
    bonds: sparse('bonds'),
    lastMechanismStepBlock: u64Field(root, 'last_mechanism_step_block', 0n),
  };
  return { ...trace, steps: readSteps(required(root, 'steps', ''), 'steps', n, ownerUid, startBlock) };
}

function u64Field(root: JsonObject, key: string, fallback: bigint): bigint {
  const v = optional(root, key);
  return v === undefined ? fallback : readU64(v, keyPath('', key));
}
