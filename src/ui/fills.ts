// Quick fills for one validator's weight row: uniform, one-hot, seeded random, copy another row. Pure.
// Each returns the (uids, values) a set_weights submission takes; the chain max-upscales it on storage.
import { seededRandom } from '../state/random.ts';

export interface Submission {
  uids: number[];
  values: number[];
}

export const uniformFill = (targets: readonly number[]): Submission => ({ uids: [...targets], values: targets.map(() => 65535) });

export const oneHotFill = (targets: readonly number[], hot: number): Submission => ({ uids: [...targets], values: targets.map((j) => (j === hot ? 65535 : 0)) });

/** Values uniform in 0..65535 from `seed`; the same seed and targets give the same row. */
export function randomFill(targets: readonly number[], seed: number): Submission {
  const rand = seededRandom(seed);
  return { uids: [...targets], values: targets.map(() => Math.floor(rand() * 65536)) };
}

/** Another validator's stored row, without the copier's own uid (self-weights are masked anyway). */
export function copyFill(row: readonly (readonly [number, number])[], self: number): Submission {
  const kept = row.filter(([j]) => j !== self);
  return { uids: kept.map(([j]) => j), values: kept.map(([, v]) => v) };
}

/** Replaces (or adds) one entry of a row. */
export function withCell(row: readonly (readonly [number, number])[], col: number, value: number): Submission {
  const entries = row.some(([j]) => j === col) ? row.map(([j, v]) => [j, j === col ? value : v] as const) : [...row, [col, value] as const];
  return { uids: entries.map(([j]) => j), values: entries.map(([, v]) => v) };
}
