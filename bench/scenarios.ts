// Benchmark subnets: v validators with dense weights and bonds over the remaining n − v miners,
// generated from a fixed seed so every run (and every machine) measures the same input.

import { DEFAULT_HYPERPARAMETERS, type EpochInput, type SparseRowU16 } from '../src/model/epoch.ts';

/** A small deterministic PRNG (LCG): same seed, same sequence everywhere. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The benchmark subnet: `validators` rows of dense weights (and bonds) over the other uids. */
export function denseSubnet(n: number, validators: number, path: 'yuma3-liquid' | 'yuma1', seed = 42): EpochInput {
  const r = lcg(seed);
  const denseRow = (): SparseRowU16 => Array.from({ length: n - validators }, (_, j) => [validators + j, Math.floor(r() * 65536)]);
  const rows = (): SparseRowU16[] => Array.from({ length: n }, (_, i) => (i < validators ? denseRow() : []));
  const yuma3 = path === 'yuma3-liquid';
  return {
    n,
    block: 10_000n,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, yuma3Enabled: yuma3, liquidAlphaEnabled: yuma3, maxAllowedValidators: validators },
    ownerUid: null,
    alphaStake: Array.from({ length: n }, (_, i) => (i < validators ? BigInt(1 + Math.floor(r() * 1e6)) * 1_000_000_000n : 0n)),
    taoStake: Array<bigint>(n).fill(0n),
    taoWeight: 0n,
    blockAtRegistration: Array<bigint>(n).fill(0n),
    lastUpdate: Array<bigint>(n).fill(9_999n),
    validatorPermit: Array.from({ length: n }, (_, i) => i < validators),
    weights: rows(),
    bonds: rows(),
    lastMechanismStepBlock: 9_640n,
    commitBlock: Array<bigint | null>(n).fill(null),
    raoEmission: 360_000_000_000n,
  };
}
