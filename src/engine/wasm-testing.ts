// Host side of the engine's test entry points (assembly/testing*.ts): writes raw I32F32 vectors,
// matrices and I64F64 values into the module's argument slots and reads the result slot back, in the
// encodings of assembly/testing-args.ts. Used by tests/assembly only; the page never calls these exports.

import { instantiate } from '../generated/engine.js';
import type { SparseRowRaw } from '../model/epoch.ts';

type Exports = Awaited<ReturnType<typeof instantiate>>;

/** One argument of a `math*` export: a raw vector, a bool vector, ragged dense rows, sparse rows, or I64F64 raws. */
export type Arg = { vec: bigint[] } | { bools: boolean[] } | { rows: bigint[][] } | { sparse: SparseRowRaw[] } | { wide: bigint[] };

const MASK64 = (1n << 64n) - 1n;

/** The i64 words of an argument (assembly/testing-args.ts layouts). */
export function encodeArg(a: Arg): bigint[] {
  if ('vec' in a) return a.vec;
  if ('bools' in a) return a.bools.map((b) => (b ? 1n : 0n));
  if ('wide' in a) return a.wide.flatMap((v) => [v >> 64n, v & MASK64]);
  const rows = 'rows' in a ? a.rows : a.sparse;
  const words: bigint[] = [BigInt(rows.length), ...rows.map((r) => BigInt(r.length))];
  if ('rows' in a) for (const row of a.rows) words.push(...row);
  else for (const row of a.sparse) for (const [j, v] of row) words.push(BigInt(j), v);
  return words;
}

/** The engine module's test exports with argument and result marshalling. One instance per module instance. */
export class WasmTesting {
  constructor(readonly ex: Exports) {}

  /** Fills argument slots 0, 1, … with `args`, in order. Returns this, for `t.args(…).ex.mathX()`. */
  args(...args: Arg[]): this {
    args.forEach((a, slot) => {
      const words = encodeArg(a);
      const ptr = this.ex.testArg(slot, words.length);
      // Read memory.buffer after the allocation: growing memory detaches the old buffer.
      new BigInt64Array(this.ex.memory.buffer, ptr, words.length).set(words.map((w) => BigInt.asIntN(64, w)));
    });
    return this;
  }

  /** The last result as signed i64 words (raw I32F32 for fixed-point results). */
  vec(): bigint[] {
    return Array.from(new BigInt64Array(this.ex.memory.buffer, this.ex.testResultPtr(), this.ex.testResultLen()));
  }

  /** The last result as unsigned u64 values. */
  u64(): bigint[] {
    return this.vec().map((w) => BigInt.asUintN(64, w));
  }

  bools(): boolean[] {
    return this.vec().map((w) => w !== 0n);
  }

  /** The last result as I64F64 raws (128-bit signed, from [hi, lo] pairs). */
  wide(): bigint[] {
    const w = this.vec();
    const out: bigint[] = [];
    for (let k = 0; k < w.length; k += 2) out.push((w[k] << 64n) | BigInt.asUintN(64, w[k + 1]));
    return out;
  }

  /** The last result as ragged dense rows. */
  rows(): bigint[][] {
    const w = this.vec();
    const r = Number(w[0]);
    let at = 1 + r;
    return Array.from({ length: r }, (_, i) => {
      const len = Number(w[1 + i]);
      at += len;
      return w.slice(at - len, at);
    });
  }

  /** The last result as sparse rows of [column, raw]. */
  sparse(): SparseRowRaw[] {
    const w = this.vec();
    const r = Number(w[0]);
    let at = 1 + r;
    return Array.from({ length: r }, (_, i) => {
      const row: SparseRowRaw = [];
      for (let k = 0; k < Number(w[1 + i]); k++, at += 2) row.push([Number(w[at]), w[at + 1]]);
      return row;
    });
  }
}

/** Instantiates the engine module for its test exports. */
export async function createWasmTesting(module: WebAssembly.Module): Promise<WasmTesting> {
  return new WasmTesting(await instantiate(module, { env: {} }));
}
