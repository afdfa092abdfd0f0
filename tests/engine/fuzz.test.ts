// Differential fuzz: the WASM core and the BigInt oracle must agree bit for bit on random subnets (every output,
// the legacy outputs and every intermediate), for single epochs and for 3–5 epoch sequences that carry bonds and
// permits forward as src/model/replay.ts does. Seeded: set YUMA_FUZZ_SEED / YUMA_FUZZ_SCALE to explore further.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import type { EpochEngine, EpochInput, SparseRowU16 } from '../../src/model/epoch.ts';
import { replayTrace } from '../../src/model/replay.ts';
import type { Trace, TraceStep } from '../../src/model/trace.ts';
import { oracleEngine } from '../../src/oracle/index.ts';
import { U64_MAX, epochInputArb, firstDifference, toJson } from './arbitraries.ts';

const SEED = Number(process.env.YUMA_FUZZ_SEED ?? 20260701);
const SCALE = Number(process.env.YUMA_FUZZ_SCALE ?? 1);
const runs = (base: number) => Math.max(1, Math.round(base * SCALE));

let wasm: EpochEngine;
beforeAll(async () => {
  wasm = await loadWasmEngineNode();
  console.log(`engine fuzz: seed ${SEED} (YUMA_FUZZ_SEED), scale ${SCALE} (YUMA_FUZZ_SCALE)`);
});

/** Runs a property; on failure throws the shrunk input as JSON, the first differing field and how to replay it. */
function check<T>(name: string, arb: fc.Arbitrary<T>, numRuns: number, differ: (value: T) => string | null): void {
  const details = fc.check(
    fc.property(arb, (value) => {
      const d = differ(value);
      if (d !== null) throw new Error(d);
    }),
    // fc.check is synchronous, so vitest's timeout cannot stop it: cap the run and the shrinking of a failure.
    { seed: SEED, numRuns, interruptAfterTimeLimit: 40_000 },
  );
  if (details.failed) {
    const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${name}: oracle and WASM differ after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}", ` +
        `shrunk ${details.numShrinks} times)\nfirst difference (oracle vs wasm): ${message}\n` +
        `input: ${toJson(details.counterexample?.[0])}`,
    );
  }
  expect(details.numRuns, `${name}: interrupted after 40 s`).toBe(numRuns);
}

/** Both engines on one input, intermediates included; the first difference or null. Exceptions count as results. */
function differOnEpoch(input: EpochInput): string | null {
  const run = (engine: EpochEngine) => {
    try {
      return engine.runEpoch(structuredClone(input), { intermediates: true });
    } catch (e) {
      return { threw: String(e) };
    }
  };
  return firstDifference(run(oracleEngine), run(wasm));
}

describe('WASM engine vs BigInt oracle, one epoch', () => {
  it('agree on every output and intermediate for subnets of 1 to 40 uids', () => {
    check('n ≤ 40', epochInputArb({ minN: 1, maxN: 40 }), runs(600), differOnEpoch);
  });

  it('agree on subnets of 1 to 4 uids, where every edge case is a few shrinks away', () => {
    check('n ≤ 4', epochInputArb({ minN: 1, maxN: 4 }), runs(400), differOnEpoch);
  });

  it('agree on larger subnets of 41 to 256 uids', () => {
    check('41 ≤ n ≤ 256', epochInputArb({ minN: 41, maxN: 256 }), runs(12), differOnEpoch);
  });
});

/** One change between two epochs of a multi-epoch sequence (applied by src/model/trace-state.ts, as a replay does). */
type Interlude = {
  /** Blocks to advance: tempo, tempo + 1, or anything small. */
  advance: { kind: 'tempo'; plus: number } | { kind: 'blocks'; value: bigint };
  /** The coinbase ran the previous epoch: LastMechansimStepBlock = that block. */
  coinbase: boolean;
  /** set_weights submissions (uids/values, stored via max-upscale), by uid index (mod n). */
  submissions: { uid: number; row: SparseRowU16 }[];
  stakes: { uid: number; alphaStake: bigint }[];
  replace: { uid: number; alphaStake: bigint } | null;
  resetBonds: number | null;
  commits: { uid: number; back: bigint | null }[];
  raoEmission: bigint;
};

