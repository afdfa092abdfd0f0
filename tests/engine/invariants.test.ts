// Invariants of the epoch on the WASM engine over random subnets (shared/style.md "Invariants"): uid permutation,
// determinism (also after memory growth) and untouched inputs. Stake invariants: invariants-stake.test.ts.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import { type WasmExports, instantiateEngine, wasmEngineFromExports } from '../../src/engine/wasm-epoch.ts';
import type { EpochEngine, EpochInput, EpochOutput, SparseRowRaw, SparseRowU16 } from '../../src/model/epoch.ts';
import { oracleEngine } from '../../src/oracle/index.ts';
import { epochInputArb, firstDifference, toJson } from './arbitraries.ts';

const SEED = Number(process.env.YUMA_FUZZ_SEED ?? 20260701);
/** fc.assert runs synchronously, out of vitest's timeout's reach: the time limit also bounds the shrinking of a failure. */
const params = (numRuns: number) => ({ seed: SEED, numRuns, interruptAfterTimeLimit: 40_000 });

let wasm: EpochEngine;
let exportsOf: WasmExports;
beforeAll(async () => {
  wasm = await loadWasmEngineNode(); // builds src/generated/engine.wasm when stale
  exportsOf = await instantiateEngine(await WebAssembly.compile(await readFile(new URL('../../src/generated/engine.wasm', import.meta.url))));
  console.log(`engine invariants: seed ${SEED} (YUMA_FUZZ_SEED)`);
});

const run = (input: EpochInput, engine = wasm) => engine.runEpoch(input, { intermediates: true });

// ---- uid permutation ----

const MATRICES = new Set(['bonds', 'weightsMasked', 'weights', 'clippedWeights', 'weightsForBonds', 'bondsBefore', 'bondsDelta', 'liquidAlpha', 'bondsEma']);
const SCALARS = new Set(['activityCutoff', 'lastTempo', 'alpha']);
const byColumn = <T>(a: [number, T], b: [number, T]) => a[0] - b[0];

/** Moves uid i to perm[i] in every per-uid array and every column index (< n); rows are re-sorted by column. */
function permuteInput(input: EpochInput, perm: number[]): EpochInput {
  const n = input.n;
  const place = <T>(v: readonly T[]): T[] => {
    const out = new Array<T>(n);
    v.forEach((x, i) => (out[perm[i]] = x));
    return out;
  };
  const rows = (m: SparseRowU16[]) => place(m.map((row) => row.map(([j, v]): [number, number] => [j < n ? perm[j] : j, v]).sort(byColumn)));
  return {
    ...input,
    ownerUid: input.ownerUid === null ? null : perm[input.ownerUid],
    alphaStake: place(input.alphaStake),
    taoStake: place(input.taoStake),
    blockAtRegistration: place(input.blockAtRegistration),
    lastUpdate: place(input.lastUpdate),
    validatorPermit: place(input.validatorPermit),
    weights: rows(input.weights),
    bonds: rows(input.bonds),
    commitBlock: place(input.commitBlock),
  };
}

/** The same permutation applied to a result (outputs and intermediates); rows become column-sorted sets. */
function permuteResult(value: unknown, perm: number[], key = ''): unknown {
  if (SCALARS.has(key)) return value;
  if (MATRICES.has(key)) {
    const rows = value as (SparseRowU16 | SparseRowRaw)[];
    const out = new Array(rows.length);
    rows.forEach((row, i) => (out[perm[i]] = row.map(([j, v]): [number, unknown] => [perm[j], v]).sort(byColumn)));
    return out;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return value;
    const out = new Array(value.length);
    value.forEach((x, i) => (out[perm[i]] = x));
    return out;
  }
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, permuteResult(v, perm, k)]));
}

/** A result with every sparse row sorted by column: row order is storage order, not meaning (see below). */
const sortedRows = (value: unknown) => permuteResult(value, Array.from({ length: (value as EpochOutput).emission.length }, (_, i) => i));

/**
 * Ties are the only order-dependent choice of the epoch: top-k permits sort by S with the lower uid dropped first
 * (spec §4.3). The generator draws distinct non-zero stakes 2^33 rao apart (so distinct S, as S_i = ⌊r_i·2^32/R⌋ and
 * R ≤ 2^62), and this precondition removes the remaining ties. Zero stakes tie, but in the current is_topk_nonzero
 * they start without a permit, so which of them is "dropped" changes nothing; under legacy is_topk they start with
 * one, so at most one zero S is allowed there. The median is order-independent (its definition is a property of the
 * multiset of (score, stake) pairs, §4.6). The liquid-alpha forward scan (§4.11) reads an unsorted row differently
 * once its columns are renamed, so rows are column-sorted before and after the permutation; sums are exact.
 */
function tiesCannotMatter(input: EpochInput, stake: bigint[]): boolean {
  const nonZero = stake.filter((s) => s !== 0n);
  if (new Set(nonZero).size !== nonZero.length) return false;
  return !input.hyperparameters.legacy || stake.length - nonZero.length <= 1;
}

const permutedSubnet = epochInputArb({ minN: 2, maxN: 40, sortedRows: true, distinctStakes: true }).chain((input) =>
  fc.tuple(fc.constant(input), fc.shuffledSubarray([...Array(input.n).keys()], { minLength: input.n, maxLength: input.n })),
);

describe(wasmEngineFromExports, () => {
  it('permutes every output and intermediate when the uids are permuted', () => {
    fc.assert(
      fc.property(permutedSubnet, ([input, perm]) => {
        const before = run(input);
        fc.pre(tiesCannotMatter(input, before.intermediates!.stake));
        const after = run(permuteInput(input, perm));
        const d = firstDifference(permuteResult(before, perm), sortedRows(after));
        expect(d, `perm ${toJson(perm)}`).toBeNull();
      }),
      params(200),
    );
  });

  it('gives the same bits for the same input, twice in a row and after larger subnets grew the memory', () => {
    const engine = wasmEngineFromExports(exportsOf);
    const small = fc.sample(epochInputArb({ minN: 1, maxN: 40 }), { seed: SEED, numRuns: 40 });
    const large = fc.sample(epochInputArb({ minN: 200, maxN: 256 }), { seed: SEED + 1, numRuns: 3 });
    const first = small.map((input) => run(input, engine));
    small.forEach((input, k) => expect(firstDifference(first[k], run(input, engine))).toBeNull());
    const bytesBefore = exportsOf.memory.buffer.byteLength;
    for (const input of large) run(input, engine);
    engine.maxUpscaleU16(Array.from({ length: 4096 }, (_, i) => i % 65536));
    expect(exportsOf.memory.buffer.byteLength).toBeGreaterThan(bytesBefore);
    small.forEach((input, k) => expect(firstDifference(first[k], run(input, engine)), `input ${k}`).toBeNull());
    small.forEach((input, k) => expect(firstDifference(first[k], run(input, wasm)), `another instance, input ${k}`).toBeNull());
  });

  it('leaves its input unchanged (the oracle too)', () => {
    fc.assert(
      fc.property(epochInputArb({ minN: 1, maxN: 40 }), (input) => {
        const copy = structuredClone(input);
        run(input);
        expect(firstDifference(copy, input)).toBeNull();
        oracleEngine.runEpoch(input, { intermediates: true });
        expect(firstDifference(copy, input)).toBeNull();
      }),
      params(100),
    );
  });
});
