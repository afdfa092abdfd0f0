// Typed readers for yuma-sim-case/1 values beyond those of src/model/trace-fields.ts: float64 numbers
// with ranges, large integers, enums. Pure; each returns the value or throws TraceError(path, fault).
import { InexactNumber, type JsonValue } from '../model/json-parse.ts';
import { TraceError, quote } from '../model/trace-error.ts';
import { describe } from '../model/trace-fields.ts';

/** The value of a JSON number as a float64 (the nearest double to its decimal text; -0 becomes 0), or undefined if `v` is no number. */
export function numberValue(v: JsonValue): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof InexactNumber) return Number(v.text) + 0;
  return undefined;
}

/** A finite JSON number in [min, max] (`min` excluded when `minExclusive`); `what` words the range in the message. */
export function readNumberIn(v: JsonValue, path: string, min: number, max: number, what: string, minExclusive = false): number {
  const x = numberValue(v);
  if (x === undefined || !Number.isFinite(x)) throw new TraceError(path, `must be ${what}, got ${describe(v)}`);
  if (x < min || x > max || (minExclusive && x === min)) throw new TraceError(path, `must be ${what}, got ${x}`);
  return x;
}

/** A finite number ≥ 0 (entries of stakes and weights): the hot path of a case, so it allocates nothing when valid. */
export function readNonNegative(v: JsonValue, path: () => string): number {
  const x = typeof v === 'number' ? v : numberValue(v);
  if (x === undefined || !(x >= 0) || x === Infinity) {
    throw new TraceError(path(), `must be a finite number >= 0, got ${describe(v)}`);
  }
  return x;
}

/** An integer-valued JSON number ≥ min (`3` and `3.0` alike; beyond 2^53 allowed when exact enough to be an integer). */
export function readIntegerAtLeast(v: JsonValue, path: string, min: number): number {
  const x = numberValue(v);
  const integral = typeof v === 'number' || (v instanceof InexactNumber && !v.fraction);
  if (x === undefined || !integral || !Number.isFinite(x) || x < min) {
    throw new TraceError(path, `must be an integer >= ${min}, got ${describe(v)}`);
  }
  return x;
}

/** A JSON number or null. */
export function readNumberOrNull(v: JsonValue, path: string): number | null {
  if (v === null) return null;
  const x = numberValue(v);
  if (x === undefined || !Number.isFinite(x)) throw new TraceError(path, `must be a finite number or null, got ${describe(v)}`);
  return x;
}

/** A JSON string. */
export function readString(v: JsonValue, path: string): string {
  if (typeof v !== 'string') throw new TraceError(path, `must be a string, got ${describe(v)}`);
  return v;
}

/** One of `choices` (a JSON string, compared exactly). */
export function readEnum<T extends string>(v: JsonValue, path: string, choices: readonly T[]): T {
  if (typeof v === 'string' && (choices as readonly string[]).includes(v)) return v as T;
  const list = choices.map((c) => quote(c)).join(', ');
  throw new TraceError(path, `must be one of ${list}, got ${describe(v)}`);
}
