// The f64 twin's exports, re-exported by assembly/index.ts. The host (src/compare/wasm-twin.ts) calls
// twinPrepareInputs, writes an epoch's inputs through twinInputPtr (the same kinds and layouts as the
// exact engine's inputPtr, assembly/io.ts), calls twinRunEpoch, then reads f64 results through
// twinVecPtr / twinMat* / twinScalar under the ids of assembly/result.ts. Pointers stay valid until the
// next call that allocates; the host re-reads `memory.buffer` after every call.

import { EpochInputs } from '../io';
import { TwinResult } from './result';
import { runTwinEpoch } from './epoch';

let twinInputs = new EpochInputs(0, 0, 0);
let twinResult = new TwinResult(0);

/** Allocates fresh input buffers for a subnet of n uids with the given stored weight and bond entry counts. */
export function twinPrepareInputs(n: i32, weightsNnz: i32, bondsNnz: i32): void {
  twinInputs = new EpochInputs(n, weightsNnz, bondsNnz);
}

/** Address of one input buffer, by the kinds of assembly/index.ts `inputPtr`. */
export function twinInputPtr(kind: i32): usize {
  const inp = twinInputs;
  switch (kind) {
    case 0: return changetype<usize>(inp.params);
    case 1: return changetype<usize>(inp.alphaStake);
    case 2: return changetype<usize>(inp.taoStake);
    case 3: return changetype<usize>(inp.blockAtRegistration);
    case 4: return changetype<usize>(inp.lastUpdate);
    case 5: return changetype<usize>(inp.commitBlock);
    case 6: return changetype<usize>(inp.validatorPermit);
    case 7: return changetype<usize>(inp.weights.start);
    case 8: return changetype<usize>(inp.weights.col);
    case 9: return changetype<usize>(inp.weights.val);
    case 10: return changetype<usize>(inp.bonds.start);
    case 11: return changetype<usize>(inp.bonds.col);
    case 12: return changetype<usize>(inp.bonds.val);
    default: return 0;
  }
}

/** Runs the twin epoch on the prepared inputs; `intermediates` ≠ 0 also keeps every stage. */
export function twinRunEpoch(intermediates: i32): void {
  twinResult = runTwinEpoch(twinInputs, intermediates != 0);
}

/** Address and length (elements, f64) of a result vector by VecId. */
export function twinVecPtr(id: i32): usize { return changetype<usize>(twinResult.vecs[id]); }
export function twinVecLen(id: i32): i32 { return twinResult.vecs[id].length; }

/** A result matrix by MatId: rows+1 starts (i32), then columns (i32) and values (f64), `twinMatNnz` entries. */
export function twinMatStartPtr(id: i32): usize { return changetype<usize>(twinResult.mats[id].start); }
export function twinMatColPtr(id: i32): usize { return changetype<usize>(twinResult.mats[id].col); }
export function twinMatValPtr(id: i32): usize { return changetype<usize>(twinResult.mats[id].val); }
export function twinMatNnz(id: i32): i32 { return twinResult.mats[id].nnz; }
export function twinMatRows(id: i32): i32 { return twinResult.mats[id].rows; }

/** A result scalar by ScalarId (`Alpha` is −1 when liquid alpha supplied per-entry values). */
export function twinScalar(id: i32): f64 { return twinResult.scalars[id]; }
