// Reads every intermediate of the last WASM epoch (spec §4) into the EpochIntermediates shape.

import type { EpochIntermediates, SparseRowRaw } from '../model/epoch.ts';
import type { WasmExports } from './wasm-epoch.ts';
import { VecId, MatId, ScalarId } from './wasm-layout.ts';

function vec(ex: WasmExports, id: VecId): bigint[] {
  return Array.from(new BigInt64Array(ex.memory.buffer, ex.vecPtr(id), ex.vecLen(id)));
}

function bools(ex: WasmExports, id: VecId): boolean[] {
  return vec(ex, id).map((v) => v !== 0n);
}

function mat(ex: WasmExports, id: MatId): SparseRowRaw[] {
  const buf = ex.memory.buffer;
  const rows = ex.matRows(id);
  const start = new Int32Array(buf, ex.matStartPtr(id), rows + 1);
  const total = Math.max(start[rows], 1);
  const col = new Int32Array(buf, ex.matColPtr(id), total);
  const val = new BigInt64Array(buf, ex.matValPtr(id), total);
  const out: SparseRowRaw[] = [];
  for (let i = 0; i < rows; i++) {
    const row: SparseRowRaw = [];
    for (let k = start[i]; k < start[i + 1]; k++) row.push([col[k], val[k]]);
    out.push(row);
  }
  return out;
}

/** Every intermediate of the epoch that just ran with intermediates requested. */
export function readIntermediates(ex: WasmExports): EpochIntermediates {
  const u64 = (id: ScalarId) => BigInt.asUintN(64, ex.scalar(id));
  return {
    activityCutoff: u64(ScalarId.ActivityCutoff),
    inactive: bools(ex, VecId.Inactive),
    stake: vec(ex, VecId.Stake),
    validatorPermit: bools(ex, VecId.PermitUsed),
    activeStake: vec(ex, VecId.ActiveStake),
    weightsMasked: mat(ex, MatId.WeightsMasked),
    weights: mat(ex, MatId.Weights),
    consensus: vec(ex, VecId.ConsensusQ),
    clippedWeights: mat(ex, MatId.ClippedWeights),
    validatorTrust: vec(ex, VecId.ValidatorTrustQ),
    ranks: vec(ex, VecId.Ranks),
    incentive: vec(ex, VecId.IncentiveQ),
    weightsForBonds: mat(ex, MatId.WeightsForBonds),
    lastTempo: u64(ScalarId.LastTempo),
    bondsBefore: mat(ex, MatId.BondsBefore),
    bondsDelta: mat(ex, MatId.BondsDelta),
    alpha: ex.scalar(ScalarId.AlphaIsScalar) !== 0n ? ex.scalar(ScalarId.Alpha) : null,
    liquidAlpha: mat(ex, MatId.LiquidAlpha),
    legacyColumnAlpha: vec(ex, VecId.LegacyColumnAlpha),
    bondsEma: mat(ex, MatId.BondsEma),
    dividends: vec(ex, VecId.DividendsQ),
    serverShare: vec(ex, VecId.ServerShare),
    validatorShare: vec(ex, VecId.ValidatorShare),
    combinedShare: vec(ex, VecId.CombinedShare),
  };
}
