// The golden comparison rules of tests/golden/README.md: subtensor's `asserted` checks and the exact `derived` match.
// Test helper only. Each check returns failure lines that name the epoch, field and uid; an empty list is a pass.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Epoch = { [field: string]: Json };
type Uid = number | [number, number];

/** One `asserted` record (golden/README.md "asserted"). */
export interface Assertion {
  epoch: number;
  field: string | string[];
  uid: Uid | Uid[] | null;
  compare: string;
  expected?: Json;
  op?: string;
  ref?: number | { epoch: number; uid: Uid };
  literal?: string;
  tolerance?: number;
}

const TWO_32 = 2 ** 32;

/** The field's value for a uid (`[i, j]` = bond of row i towards column j; an absent bond reads 0). */
function valueAt(epochs: Epoch[], epoch: number, field: string, uid: Uid): Json {
  const e = epochs[epoch];
  if (e === undefined) throw new Error(`no epoch ${epoch} (the result has ${epochs.length})`);
  if (field === 'bonds_u16_after') {
    const [i, j] = uid as [number, number];
    const row = (e[field] as [number, number][][])[i];
    return row.find(([col]) => col === j)?.[1] ?? 0;
  }
  return (e[field] as Json[])[uid as number];
}

const int = (v: Json): bigint => {
  if (typeof v !== 'number' && typeof v !== 'string') throw new Error(`not an integer: ${JSON.stringify(v)}`);
  return BigInt(v);
};

/** `I32F32::from_num(x)`: round to nearest, ties to even, of the binary value (spec §2). */
export function fixedFromNum(x: number): bigint {
  const y = x * TWO_32; // exact: a power-of-two scaling
  const floor = Math.floor(y);
  const frac = y - floor;
  return BigInt(frac > 0.5 || (frac === 0.5 && floor % 2 !== 0) ? floor + 1 : floor);
}

/** `u16_proportion_to_fixed(v)` = I32F32(v) / I32F32(65535), truncating (spec §2). */
export const u16ProportionRaw = (v: bigint): bigint => (v << 32n) / 65535n;

const RELATIONS: Record<string, (a: bigint, b: bigint) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Checks every `asserted` record except `log_substring` (reference text, not a result field). */
export function checkAsserted(epochs: Epoch[], records: Assertion[]): string[] {
  const failures: string[] = [];
  for (const a of records) {
    if (a.compare === 'log_substring') continue;
    const where = `epoch ${a.epoch} ${String(a.field)} uid ${JSON.stringify(a.uid)}`;
    try {
      const problem = check(epochs, a);
      if (problem) failures.push(`${where}: ${problem} (${a.compare})`);
    } catch (e) {
      failures.push(`${where}: ${(e as Error).message} (${a.compare})`);
    }
  }
  return failures;
}

function check(epochs: Epoch[], a: Assertion): string | null {
  const field = a.field as string;
  const at = (uid: Uid, epoch = a.epoch) => valueAt(epochs, epoch, field, uid);
  switch (a.compare) {
    case 'exact': {
      const got = at(a.uid as Uid);
      const same = typeof a.expected === 'boolean' ? got === a.expected : typeof got !== 'boolean' && int(got) === int(a.expected!);
      return same ? null : `got ${JSON.stringify(got)}, expected ${JSON.stringify(a.expected)}`;
    }
    case 'u16_proportion_abs': {
      // subtensor: assert_abs_diff_eq!(u16_proportion_to_fixed(v), I32F32::from_num(expected_f32), epsilon = I32F32::from_num(tol))
      const got = u16ProportionRaw(int(at(a.uid as Uid)));
      const want = fixedFromNum(a.literal === 'f32' ? Math.fround(a.expected as number) : (a.expected as number));
      const diff = got > want ? got - want : want - got;
      return diff <= fixedFromNum(a.tolerance!) ? null : `got ${Number(got) / TWO_32}, expected ${a.expected} ± ${a.tolerance}`;
    }
    case 'relation': {
      const got = int(at(a.uid as Uid));
      const ref = typeof a.ref === 'number' ? BigInt(a.ref) : int(at(a.ref!.uid, a.ref!.epoch));
      const holds = RELATIONS[a.op!];
      if (!holds) throw new Error(`unknown relation ${a.op}`);
      return holds(got, ref) ? null : `got ${got}, expected ${a.op} ${ref}`;
    }
    case 'equal_and_positive': {
      const values = (a.uid as Uid[]).map((u) => int(at(u)));
      return values.every((v) => v === values[0]) && values[0] > 0n ? null : `got ${values.join(', ')}, expected equal and > 0`;
    }
    case 'sum_abs': {
      const fields = Array.isArray(a.field) ? a.field : [a.field];
      const e = epochs[a.epoch];
      let sum = 0n;
      for (const f of fields) {
        const vector = e[f] as Json[];
        const uids = a.uid === null ? vector.map((_, i) => i) : (a.uid as number[]);
        for (const u of uids) sum += int(vector[u]);
      }
      const off = sum - int(a.expected!);
      return (off < 0n ? -off : off) <= BigInt(a.tolerance!) ? null : `sum ${sum}, expected ${a.expected} ± ${a.tolerance}`;
    }
    default:
      throw new Error(`unknown compare rule ${a.compare}`);
  }
}

/** Every field of every epoch equal to `derived` (u64 as numbers or decimal strings alike; rows in stored order). */
export function diffDerived(got: Epoch[], derived: Epoch[], limit = 10): string[] {
  const out: string[] = [];
  if (got.length !== derived.length) out.push(`${got.length} epochs, derived has ${derived.length}`);
  for (let k = 0; k < Math.min(got.length, derived.length) && out.length < limit; k++) {
    const fields = new Set([...Object.keys(derived[k]), ...Object.keys(got[k])].filter((f) => f !== 'intermediates'));
    for (const f of fields) {
      const g = got[k][f];
      const d = derived[k][f];
      if (!Array.isArray(g) || !Array.isArray(d)) {
        if (!same(g, d)) out.push(`epoch ${k} ${f}: got ${JSON.stringify(g)}, derived ${JSON.stringify(d)}`);
        continue;
      }
      if (g.length !== d.length) out.push(`epoch ${k} ${f}: length ${g.length}, derived ${d.length}`);
      for (let u = 0; u < Math.min(g.length, d.length) && out.length < limit; u++) {
        if (!same(g[u], d[u])) out.push(`epoch ${k} ${f} uid ${u}: got ${JSON.stringify(g[u])}, derived ${JSON.stringify(d[u])}`);
      }
    }
  }
  return out;
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^[0-9]+$/.test(v));
  if (numeric(a) && numeric(b)) return BigInt(a as number | string) === BigInt(b as number | string);
  return a === b;
}
