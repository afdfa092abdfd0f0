// Everything one f64-twin epoch produces, under the ids of ../result.ts (VecId, MatId, ScalarId) so the
// host reads both engines the same way. Values are f64: real values for intermediates, integer-valued
// f64 for u16/rao/bool outputs and for the stored bond rows.

import { VecId, MatId, ScalarId } from '../result';
import { SparseF, VecF, emptySparseF } from './sparse';

export class TwinResult {
  vecs: StaticArray<VecF>;
  mats: StaticArray<SparseF>;
  scalars: StaticArray<f64> = new StaticArray<f64>(ScalarId.Count);

  constructor(public n: i32) {
    this.vecs = new StaticArray<VecF>(VecId.Count);
    this.mats = new StaticArray<SparseF>(MatId.Count);
    for (let v = 0; v < VecId.Count; v++) this.vecs[v] = new StaticArray<f64>(0);
    for (let m = 0; m < MatId.Count; m++) this.mats[m] = emptySparseF(n);
  }

  setVec(id: VecId, v: VecF): void { this.vecs[id] = v; }
  setMat(id: MatId, m: SparseF): void { this.mats[id] = m; }
  setScalar(id: ScalarId, v: f64): void { this.scalars[id] = v; }
}
