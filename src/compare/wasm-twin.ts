// The f64 twin of the exact epoch (assembly/twin/) as an EpochEngine: same input, same storage fields,
// so replayTrace drives it like the exact engine; its intermediates are real numbers (FloatIntermediates).
// Works in a worker and in node; knows nothing of the DOM.
import { instantiate } from '../generated/engine.js';
import type { EpochEngine, EpochInput, SparseRowU16 } from '../model/epoch.ts';
import { MatId, ScalarId, VecId } from '../engine/wasm-layout.ts';
import { wasmEngineFromExports } from '../engine/wasm-epoch.ts';
import type { FloatEpochOutput, FloatIntermediates, SparseRowF64 } from './float-intermediates.ts';
import { writeEpochInput } from '../engine/wasm-input.ts';

type Exports = Awaited<ReturnType<typeof instantiate>>;

/** An EpochEngine whose outputs carry f64 intermediates. */
export interface TwinEngine extends EpochEngine {
  runEpoch(input: EpochInput, options?: { intermediates?: boolean }): FloatEpochOutput;
}

/** Instantiates the compiled engine module and wraps its twin exports. */
export async function createTwinEngine(module: WebAssembly.Module): Promise<TwinEngine> {
  return twinEngineFromExports(await instantiate(module, { env: {} }));
}

/**
 * A TwinEngine over an existing instance. `maxUpscaleU16` is the exact engine's: how set_weights stores a
 * submission is the extrinsic's business, not the epoch's, so both engines start every epoch from the same rows.
 */
export function twinEngineFromExports(ex: Exports): TwinEngine {
  const exact = wasmEngineFromExports(ex);
  return {
    name: 'f64 twin',
    runEpoch: (input, options) => runTwin(ex, input, options?.intermediates ?? false),
    maxUpscaleU16: (values) => exact.maxUpscaleU16(values),
  };
}

const vec = (ex: Exports, id: VecId) => new Float64Array(ex.memory.buffer, ex.twinVecPtr(id), ex.twinVecLen(id));
const nums = (ex: Exports, id: VecId) => Array.from(vec(ex, id));
const bools = (ex: Exports, id: VecId) => Array.from(vec(ex, id), (v) => v !== 0);
const rao = (ex: Exports, id: VecId) => Array.from(vec(ex, id), (v) => BigInt(v));

function mat(ex: Exports, id: MatId): SparseRowF64[] {
  const buf = ex.memory.buffer;
  const rows = ex.twinMatRows(id);
  const start = new Int32Array(buf, ex.twinMatStartPtr(id), rows + 1);
  const total = Math.max(start[rows], 1);
  const col = new Int32Array(buf, ex.twinMatColPtr(id), total);
  const val = new Float64Array(buf, ex.twinMatValPtr(id), total);
  const out: SparseRowF64[] = [];
  for (let i = 0; i < rows; i++) {
    const row: SparseRowF64 = [];
    for (let k = start[i]; k < start[i + 1]; k++) row.push([col[k], val[k]]);
    out.push(row);
  }
  return out;
}

function runTwin(ex: Exports, input: EpochInput, intermediates: boolean): FloatEpochOutput {
  writeEpochInput({ memory: ex.memory, prepare: ex.twinPrepareInputs, ptr: ex.twinInputPtr }, input, intermediates);
  ex.twinRunEpoch(intermediates ? 1 : 0);
  const out: FloatEpochOutput = {
    emission: rao(ex, VecId.Emission),
    serverEmission: rao(ex, VecId.ServerEmission),
    validatorEmission: rao(ex, VecId.ValidatorEmission),
    incentive: nums(ex, VecId.Incentive),
    dividends: nums(ex, VecId.Dividends),
    consensus: nums(ex, VecId.Consensus),
    validatorTrust: nums(ex, VecId.ValidatorTrust),
    stakeWeight: nums(ex, VecId.StakeWeight),
    active: bools(ex, VecId.Active),
    newValidatorPermit: bools(ex, VecId.NewPermit),
    bonds: mat(ex, MatId.Bonds) as SparseRowU16[],
    legacyOutputs: { rank: nums(ex, VecId.Rank), trust: nums(ex, VecId.Trust), pruningScore: nums(ex, VecId.PruningScore) },
  };
  if (intermediates) out.floatIntermediates = readFloatIntermediates(ex);
  return out;
}

function readFloatIntermediates(ex: Exports): FloatIntermediates {
  const alpha = ex.twinScalar(ScalarId.Alpha);
  return {
    activityCutoff: ex.twinScalar(ScalarId.ActivityCutoff),
    inactive: bools(ex, VecId.Inactive),
    stake: nums(ex, VecId.Stake),
    validatorPermit: bools(ex, VecId.PermitUsed),
    activeStake: nums(ex, VecId.ActiveStake),
    weightsMasked: mat(ex, MatId.WeightsMasked),
    weights: mat(ex, MatId.Weights),
    consensus: nums(ex, VecId.ConsensusQ),
    clippedWeights: mat(ex, MatId.ClippedWeights),
    validatorTrust: nums(ex, VecId.ValidatorTrustQ),
    ranks: nums(ex, VecId.Ranks),
    incentive: nums(ex, VecId.IncentiveQ),
    weightsForBonds: mat(ex, MatId.WeightsForBonds),
    lastTempo: ex.twinScalar(ScalarId.LastTempo),
    bondsBefore: mat(ex, MatId.BondsBefore),
    bondsDelta: mat(ex, MatId.BondsDelta),
    alpha: alpha < 0 ? null : alpha,
    liquidAlpha: mat(ex, MatId.LiquidAlpha),
    legacyColumnAlpha: nums(ex, VecId.LegacyColumnAlpha),
    bondsEma: mat(ex, MatId.BondsEma),
    dividends: nums(ex, VecId.DividendsQ),
    serverShare: nums(ex, VecId.ServerShare),
    validatorShare: nums(ex, VecId.ValidatorShare),
    combinedShare: nums(ex, VecId.CombinedShare),
  };
}
