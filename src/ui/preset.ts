// The first page's one scenario, as data: subtensor's `test_bonds` (pallets/subtensor/src/tests/epoch.rs)
// up to its second epoch, with stakes scaled from 1..4 rao to 1..4 α (×1e9 rao) so they read naturally.
// Pure TS (no DOM, no engine): the page and the e2e test build the same inputs from here.
// The page now uses src/state/presets.ts; this file stays as the fixture of tests/engine/api.test.ts.
import { DEFAULT_HYPERPARAMETERS, type EpochInput, type EpochOutput, type SparseRowU16 } from '../model/epoch.ts';

const N = 8;
const RAO_PER_ALPHA = 1_000_000_000n;
/** uids 0–3 are validators with 1, 2, 3, 4 α; uids 4–7 are servers with no stake. */
const STAKE_ALPHA = [1n, 2n, 3n, 4n, 0n, 0n, 0n, 0n];
/** Every validator's weights on servers 4–7. Their max is already 65535, so storing them
 *  (vec_u16_max_upscale_to_u16) leaves them unchanged. */
const VALIDATOR_WEIGHTS: SparseRowU16 = [[4, 16383], [5, 32767], [6, 49149], [7, 65535]];

export const FIRST_PRESET = {
  name: 'test_bonds, epoch 2',
  story: 'Four validators with 1, 2, 3 and 4 α of stake all weight four servers 1 : 2 : 3 : 4. One epoch emits 1 α.',
  raoEmission: RAO_PER_ALPHA,
};

const fill = <T>(v: T): T[] => Array.from({ length: N }, () => v);

/** Epoch 1 at block 1: nobody has set weights yet, so it only hands out validator permits. */
export function firstEpochInput(): EpochInput {
  return {
    n: N,
    block: 1n,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, tempo: 1, maxAllowedValidators: N },
    ownerUid: null,
    alphaStake: STAKE_ALPHA.map((a) => a * RAO_PER_ALPHA),
    taoStake: fill(0n),
    taoWeight: 0n,
    blockAtRegistration: fill(1n),
    lastUpdate: fill(1n),
    validatorPermit: fill(false),
    weights: fill<SparseRowU16>([]),
    bonds: fill<SparseRowU16>([]),
    lastMechanismStepBlock: 0n,
    commitBlock: fill<bigint | null>(null),
    raoEmission: FIRST_PRESET.raoEmission,
  };
}

/** Epoch 2 at block 2: validators 0–3 set their weights at block 2; permits and bonds carry over from epoch 1. */
export function secondEpochInput(first: EpochInput, firstOut: EpochOutput): EpochInput {
  const validator = (uid: number) => uid < 4;
  return {
    ...first,
    block: 2n,
    lastUpdate: first.lastUpdate.map((b, uid) => (validator(uid) ? 2n : b)),
    validatorPermit: firstOut.newValidatorPermit,
    weights: first.weights.map((row, uid) => (validator(uid) ? VALIDATOR_WEIGHTS : row)),
    bonds: firstOut.bonds,
  };
}

/** Runs both epochs through `runEpoch` and returns the second epoch's input and output (what the page shows). */
export async function runFirstPreset(runEpoch: (input: EpochInput) => Promise<EpochOutput>) {
  const first = firstEpochInput();
  const input = secondEpochInput(first, await runEpoch(first));
  return { input, output: await runEpoch(input) };
}
