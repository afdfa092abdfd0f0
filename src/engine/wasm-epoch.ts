// The EpochEngine backed by the AssemblyScript core (assembly/): marshals EpochInput into the
// module's linear memory, runs the epoch and reads the results back. Works in a worker and in node;
// knows nothing about the DOM. Buffer layouts: src/engine/wasm-layout.ts.

import { instantiate } from '../generated/engine.js';
import type { EpochEngine, EpochInput, EpochOutput, SparseRowU16 } from '../model/epoch.ts';
import { VecId, MatId } from './wasm-layout.ts';
import { writeEpochInput } from './wasm-input.ts';
import { readIntermediates } from './wasm-intermediates.ts';

type Exports = Awaited<ReturnType<typeof instantiate>>;

/** Instantiates the compiled engine module (one instance per engine; not shared between threads). */
export async function createWasmEngine(module: WebAssembly.Module): Promise<EpochEngine> {
  return wasmEngineFromExports(await instantiateEngine(module));
}

/** The raw exports of a fresh instance (for benchmarks and low-level tests). */
export function instantiateEngine(module: WebAssembly.Module): Promise<Exports> {
  return instantiate(module, { env: {} });
}

/** An EpochEngine over an existing instance. After `runEpoch`, the inputs stay in the instance: `ex.runEpoch(0)` reruns them. */
export function wasmEngineFromExports(ex: Exports): EpochEngine {
  return {
    name: 'wasm',
    runEpoch: (input, options) => runEpochWasm(ex, input, options?.intermediates ?? false),
    maxUpscaleU16: (values) => maxUpscaleU16(ex, values),
  };
}

/** The instance's input buffers as the shared writer (wasm-input.ts) addresses them. */
function writeInputs(ex: Exports, input: EpochInput, intermediates: boolean): void {
  writeEpochInput({ memory: ex.memory, prepare: (n, w, bo) => ex.prepareInputs(n, w, bo), ptr: (k) => ex.inputPtr(k) }, input, intermediates);
}

/** A result vector as unsigned bigints (u64 outputs). */
export function readU64(ex: Exports, id: VecId): bigint[] {
  return Array.from(new BigUint64Array(ex.memory.buffer, ex.vecPtr(id), ex.vecLen(id)));
}

/**
 * i64 values known to lie in 0..2^31 − 1 (u16 and bool outputs) as numbers: the low 32-bit word of each
 * (WebAssembly memory is little-endian), without a BigInt per value.
 */
function lowWords(ex: Exports, ptr: number, len: number): Int32Array {
  return new Int32Array(ex.memory.buffer, ptr, 2 * len);
}

/** A result vector of small integers (u16 and bool outputs) as numbers. */
export function readSmall(ex: Exports, id: VecId): number[] {
  const len = ex.vecLen(id);
  const words = lowWords(ex, ex.vecPtr(id), len);
  const out = new Array<number>(len);
  for (let i = 0; i < len; i++) out[i] = words[2 * i];
  return out;
}

function readStoredBonds(ex: Exports, n: number): SparseRowU16[] {
  const buf = ex.memory.buffer;
  const start = new Int32Array(buf, ex.matStartPtr(MatId.Bonds), n + 1);
  const total = Math.max(start[n], 1);
  const col = new Int32Array(buf, ex.matColPtr(MatId.Bonds), total);
  const val = lowWords(ex, ex.matValPtr(MatId.Bonds), total);
  const rows: SparseRowU16[] = [];
  for (let i = 0; i < n; i++) {
    const row: SparseRowU16 = [];
    for (let k = start[i]; k < start[i + 1]; k++) row.push([col[k], val[2 * k]]);
    rows.push(row);
  }
  return rows;
}

function runEpochWasm(ex: Exports, input: EpochInput, intermediates: boolean): EpochOutput {
  writeInputs(ex, input, intermediates);
  ex.runEpoch(intermediates ? 1 : 0);
  const bool = (id: VecId) => readSmall(ex, id).map((v) => v !== 0);
  const out: EpochOutput = {
    emission: readU64(ex, VecId.Emission),
    serverEmission: readU64(ex, VecId.ServerEmission),
    validatorEmission: readU64(ex, VecId.ValidatorEmission),
    incentive: readSmall(ex, VecId.Incentive),
    dividends: readSmall(ex, VecId.Dividends),
    consensus: readSmall(ex, VecId.Consensus),
    validatorTrust: readSmall(ex, VecId.ValidatorTrust),
    stakeWeight: readSmall(ex, VecId.StakeWeight),
    active: bool(VecId.Active),
    newValidatorPermit: bool(VecId.NewPermit),
    bonds: readStoredBonds(ex, input.n),
    legacyOutputs: {
      rank: readSmall(ex, VecId.Rank),
      trust: readSmall(ex, VecId.Trust),
      pruningScore: readSmall(ex, VecId.PruningScore),
    },
  };
  if (intermediates) out.intermediates = readIntermediates(ex);
  return out;
}

function maxUpscaleU16(ex: Exports, values: number[]): number[] {
  const ptr = ex.scratchPtr(values.length); // allocates: read memory.buffer only afterwards
  new BigInt64Array(ex.memory.buffer, ptr, values.length).set(values.map(BigInt));
  ex.maxUpscaleU16Scratch();
  return Array.from(new BigInt64Array(ex.memory.buffer, ex.scratchAddress(), values.length), Number);
}

export type { Exports as WasmExports };
