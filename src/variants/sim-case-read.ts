// Validates the `case` object of a job (format §3, §6) into a SimCase. Pure; throws TraceError with a
// JSONPath (`$.case.weights[3][1][0]`). Descriptive and unknown keys are ignored (forward compatibility).
import type { JsonObject, JsonValue } from '../model/json-parse.ts';
import { TraceError, indexPath, keyPath } from '../model/trace-error.ts';
import { optional, readArray, readBool, readInt, readObject, required } from '../model/trace-fields.ts';
import { readIntegerAtLeast, readNonNegative, readString } from './json-read.ts';
import type { SimCase } from './sim-case.ts';

const REQUIRED = ['validators', 'servers', 'base_validator', 'num_epochs', 'stakes', 'weights'] as const;

/** Reads and checks a yuma-sim-case/1 object found at `path`; the first failure wins. */
export function readSimCase(v: JsonValue, path: string): SimCase {
  const obj = readObject(v, path);
  for (const key of REQUIRED) required(obj, key, path);
  const at = (key: string) => keyPath(path, key);
  const validators = readNames(obj.validators, at('validators'));
  const servers = readNames(obj.servers, at('servers'));
  const baseValidator = readInt(obj.base_validator, at('base_validator'), 0, validators.length - 1, 'validator index');
  const numEpochs = readIntegerAtLeast(obj.num_epochs, at('num_epochs'), 1);
  const stakes = readStakes(obj.stakes, at('stakes'), numEpochs, validators.length);
  const weights = readWeights(obj.weights, at('weights'), numEpochs, validators.length, servers.length);
  return {
    validators,
    servers,
    baseValidator,
    numEpochs,
    stakes,
    weights,
    resetBonds: readResetBonds(obj, at('reset_bonds'), servers.length),
    winnerTakesAll: readOptionalBool(obj, 'winner_takes_all', at('winner_takes_all')),
  };
}

function readNames(v: JsonValue, path: string): string[] {
  const a = readArray(v, path);
  if (a.length === 0) throw new TraceError(path, 'must hold at least one name');
  return a.map((name, i) => readString(name, indexPath(path, i)));
}

/** An array of exactly `n` elements. */
function sized(v: JsonValue, path: string, n: number, what: string): JsonValue[] {
  const a = readArray(v, path);
  if (a.length !== n) throw new TraceError(path, `length ${a.length}, expected ${n} (${what})`);
  return a;
}

/** A row of `n` finite numbers ≥ 0; element paths are built only for the message of a failure. */
function readRow(v: JsonValue, path: string, n: number, what: string): number[] {
  const a = sized(v, path, n, what);
  const row = new Array<number>(n);
  for (let k = 0; k < n; k++) row[k] = readNonNegative(a[k], () => indexPath(path, k));
  return row;
}

function readStakes(v: JsonValue, path: string, epochs: number, validators: number): number[][] {
  const a = sized(v, path, epochs, 'num_epochs');
  const out = new Array<number[]>(epochs);
  for (let e = 0; e < epochs; e++) {
    const p = indexPath(path, e);
    out[e] = readRow(a[e], p, validators, 'one stake per validator');
    if (!(out[e].reduce((s, x) => s + x, 0) > 0)) throw new TraceError(p, 'stakes of an epoch must sum to more than 0');
  }
  return out;
}

function readWeights(v: JsonValue, path: string, epochs: number, validators: number, servers: number): number[][][] {
  const a = sized(v, path, epochs, 'num_epochs');
  const out = new Array<number[][]>(epochs);
  for (let e = 0; e < epochs; e++) {
    const p = indexPath(path, e);
    const rows = sized(a[e], p, validators, 'one row per validator');
    out[e] = rows.map((row, i) => readRow(row, indexPath(p, i), servers, 'one weight per server'));
  }
  return out;
}

function readResetBonds(obj: JsonObject, path: string, servers: number): SimCase['resetBonds'] {
  const v = optional(obj, 'reset_bonds') ?? null;
  if (v === null) return null;
  const reset = readObject(v, path);
  const serverIndex = readInt(required(reset, 'server_index', path), keyPath(path, 'server_index'), 0, servers - 1, 'server index');
  const epoch = readIntegerAtLeast(required(reset, 'epoch', path), keyPath(path, 'epoch'), 0);
  return { serverIndex, epoch };
}

function readOptionalBool(obj: JsonObject, key: string, path: string): boolean {
  const v = optional(obj, key);
  return v === undefined ? false : readBool(v, path);
}
