// Writes an EpochInput into a wasm instance's input buffers (the layout of assembly/io.ts, ids in wasm-layout.ts),
// for any pair of prepare/pointer exports: the exact engine and its f64 twin (src/compare/wasm-twin.ts) share it.
import type { EpochInput, SparseRowU16 } from '../model/epoch.ts';
import { InputKind, Param } from './wasm-layout.ts';

/** The exports a writer needs: allocate buffers, then address them by kind. */
export interface InputBuffers {
  memory: WebAssembly.Memory;
  prepare(n: number, weightsNnz: number, bondsNnz: number): void;
  ptr(kind: InputKind): number;
}

const U64_MAX = (1n << 64n) - 1n;
const asI64 = (v: bigint) => BigInt.asIntN(64, v);

function nnz(rows: SparseRowU16[]): number {
  let total = 0;
  for (const r of rows) total += r.length;
  return total;
}

/** Allocates and fills every input buffer (params, u64 vectors, permits, weight and bond CSR). */
export function writeEpochInput(b: InputBuffers, input: EpochInput, intermediates: boolean): void {
  const { n, hyperparameters: h } = input;
  b.prepare(n, nnz(input.weights), nnz(input.bonds));
  const buf = b.memory.buffer;
  const p = new BigInt64Array(buf, b.ptr(InputKind.Params), Param.Count);
  p[Param.N] = BigInt(n);
  p[Param.Block] = asI64(input.block);
  p[Param.Kappa] = BigInt(h.kappa);
  p[Param.BondsPenalty] = BigInt(h.bondsPenalty);
  p[Param.BondsMovingAverage] = asI64(h.bondsMovingAverage);
  p[Param.Tempo] = BigInt(h.tempo);
  p[Param.CutoffFactor] = BigInt(h.activityCutoffFactorMilli);
  p[Param.MaxValidators] = BigInt(h.maxAllowedValidators);
  p[Param.Yuma3] = h.yuma3Enabled ? 1n : 0n;
  p[Param.LiquidAlpha] = h.liquidAlphaEnabled ? 1n : 0n;
  p[Param.AlphaLow] = BigInt(h.alphaLow);
  p[Param.AlphaHigh] = BigInt(h.alphaHigh);
  p[Param.Steepness] = BigInt(h.alphaSigmoidSteepness);
  p[Param.StakeThreshold] = asI64(h.stakeThreshold);
  p[Param.CommitReveal] = h.commitRevealEnabled ? 1n : 0n;
  p[Param.Legacy] = h.legacy ? 1n : 0n;
  p[Param.OwnerUid] = BigInt(input.ownerUid ?? -1);
  p[Param.TaoWeight] = asI64(input.taoWeight);
  p[Param.LastMechanismStep] = asI64(input.lastMechanismStepBlock);
  p[Param.RaoEmission] = asI64(input.raoEmission);
  p[Param.WantIntermediates] = intermediates ? 1n : 0n;
  const u64 = (kind: InputKind, values: bigint[]) => new BigUint64Array(buf, b.ptr(kind), n).set(values);
  u64(InputKind.AlphaStake, input.alphaStake);
  u64(InputKind.TaoStake, input.taoStake);
  u64(InputKind.BlockAtRegistration, input.blockAtRegistration);
  u64(InputKind.LastUpdate, input.lastUpdate);
  u64(InputKind.CommitBlock, input.commitBlock.map((c) => c ?? U64_MAX));
  new Uint8Array(buf, b.ptr(InputKind.ValidatorPermit), n).set(input.validatorPermit.map((v) => (v ? 1 : 0)));
  writeCsr(b, input.weights, InputKind.WeightsStart, InputKind.WeightsCol, InputKind.WeightsVal);
  writeCsr(b, input.bonds, InputKind.BondsStart, InputKind.BondsCol, InputKind.BondsVal);
}

function writeCsr(b: InputBuffers, rows: SparseRowU16[], startKind: InputKind, colKind: InputKind, valKind: InputKind): void {
  const buf = b.memory.buffer;
  const total = Math.max(nnz(rows), 1);
  const start = new Int32Array(buf, b.ptr(startKind), rows.length + 1);
  const col = new Int32Array(buf, b.ptr(colKind), total);
  const val = new Int32Array(buf, b.ptr(valKind), total);
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
