// Column codecs for chain snapshots: a list of values becomes one typed array when every value fits (u64 bigints,
// numbers, booleans, u16 sparse rows), else stays a plain array. Typed arrays structured-clone as one memcpy, which
// is the point: cloning thousands of small objects and bigints is what made plain snapshots slow. Exact round trip.
import type { SparseRowU16 } from '../model/epoch.ts';

const U64_LIMIT = 1n << 64n;

/** Sparse rows in compressed-row form: row i is col/val[start[i] .. start[i + 1]). */
export interface PackedRows {
  start: Uint32Array;
  col: Uint16Array;
  val: Uint16Array;
}

export type Column =
  | { t: 'u64'; v: BigUint64Array }
  | { t: 'f64'; v: Float64Array }
  | { t: 'bool'; v: Uint8Array }
  | { t: 'rows'; v: PackedRows }
  | { t: 'any'; v: unknown[] };

/** Objects with the same keys in the same order, stored column by column. */
export interface Table {
  keys: string[];
  count: number;
  columns: Column[];
}

/** A string-keyed record of plain values, in insertion order. */
export interface PackedRecord {
  keys: string[];
  values: Column;
}

const isU16 = (x: unknown): x is number => typeof x === 'number' && (x & 0xffff) === x;

function packRows(values: unknown[]): PackedRows | null {
  let total = 0;
  for (const r of values) {
    if (!Array.isArray(r)) return null;
    total += r.length;
  }
  const start = new Uint32Array(values.length + 1);
  const col = new Uint16Array(total);
  const val = new Uint16Array(total);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    start[i] = k;
    for (const pair of values[i] as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2 || !isU16(pair[0]) || !isU16(pair[1])) return null;
      col[k] = pair[0];
      val[k] = pair[1];
      k++;
    }
  }
  start[values.length] = k;
  return { start, col, val };
}

function rowAt(p: PackedRows, i: number): SparseRowU16 {
  const out: SparseRowU16 = new Array(p.start[i + 1] - p.start[i]);
  for (let k = p.start[i], m = 0; k < p.start[i + 1]; k++, m++) out[m] = [p.col[k], p.val[k]];
  return out;
}

/** The narrowest column that holds `values` exactly (a copy: later changes to the values do not reach it). */
export function packColumn(values: unknown[]): Column {
  if (values.length > 0) {
    const first = values[0];
    if (typeof first === 'bigint' && values.every((x) => typeof x === 'bigint' && x >= 0n && x < U64_LIMIT)) return { t: 'u64', v: BigUint64Array.from(values as bigint[]) };
    if (typeof first === 'number' && values.every((x) => typeof x === 'number')) return { t: 'f64', v: Float64Array.from(values as number[]) };
    if (typeof first === 'boolean' && values.every((x) => typeof x === 'boolean')) return { t: 'bool', v: Uint8Array.from(values as boolean[], Number) };
    if (Array.isArray(first)) {
      const rows = packRows(values);
      if (rows) return { t: 'rows', v: rows };
    }
  }
  return { t: 'any', v: structuredClone(values) };
}

/** Value `i` of a column, as it was packed. */
export function columnAt(c: Column, i: number): unknown {
  switch (c.t) {
    case 'bool': return c.v[i] === 1;
    case 'rows': return rowAt(c.v, i);
    case 'any': return structuredClone(c.v[i]);
    default: return c.v[i];
  }
}

/** Packs objects that all have the same keys in the same order; null when they do not. */
export function packTable(rows: object[]): Table | null {
  const keys = rows.length > 0 ? Object.keys(rows[0]) : [];
  for (const r of rows) {
    const k = Object.keys(r);
    if (k.length !== keys.length || k.some((key, i) => key !== keys[i])) return null;
  }
  const columns = keys.map((key) => packColumn(rows.map((r) => (r as Record<string, unknown>)[key])));
  return { keys, count: rows.length, columns };
}

export function unpackTable<T>(t: Table): T[] {
  const out = new Array<T>(t.count);
  for (let i = 0; i < t.count; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < t.keys.length; k++) row[t.keys[k]] = columnAt(t.columns[k], i);
    out[i] = row as T;
  }
  return out;
}

export function packRecord(r: Record<string, unknown>): PackedRecord {
  const keys = Object.keys(r);
  return { keys, values: packColumn(keys.map((k) => r[k])) };
}

export function unpackRecord<V>(p: PackedRecord): Record<string, V> {
  const out: Record<string, V> = {};
  for (let i = 0; i < p.keys.length; i++) out[p.keys[i]] = columnAt(p.values, i) as V;
  return out;
}
