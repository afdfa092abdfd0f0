// The EpochEngine backed by the AssemblyScript core (assembly/): marshals EpochInput into the
// module's linear memory, runs the epoch and reads the results back. Works in a worker and in node;
// knows nothing about the DOM. Buffer layouts: src/engine/wasm-layout.ts.

import { instantiate } from '../generated/engine.js';
import type { EpochEngine, EpochInput, EpochOutput, SparseRowU16 } from '../model/epoch.ts';
import { InputKind, Param, VecId, MatId } from './wasm-layout.ts';
import { readIntermediates } from './wasm-intermediates.ts';

type Exports = Awaited<ReturnType<typeof instantiate>>;
const U64_MAX = (1n << 64n) - 1n;

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

function nnz(rows: SparseRowU16[]): number {
  let total = 0;
  for (const r of rows) total += r.length;
  return total;
}

function writeCsr(ex: Exports, rows: SparseRowU16[], kinds: [InputKind, InputKind, InputKind]): void {
  const buf = ex.memory.buffer;
  const start = new Int32Array(buf, ex.inputPtr(kinds[0]), rows.length + 1);
  const total = Math.max(nnz(rows), 1);
  const col = new Int32Array(buf, ex.inputPtr(kinds[1]), total);
  const val = new Int32Array(buf, ex.inputPtr(kinds[2]), total);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    start[i] = k;
    const row = rows[i];
    for (let t = 0; t < row.length; t++, k++) {
      col[k] = row[t][0];
      val[k] = row[t][1];
    }
  }
  start[rows.length] = k;
}

function writeU64(ex: Exports, kind: InputKind, values: bigint[]): void {
  new BigUint64Array(ex.memory.buffer, ex.inputPtr(kind), values.length).set(values);
}

function writeInputs(ex: Exports, input: EpochInput, intermediates: boolean): void {
  const { n, hyperparameters: h } = input;
  ex.prepareInputs(n, nnz(input.weights), nnz(input.bonds));
  const p = new BigInt64Array(ex.memory.buffer, ex.inputPtr(InputKind.Params), Param.Count);
  const u64 = (v: bigint) => BigInt.asIntN(64, v);
  p[Param.N] = BigInt(n);
  p[Param.Block] = u64(input.block);
  p[Param.Kappa] = BigInt(h.kappa);
  p[Param.BondsPenalty] = BigInt(h.bondsPenalty);
  p[Param.BondsMovingAverage] = u64(h.bondsMovingAverage);
  p[Param.Tempo] = BigInt(h.tempo);
  p[Param.CutoffFactor] = BigInt(h.activityCutoffFactorMilli);
  p[Param.MaxValidators] = BigInt(h.maxAllowedValidators);
  p[Param.Yuma3] = h.yuma3Enabled ? 1n : 0n;
  p[Param.LiquidAlpha] = h.liquidAlphaEnabled ? 1n : 0n;
  p[Param.AlphaLow] = BigInt(h.alphaLow);
  p[Param.AlphaHigh] = BigInt(h.alphaHigh);
  p[Param.Steepness] = BigInt(h.alphaSigmoidSteepness);
  p[Param.StakeThreshold] = u64(h.stakeThreshold);
  p[Param.CommitReveal] = h.commitRevealEnabled ? 1n : 0n;
  p[Param.Legacy] = h.legacy ? 1n : 0n;
  p[Param.OwnerUid] = BigInt(input.ownerUid ?? -1);
  p[Param.TaoWeight] = u64(input.taoWeight);
  p[Param.LastMechanismStep] = u64(input.lastMechanismStepBlock);
  p[Param.RaoEmission] = u64(input.raoEmission);
  p[Param.WantIntermediates] = intermediates ? 1n : 0n;
  writeU64(ex, InputKind.AlphaStake, input.alphaStake);
  writeU64(ex, InputKind.TaoStake, input.taoStake);
  writeU64(ex, InputKind.BlockAtRegistration, input.blockAtRegistration);
  writeU64(ex, InputKind.LastUpdate, input.lastUpdate);
  writeU64(ex, InputKind.CommitBlock, input.commitBlock.map((c) => c ?? U64_MAX));
  new Uint8Array(ex.memory.buffer, ex.inputPtr(InputKind.ValidatorPermit), n).set(input.validatorPermit.map((b) => (b ? 1 : 0)));
  writeCsr(ex, input.weights, [InputKind.WeightsStart, InputKind.WeightsCol, InputKind.WeightsVal]);
  writeCsr(ex, input.bonds, [InputKind.BondsStart, InputKind.BondsCol, InputKind.BondsVal]);
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
