// Typed readers for yuma-trace/1 values: each returns the value in model form or throws TraceError(path, fault).
// Pure. Sparse rows, which hold most of a large trace's numbers, format element paths only for a faulty entry.
import type { SparseRowU16 } from './epoch.ts';
import { InexactNumber, type JsonObject, type JsonValue } from './json-parse.ts';
import { TraceError, indexPath, quote } from './trace-error.ts';

const U16_MAX = 65535;
const U64_MAX = (1n << 64n) - 1n;
const DIGITS = /^[0-9]+$/;

/** A short description of a JSON value for "expected X, got Y" messages. */
export function describe(v: JsonValue | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (v instanceof InexactNumber) return `number ${v.text.length > 40 ? `${v.text.slice(0, 37)}…` : v.text}`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `string ${quote(v)}`;
  return `${typeof v} ${String(v)}`;
}

/** The value as an object, else TraceError. */
export function readObject(v: JsonValue, path: string): JsonObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof InexactNumber) {
    throw new TraceError(path, `expected an object, got ${describe(v)}`);
  }
  return v;
}

/** The value as an array, else TraceError. */
export function readArray(v: JsonValue, path: string): JsonValue[] {
  if (!Array.isArray(v)) throw new TraceError(path, `expected an array, got ${describe(v)}`);
  return v;
}

/** `obj[key]`, or TraceError "missing required field" at `path`. */
export function required(obj: JsonObject, key: string, path: string): JsonValue {
  if (!Object.hasOwn(obj, key)) throw new TraceError(path, `missing required field ${quote(key)}`);
  return obj[key];
}

/** `obj[key]` when present, else undefined. */
export function optional(obj: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** An integer JSON number in min..max (never a string); `what` names the type in the range message ("u16"). */
export function readInt(v: JsonValue, path: string, min: number, max: number, what: string): number {
  if (typeof v !== 'number') {
    if (v instanceof InexactNumber) {
      const fault = v.fraction ? 'is not an integer' : 'is too large for a JSON number (max 2^53−1)';
      throw new TraceError(path, `${describe(v)} ${fault}`);
    }
    throw new TraceError(path, `expected an integer (${what}), got ${describe(v)}`);
  }
  if (v < min || v > max) throw new TraceError(path, `${what} ${v} out of range (${min}..${max})`);
  return v;
}

/** A u16 JSON integer 0..65535. */
export const readU16 = (v: JsonValue, path: string): number => readInt(v, path, 0, U16_MAX, 'u16');

/** A uid 0..n−1. */
export function readUid(v: JsonValue, path: string, n: number): number {
  const uid = readInt(v, path, 0, Number.MAX_SAFE_INTEGER, 'uid');
  if (uid >= n) throw new TraceError(path, `uid ${uid} out of range (n = ${n})`);
  return uid;
}

/** A u64: a JSON integer 0..2^53−1 or a string of ASCII digits ≤ 2^64−1. */
export function readU64(v: JsonValue, path: string): bigint {
  if (typeof v === 'string') {
    if (!DIGITS.test(v)) throw new TraceError(path, `u64 string ${quote(v)} is not ASCII decimal digits`);
    const digits = v.replace(/^0+(?=.)/, '');
    if (digits.length > 20 || BigInt(digits) > U64_MAX) throw new TraceError(path, `u64 ${quote(v)} exceeds 2^64−1`);
    return BigInt(digits);
  }
  if (typeof v !== 'number' && !(v instanceof InexactNumber)) {
    throw new TraceError(path, `expected a u64 (JSON integer or decimal string), got ${describe(v)}`);
  }
  const negative = typeof v === 'number' ? v < 0 : v.text.startsWith('-');
  if (negative) throw new TraceError(path, `negative value ${describe(v).replace('number ', '')} for a u64`);
  return BigInt(readInt(v, path, 0, Number.MAX_SAFE_INTEGER, 'u64'));
}

/** A JSON boolean. */
export function readBool(v: JsonValue, path: string): boolean {
  if (typeof v !== 'boolean') throw new TraceError(path, `expected a boolean, got ${describe(v)}`);
  return v;
}

/** An array of exactly n elements, each read by `read(element, elementPath)`. */
export function readVector<T>(v: JsonValue, path: string, n: number, read: (e: JsonValue, p: string) => T): T[] {
  const a = readArray(v, path);
  if (a.length !== n) throw new TraceError(path, `length ${a.length}, expected n = ${n}`);
  return readEach(a, path, read);
}

/** Reads every element of an array with `read(element, elementPath)`. */
export function readEach<T>(a: JsonValue[], path: string, read: (e: JsonValue, p: string) => T): T[] {
  const out: T[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = read(a[i], indexPath(path, i));
  return out;
}

/** Tracks which uids a row or list has used, without a fresh allocation per row. */
export class UidSet {
  private readonly mark: Int32Array;
  private readonly firstIndex: Int32Array;
  private generation = 0;

  constructor(n: number) {
    this.mark = new Int32Array(n);
    this.firstIndex = new Int32Array(n);
  }

  /** Starts a new, empty set. */
  clear(): void {
    this.generation++;
  }

  /** Adds uid (seen at list position `index`); returns the earlier position if it was already present, else -1. */
  add(uid: number, index: number): number {
    if (this.mark[uid] === this.generation) return this.firstIndex[uid];
    this.mark[uid] = this.generation;
    this.firstIndex[uid] = index;
    return -1;
  }
}

/** A sparse row `[[column_uid, u16], …]`: columns 0..n−1 and distinct, in stored order. */
export function readSparseRow(v: JsonValue, path: string, n: number, seen: UidSet): SparseRowU16 {
  const a = readArray(v, path);
  seen.clear();
  const row: SparseRowU16 = new Array(a.length);
  for (let k = 0; k < a.length; k++) {
    const pair = a[k];
    const col = Array.isArray(pair) ? pair[0] : undefined;
    const value = Array.isArray(pair) ? pair[1] : undefined;
    // Paths are built only for a faulty pair: rows hold most of a large trace's numbers.
    const valid = Array.isArray(pair) && pair.length === 2 && typeof col === 'number' && col >= 0 && col < n;
    if (!valid || typeof value !== 'number' || value < 0 || value > U16_MAX) readPair(pair, indexPath(path, k), n);
    const earlier = seen.add(col as number, k);
    if (earlier >= 0) throw new TraceError(indexPath(indexPath(path, k), 0), `duplicate column ${col} (also at [${earlier}])`);
    row[k] = [col as number, value as number];
  }
  return row;
}

/** Throws the TraceError that describes a faulty sparse-row pair. */
function readPair(pair: JsonValue, path: string, n: number): never {
  if (!Array.isArray(pair) || pair.length !== 2) {
    const got = `${describe(pair)}${Array.isArray(pair) ? ` of length ${pair.length}` : ''}`;
    throw new TraceError(path, `expected a [column_uid, u16_value] pair, got ${got}`);
  }
  readUid(pair[0], indexPath(path, 0), n);
  readU16(pair[1], indexPath(path, 1));
  throw new Error('readPair: the pair is valid');
}

