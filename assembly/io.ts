// The epoch's inputs as the host writes them into linear memory, and the u16 CSR shape of stored
// weight and bond rows. The host (src/engine/wasm-epoch.ts) mirrors these layouts.
//
//   params (i64 × PARAM_COUNT):
//     0 n            1 block          2 kappa         3 bondsPenalty    4 bondsMovingAverage
//     5 tempo        6 cutoffFactor   7 maxValidators 8 yuma3           9 liquidAlpha
//    10 alphaLow    11 alphaHigh     12 steepness    13 stakeThreshold 14 commitReveal
//    15 legacy      16 ownerUid(−1)  17 taoWeight    18 lastMechStep   19 raoEmission
//    20 wantIntermediates
//   u64 vectors (n each): alphaStake, taoStake, blockAtRegistration, lastUpdate, commitBlock (u64::MAX = none)
//   u8 vector (n): validatorPermit (old)
//   u16 CSR (start i32[n+1], col i32[nnz], val i32[nnz]): weights, bonds

export const PARAM_COUNT = 21;

/** Stored u16 rows (weights or bonds) in compressed-row form; values 0..65535. */
export class U16Csr {
  start: StaticArray<i32>;
  col: StaticArray<i32>;
  val: StaticArray<i32>;
  constructor(rows: i32, nnz: i32) {
    this.start = new StaticArray<i32>(rows + 1);
    this.col = new StaticArray<i32>(max(nnz, 1));
    this.val = new StaticArray<i32>(max(nnz, 1));
  }
  // @ts-ignore: decorator
  @inline nnz(): i32 { return unchecked(this.start[this.start.length - 1]); }
  // @ts-ignore: decorator
  @inline rowStart(i: i32): i32 { return unchecked(this.start[i]); }
  // @ts-ignore: decorator
  @inline rowEnd(i: i32): i32 { return unchecked(this.start[i + 1]); }
  // @ts-ignore: decorator
  @inline colAt(k: i32): i32 { return unchecked(this.col[k]); }
  // @ts-ignore: decorator
  @inline valAt(k: i32): i32 { return unchecked(this.val[k]); }
}

/** Everything one epoch reads (spec §3), in chain units. */
export class EpochInputs {
  params: StaticArray<i64> = new StaticArray<i64>(PARAM_COUNT);
  alphaStake: StaticArray<u64>;
  taoStake: StaticArray<u64>;
  blockAtRegistration: StaticArray<u64>;
  lastUpdate: StaticArray<u64>;
  commitBlock: StaticArray<u64>;
  validatorPermit: StaticArray<u8>;
  weights: U16Csr;
  bonds: U16Csr;

  constructor(public n: i32, weightsNnz: i32, bondsNnz: i32) {
    this.alphaStake = new StaticArray<u64>(n);
    this.taoStake = new StaticArray<u64>(n);
    this.blockAtRegistration = new StaticArray<u64>(n);
    this.lastUpdate = new StaticArray<u64>(n);
    this.commitBlock = new StaticArray<u64>(n);
    this.validatorPermit = new StaticArray<u8>(n);
    this.weights = new U16Csr(n, weightsNnz);
    this.bonds = new U16Csr(n, bondsNnz);
  }

  // @ts-ignore: decorator
  @inline param(i: i32): i64 { return unchecked(this.params[i]); }
}