/** 2–4 interludes, each followed by an epoch (so 3–5 epochs with the first). */
function interludesArb(maxN: number): fc.Arbitrary<Interlude[]> {
  const uid = fc.integer({ min: 0, max: maxN - 1 });
  const submission = fc.record({
    uid,
    row: fc.uniqueArray(fc.tuple(uid, fc.oneof(fc.constantFrom(0, 65535), fc.integer({ min: 0, max: 65535 }))), { selector: (e) => e[0], maxLength: maxN }),
  });
  const interlude: fc.Arbitrary<Interlude> = fc.record({
    advance: fc.oneof(
      fc.record({ kind: fc.constant('tempo' as const), plus: fc.integer({ min: 0, max: 1 }) }),
      fc.record({ kind: fc.constant('blocks' as const), value: fc.bigInt({ min: 0n, max: 20n }) }),
    ),
    coinbase: fc.boolean(),
    submissions: fc.array(submission, { maxLength: maxN }),
    stakes: fc.array(fc.record({ uid, alphaStake: fc.bigInt({ min: 0n, max: 10n ** 13n }) }), { maxLength: 3 }),
    replace: fc.option(fc.record({ uid, alphaStake: fc.bigInt({ min: 0n, max: 10n ** 12n }) }), { nil: null, freq: 4 }),
    resetBonds: fc.option(uid, { nil: null, freq: 4 }),
    commits: fc.array(fc.record({ uid, back: fc.option(fc.bigInt({ min: 0n, max: 5n }), { nil: null }) }), { maxLength: 2 }),
    raoEmission: fc.oneof(fc.constant(1000000000n), fc.bigInt({ min: 0n, max: U64_MAX })),
  });
  return fc.array(interlude, { minLength: 2, maxLength: 4 });
}

type WithoutBlock<S> = S extends unknown ? Omit<S, 'block'> : never;
type StepBody = WithoutBlock<TraceStep>;

/** The sequence as a yuma-trace: the first epoch, then each interlude's steps and an epoch (block = previous + advance). */
function sequenceTrace(input: EpochInput, interludes: Interlude[]): Trace {
  const n = input.n;
  const steps: TraceStep[] = [];
  input.commitBlock.forEach((value, uid) => value !== null && steps.push({ block: null, op: 'set_commit_block', uid, value }));
  steps.push({ block: null, op: 'epoch', raoEmission: input.raoEmission });
  let previous = input.block;
  for (const step of interludes) {
    const advance = step.advance.kind === 'tempo' ? BigInt(input.hyperparameters.tempo + step.advance.plus) : step.advance.value;
    const block = previous + advance > U64_MAX ? U64_MAX : previous + advance;
    const at = (s: StepBody) => steps.push({ block, ...s } as TraceStep);
    if (step.coinbase && previous < block) at({ op: 'set_last_mechanism_step_block', value: previous }); // lms < block, as on chain
    for (const { uid, row } of step.submissions) {
      const columns = new Map<number, number>();
      for (const [j, v] of row) if (!columns.has(j % n)) columns.set(j % n, v);
      at({ op: 'set_weights', uid: uid % n, uids: [...columns.keys()], values: [...columns.values()] });
    }
    for (const { uid, alphaStake } of step.stakes) at({ op: 'set_stake', uid: uid % n, alphaStake, taoStake: null });
    if (step.replace !== null) at({ op: 'replace_neuron', uid: step.replace.uid % n, newAlphaStake: step.replace.alphaStake });
    if (step.resetBonds !== null) at({ op: 'reset_bonds', uid: step.resetBonds % n });
    for (const { uid, back } of step.commits) at({ op: 'set_commit_block', uid: uid % n, value: back === null || back > block ? null : block - back });
    at({ op: 'epoch', raoEmission: step.raoEmission });
    previous = block;
  }
  const { block: startBlock, commitBlock: _, raoEmission: __, ...state } = input;
  return { name: 'fuzz', startBlock, ...state, steps };
}

describe('WASM engine vs BigInt oracle, epoch sequences', () => {
  it('agree at every epoch of 3 to 5 epochs that carry bonds and permits forward, with weight changes between', () => {
    const MAX_N = 16;
    const arb = fc.tuple(epochInputArb({ minN: 1, maxN: MAX_N }), interludesArb(MAX_N));
    check('sequences', arb, runs(200), ([input, interludes]) => {
      const trace = sequenceTrace(input, interludes);
      const replay = (engine: EpochEngine) => {
        try {
          return replayTrace(trace, engine, { intermediates: true }).epochs;
        } catch (e) {
          return { threw: String(e) };
        }
      };
      return firstDifference(replay(oracleEngine), replay(wasm));
    });
  });
});
