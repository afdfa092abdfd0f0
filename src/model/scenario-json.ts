// JSON text for scenario documents: from an untrusted in-memory value (IndexedDB, a caller's object) to text the strict
// reader can check, and the file layout of a canonical document. Pure; the only error is TraceError(path, fault).
import { MAX_JSON_DEPTH } from './json-parse.ts';
import { MAX_TRACE_BYTES } from './json-text.ts';
import { TraceError, indexPath, keyPath } from './trace-error.ts';
import type { Json } from './trace-result.ts';

/** A canonical scenario document: a JSON object with u64 values over 2^53−1 already written as decimal strings. */
export type JsonDoc = { [key: string]: Json };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * JSON text of an arbitrary value, for validation by a format's reader, which stays the judge of every field. Never
 * evaluates anything: plain objects (own enumerable keys, `undefined` values skipped), arrays, strings, booleans,
 * null, finite numbers and bigints (a non-negative bigint over 2^53−1 becomes a u64 decimal string). NaN, Infinity,
 * other objects, cycles (as nesting over MAX_JSON_DEPTH) and texts over MAX_TRACE_BYTES are TraceError at their path.
 */
export function jsonTextOf(value: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const emit = (s: string) => {
    length += s.length;
    // A UTF-16 unit of JSON text is at least one UTF-8 byte: past the cap in units is past it in bytes.
    if (length > MAX_TRACE_BYTES) throw new TraceError('$', `scenario is over the ${MAX_TRACE_BYTES}-byte limit`);
    parts.push(s);
  };
  const write = (v: unknown, path: string, depth: number): void => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return emit(JSON.stringify(v));
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TraceError(path, `${v} is not a JSON number`);
      return emit(JSON.stringify(v));
    }
    if (typeof v === 'bigint') return emit(v > MAX_SAFE ? JSON.stringify(v.toString()) : v.toString());
    if (typeof v !== 'object') throw new TraceError(path, `expected a JSON value, got ${typeof v}`);
    if (depth >= MAX_JSON_DEPTH) throw new TraceError(path, `nesting deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(v)) {
      emit('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) emit(',');
        if (v[i] === undefined) throw new TraceError(indexPath(path, i), 'expected a JSON value, got undefined');
        write(v[i], indexPath(path, i), depth + 1);
      }
      return emit(']');
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      throw new TraceError(path, `expected a JSON value, got ${String(proto?.constructor?.name ?? 'an object')}`);
    }
    emit('{');
    let first = true;
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (item === undefined) continue;
      emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      write(item, keyPath(path, key), depth + 1);
    }
    emit('}');
  };
  try {
    write(value, '', 0);
  } catch (e) {
    if (e instanceof TraceError) throw e;
    // A getter that throws, a revoked proxy, an exhausted stack: still one line at the root.
    throw new TraceError('$', `cannot read scenario (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  return parts.join('');
}

/**
 * The file layout of a document: one top-level key per line, and one element per line for arrays of arrays or
 * objects (weight and bond rows, steps); everything else compact. Deterministic: the same document, the same text.
 */
export function documentText(doc: JsonDoc): string {
  const lines = Object.keys(doc).map((key) => {
    const v = doc[key];
    const nested = Array.isArray(v) && v.length > 0 && v.every((e) => e !== null && typeof e === 'object');
    const body = nested ? `[\n${v.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n ]` : JSON.stringify(v);
    return ` ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
