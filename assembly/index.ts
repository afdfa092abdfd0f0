// The engine's exports: the host writes an epoch's inputs into buffers it gets from `inputPtr`, calls
// `runEpoch`, then reads results through `vecPtr` / `matStartPtr` / `scalar`. Pointers are valid until
// the next call that allocates; the host must re-read `memory.buffer` after every call (growth detaches it).
//
//   input kinds: 0 params i64[PARAM_COUNT] | 1 alphaStake 2 taoStake 3 blockAtRegistration 4 lastUpdate
//                5 commitBlock: u64[n] | 6 validatorPermit u8[n] |
//                7 weights.start 8 weights.col 9 weights.val 10 bonds.start 11 bonds.col 12 bonds.val: i32[]

import { EpochInputs, PARAM_COUNT } from './io';
import { EpochResult } from './result';
import { runEpoch as epoch } from './epoch';
import { vecU16MaxUpscaleToU16 } from './vecmath';
import { beginRecycling, endRecycling } from './recycle';

export { PARAM_COUNT };
export * from './testing';
export * from './variants/index';

let inputs = new EpochInputs(0, 0, 0);
let result = new EpochResult(0);
let scratch = new StaticArray<i64>(0);

/** Allocates fresh input buffers for a subnet of n uids with the given stored weight and bond entry counts. */
export function prepareInputs(n: i32, weightsNnz: i32, bondsNnz: i32): void {
  inputs = new EpochInputs(n, weightsNnz, bondsNnz);
}

/** Address of one input buffer (see the kinds above). */
export function inputPtr(kind: i32): usize {
  switch (kind) {
    case 0: return changetype<usize>(inputs.params);
    case 1: return changetype<usize>(inputs.alphaStake);
    case 2: return changetype<usize>(inputs.taoStake);
    case 3: return changetype<usize>(inputs.blockAtRegistration);
    case 4: return changetype<usize>(inputs.lastUpdate);
    case 5: return changetype<usize>(inputs.commitBlock);
    case 6: return changetype<usize>(inputs.validatorPermit);
    case 7: return changetype<usize>(inputs.weights.start);
    case 8: return changetype<usize>(inputs.weights.col);
    case 9: return changetype<usize>(inputs.weights.val);
    case 10: return changetype<usize>(inputs.bonds.start);
    case 11: return changetype<usize>(inputs.bonds.col);
    case 12: return changetype<usize>(inputs.bonds.val);
    default: return 0;
  }
}

/** Runs the epoch on the prepared inputs; `intermediates` ≠ 0 also keeps every stage. */
export function runEpoch(intermediates: i32): void {
  beginRecycling();
  result = epoch(inputs, intermediates != 0);
  endRecycling();
}

/** Address and length (elements, i64) of a result vector by VecId. */
export function vecPtr(id: i32): usize { return changetype<usize>(result.vecs[id]); }
export function vecLen(id: i32): i32 { return result.vecs[id].length; }

/** A result matrix by MatId: rows+1 starts (i32), then columns (i32) and values (i64), `matNnz` entries. */
export function matStartPtr(id: i32): usize { return changetype<usize>(result.mats[id].start); }
export function matColPtr(id: i32): usize { return changetype<usize>(result.mats[id].col); }
export function matValPtr(id: i32): usize { return changetype<usize>(result.mats[id].val); }
export function matNnz(id: i32): i32 { return result.mats[id].nnz; }
export function matRows(id: i32): i32 { return result.mats[id].rows; }

/** A result scalar by ScalarId. */
export function scalar(id: i32): i64 { return result.scalars[id]; }

/** A scratch i64 buffer of `len` elements for small one-off calls. */
export function scratchPtr(len: i32): usize {
  scratch = new StaticArray<i64>(len);
  return changetype<usize>(scratch);
}

/** vec_u16_max_upscale_to_u16 on the scratch buffer, in place (spec §11.1, how set_weights stores values). */
export function maxUpscaleU16Scratch(): void {
  scratch = vecU16MaxUpscaleToU16(scratch);
}

/** The scratch buffer's current address (it moves when an operation replaces it). */
export function scratchAddress(): usize { return changetype<usize>(scratch); }
export * from './chain/index';
export * from './twin/index';
