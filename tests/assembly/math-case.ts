// One case of tests/golden/subtensor/math-tests.json with its fields read the way the file's
// "conventions" say: per-field literal types (default f32), exact or |got − want| ≤ ε comparison.
import type { SparseRowRaw } from '../../src/model/epoch.ts';
import { epsilonRaw, toInt, toRaw, type Literal, type LiteralType } from './literals.ts';

export interface MathRecord {
  name: string;
  function: string;
  used_by_current_epoch: boolean;
  note: string | null;
  cases: Record<string, unknown>[];
}

/** What a case computed and what the vector expects; `eps` (raw units) relaxes bit equality of bigint leaves. */
export interface Check {
  label?: string;
  got: unknown;
  want: unknown;
  eps?: bigint;
}

function literalType(text: string): LiteralType {
  if (text === 'f32' || text === 'f64') return text;
  if (['int', 'special', 'int/special'].includes(text)) return 'int';
  throw new Error(`unknown literal type ${text}`);
}

export class MathCase {
  /** Record-wide defaults that a record states only in its note (e.g. "compare with epsilon 0.0001; literals are f64/int"). */
  private readonly noteEpsilon?: number;
  private readonly noteType?: LiteralType;

  constructor(
    readonly record: MathRecord,
    readonly raw: Record<string, any>,
  ) {
    const note = record.note ?? '';
    const eps = /compare with epsilon ([0-9.e+-]+)/.exec(note);
    if (eps) this.noteEpsilon = Number(eps[1]);
    const type = /literals are (f32|f64)/.exec(note);
    if (type) this.noteType = literalType(type[1]);
  }

  /**
   * The Rust type of a field's literals, from the first that applies: `literal_types` ("new/old/expected f32,
   * alpha f64"), `<field>_literal_type`, `literal_type`, the record's note, else f32.
   */
  type(field: string): LiteralType {
    if (typeof this.raw.literal_types === 'string') {
      for (const part of this.raw.literal_types.split(',')) {
        const [fields, type] = part.trim().split(/\s+/);
        if (fields.split('/').includes(field)) return literalType(type);
      }
    }
    const own = this.raw[`${field}_literal_type`] ?? this.raw.literal_type;
    return own !== undefined ? literalType(own) : (this.noteType ?? 'f32');
  }

  /** A scalar field as a raw fixed-point value. */
  q(field: string, frac = 32, bits = 64): bigint {
    return toRaw(this.raw[field] as Literal, this.type(field), frac, bits);
  }

  vec(field: string, frac = 32, bits = 64): bigint[] {
    return (this.raw[field] as Literal[]).map((v) => toRaw(v, this.type(field), frac, bits));
  }

  /** Integer literals (u16, u64, named constants), not fixed point. */
  ints(field: string): bigint[] {
    return (this.raw[field] as Literal[]).map(toInt);
  }

  rows(field: string): bigint[][] {
    return (this.raw[field] as Literal[][]).map((row) => row.map((v) => toRaw(v, this.type(field))));
  }

  sparse(field: string): SparseRowRaw[] {
    return (this.raw[field] as [number, Literal][][]).map((row) => row.map(([j, v]): [number, bigint] => [j, toRaw(v, this.type(field))]));
  }

  /** The raw ε of an `abs<=eps` case (or a note's default), undefined for exact ones. */
  eps(frac = 32): bigint | undefined {
    const compare = this.raw.compare ?? (this.noteEpsilon !== undefined ? 'abs<=eps' : 'exact');
    if (compare === 'exact') return undefined;
    if (compare !== 'abs<=eps') throw new Error(`unknown comparison ${compare}`);
    return epsilonRaw(this.raw.epsilon ?? this.noteEpsilon, frac);
  }

  /** A check of `got` against a converted expectation, with this case's comparison. */
  check(got: unknown, want: unknown, label?: string, frac = 32): Check {
    return { label, got, want, eps: this.eps(frac) };
  }
}

function show(v: unknown): string {
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x));
}

/** Where `got` departs from `want` (arrays element by element, bigints within `eps`), or undefined if it does not. */
export function mismatch(got: unknown, want: unknown, eps: bigint | undefined, path = ''): string | undefined {
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return `${path || 'value'}: got ${show(got)}, want ${show(want)}`;
    if (got.length !== want.length) return `${path || 'value'}: length ${got.length}, want ${want.length} (${show(got)} vs ${show(want)})`;
    for (let i = 0; i < want.length; i++) {
      const m = mismatch(got[i], want[i], eps, `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (eps !== undefined && typeof got === 'bigint' && typeof want === 'bigint') {
    const d = got > want ? got - want : want - got;
    return d <= eps ? undefined : `${path || 'value'}: got raw ${got}, want ${want} (|Δ| ${d} > ε ${eps})`;
  }
  return got === want ? undefined : `${path || 'value'}: got ${show(got)}, want ${show(want)}`;
}
