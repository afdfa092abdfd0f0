// fast-check generators of random subnets (EpochInput) for the engine fuzz and invariant tests.
// Biased towards the hard cases of shared/spec/yuma-epoch.md §2, §4, §6, §10, §13: boundaries are hit on purpose.
import fc from 'fast-check';
import type { EpochInput, Hyperparameters, SparseRowU16 } from '../../src/model/epoch.ts';

export const U64_MAX = (1n << 64n) - 1n;
const U32_MAX = 2 ** 32 - 1;

/** How a subnet is drawn. `sortedRows` and `distinctStakes` serve the permutation invariant (see invariants.test.ts). */
export interface SubnetShape {
  minN: number;
  maxN: number;
  /** Column-sorted weight and bond rows (otherwise random order, as stored by the chain). */
  sortedRows?: boolean;
  /** Pairwise distinct non-zero alpha stakes, at least 2^33 apart, no tao stake; see invariants.test.ts. */
  distinctStakes?: boolean;
  /** Columns ≥ n in stored rows (spec §3: ignored by the epoch). Default true. */
  outOfRangeColumns?: boolean;
}

/** One of a few magnitudes, each with its edges: fast-check shrinks towards the first. */
const u16Edges = (...typical: number[]) =>
  fc.oneof(fc.constantFrom(0, 65535, 1, 65534, ...typical), fc.integer({ min: 0, max: 65535 }));

/** alpha_low ≤ alpha_high as the setter requires, with equal and edge values; rarely swapped (root-only territory). */
const alphaPair = fc
  .tuple(u16Edges(1638, 45875, 58982, 32767), u16Edges(1638, 45875, 58982, 32768), fc.integer({ min: 0, max: 19 }))
  .map(([a, b, mode]) => {
    if (mode === 0) return [a, a] as const;
    if (mode === 1) return [Math.max(a, b), Math.min(a, b)] as const;
    return [Math.min(a, b), Math.max(a, b)] as const;
  });

/** Every hyperparameter across its type's range, with the chain's defaults and edges over-represented. */
export function hyperparametersArb(n: number): fc.Arbitrary<Hyperparameters> {
  return fc
    .record({
      kappa: u16Edges(32767, 32768, 6553),
      bondsPenalty: u16Edges(32767, 32768),
      bondsMovingAverage: fc.oneof(
        fc.constantFrom(900000n, 975000n, 0n, 1n, 999999n, 1000000n, 1000001n),
        fc.bigInt({ min: 0n, max: 1000000n }),
        fc.bigInt({ min: 1000000n, max: U64_MAX }),
      ),
      tempo: fc.oneof(fc.constantFrom(360, 0, 1, 2, 10, 100, 65535), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 65535 })),
      activityCutoffFactorMilli: fc.oneof(
        fc.constantFrom(13889, 1000, 50000, 0, 1, 999, U32_MAX),
        fc.integer({ min: 1000, max: 50000 }),
        fc.integer({ min: 0, max: U32_MAX }),
      ),
      maxAllowedValidators: fc.oneof(fc.constantFrom(64, 0, 1, 65535, n, n - 1, n + 1), fc.integer({ min: 0, max: n + 2 })),
      yuma3Enabled: fc.boolean(),
      liquidAlphaEnabled: fc.boolean(),
      alpha: alphaPair,
      // ±100·k make σ/−100 exact, so x = (σ/−100)·(d − ½) hits exactly 0 and ±1 (exp's special cases).
      alphaSigmoidSteepness: fc.oneof(
        fc.constantFrom(1000, 0, 200, -200, 100, -100, 400, -400, -1, 1, 32767, -32768),
        fc.integer({ min: -32768, max: 32767 }),
      ),
      commitRevealEnabled: fc.boolean(),
      legacy: fc.boolean(),
    })
    .map(({ alpha, ...h }) => ({ ...h, alphaLow: alpha[0], alphaHigh: alpha[1], stakeThreshold: 0n }));
}

/**
 * A block number chosen relative to the epoch's own anchors, so that the comparisons of §4.1 (activity), W4
 * (outdated), W5 (commit-reveal) and §4.9 (recently registered) land on their boundaries often.
 */
type TimeChoice = { anchor: number; delta: number } | { back: bigint };
const timeChoice: fc.Arbitrary<TimeChoice> = fc.oneof(
  fc.record({ anchor: fc.integer({ min: 0, max: 6 }), delta: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ back: fc.bigInt({ min: 0n, max: 1n << 20n }) }),
);

const BLOCK_SCALES = [
  fc.bigInt({ min: 0n, max: 40n }),
  fc.bigInt({ min: 0n, max: 200000n }),
  fc.bigInt({ min: 0n, max: U64_MAX }),
  fc.bigInt({ min: U64_MAX - 100000n, max: U64_MAX }),
];

/** Stake of one uid: zero, tiny, ordinary, or huge (the whole subnet stays below ~2^62 rao, spec §2 "plain Σ"). */
function stakeArb(cap: bigint): fc.Arbitrary<bigint> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(0n) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 1000n }) },
    { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 13n < cap ? 10n ** 13n : cap }) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: cap }) },
    { weight: 1, arbitrary: fc.constant(cap) },
  );
}

/** A stored sparse row: unique columns in random order, explicit zeros, self entries, rarely columns ≥ n. */
function rowArb(n: number, outOfRange: boolean): fc.Arbitrary<SparseRowU16> {
  const column = outOfRange
    ? fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: n - 1 }) }, { weight: 1, arbitrary: fc.integer({ min: n, max: 65535 }) })
    : fc.integer({ min: 0, max: n - 1 });
  const value = fc.oneof(fc.constantFrom(0, 65535, 1), fc.integer({ min: 0, max: 65535 }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<SparseRowU16>([]) },
    { weight: 6, arbitrary: fc.uniqueArray(fc.tuple(column, value), { selector: (e) => e[0], maxLength: n + 1 }) },
  );
}

/** Everything of an EpochInput before the block anchors are resolved. */
interface Draft {
  n: number;
  h: Hyperparameters;
  block: bigint;
  lms: TimeChoice | null;
  ownerUid: number | null;
  alphaStake: bigint[];
  taoStake: bigint[];
  taoWeight: bigint;
  threshold: { kind: 'zero' | 'max' } | { kind: 'of'; uid: number; delta: bigint } | { kind: 'any'; value: bigint };
  lastUpdate: TimeChoice[];
  reg: TimeChoice[];
  commit: (TimeChoice | null)[];
  permits: boolean[];
  weights: SparseRowU16[];
  bonds: SparseRowU16[];
  raoEmission: bigint;
}

const sat = (x: bigint): bigint => (x < 0n ? 0n : x > U64_MAX ? U64_MAX : x);

/** §3 cutoff = max(⌊factor · tempo / 1000⌋, 1) blocks. */
export const activityCutoff = (h: Hyperparameters): bigint => {
  const c = (BigInt(h.activityCutoffFactorMilli) * BigInt(h.tempo)) / 1000n;
  return c > 1n ? c : 1n;
};

/** Resolves the anchors: block, block − cutoff, block − tempo, lms, lms + 1, 0, block − 1 (± 2, clamped to [0, block]). */
function resolve(d: Draft): EpochInput {
  const { block, h } = d;
  const cutoff = activityCutoff(h);
  const anchored = (choice: TimeChoice, lms: bigint): bigint => {
    if ('back' in choice) return sat(block - choice.back);
    const anchors = [block, block - cutoff, block - BigInt(h.tempo), lms, lms + 1n, 0n, block - 1n];
    return min(sat(anchors[choice.anchor] + BigInt(choice.delta)), block);
  };
  const lms = d.lms === null ? 0n : anchored(d.lms, block - 1n);
  const at = (choice: TimeChoice) => anchored(choice, lms);
  // ⌊stake_i⌋ = alpha_i + ⌊tao_i · t32 / 2^32⌋ with t32 = ⌊tw · 2^32 / (2^64 − 1)⌋ (spec §4.2 closed form).
  const t32 = (d.taoWeight << 32n) / U64_MAX;
  const stakeFloor = (i: number) => d.alphaStake[i] + ((d.taoStake[i] * t32) >> 32n);
  const threshold =
    d.threshold.kind === 'zero' ? 0n
    : d.threshold.kind === 'max' ? U64_MAX
    : d.threshold.kind === 'any' ? d.threshold.value
    : sat(stakeFloor(d.threshold.uid % d.n) + d.threshold.delta);
  return {
    n: d.n,
    block,
    hyperparameters: { ...h, stakeThreshold: threshold },
    ownerUid: d.ownerUid,
    alphaStake: d.alphaStake,
    taoStake: d.taoStake,
    taoWeight: d.taoWeight,
    blockAtRegistration: d.reg.map(at),
    lastUpdate: d.lastUpdate.map(at),
    validatorPermit: d.permits,
    weights: d.weights,
    bonds: d.bonds,
    lastMechanismStepBlock: lms,
    commitBlock: d.commit.map((c) => (c === null ? null : at(c))),
    raoEmission: d.raoEmission,
  };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const sortRow = (row: SparseRowU16): SparseRowU16 => [...row].sort((a, b) => a[0] - b[0]);

/** A random subnet of `minN..maxN` uids, as one epoch's input. */
export function epochInputArb(shape: SubnetShape): fc.Arbitrary<EpochInput> {
  return fc.integer({ min: shape.minN, max: shape.maxN }).chain((n) => {
    const cap = (1n << 61n) / BigInt(n); // alpha + tao·tw per uid ≤ 2^62 / n: Σ stays in I64F64 (spec §2)
    const vec = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: n, maxLength: n });
    const rows = vec(rowArb(n, shape.outOfRangeColumns ?? true)).map((r) => (shape.sortedRows ? r.map(sortRow) : r));
    const alpha = shape.distinctStakes
      ? fc.uniqueArray(fc.bigInt({ min: 1n, max: cap >> 33n }), { minLength: n, maxLength: n }).map((v) => v.map((x) => x << 33n))
      : fc.oneof(vec(stakeArb(cap)), vec(fc.constant(0n)));
    const tao = shape.distinctStakes ? fc.constant(new Array<bigint>(n).fill(0n)) : fc.oneof(vec(fc.constant(0n)), vec(stakeArb(cap)));
    const uid = fc.integer({ min: 0, max: n - 1 });
    const draft: fc.Arbitrary<Draft> = fc.record({
      n: fc.constant(n),
      h: hyperparametersArb(n),
      block: fc.oneof(...BLOCK_SCALES),
      lms: fc.option(timeChoice, { nil: null, freq: 2 }),
      ownerUid: fc.option(uid, { nil: null, freq: 3 }),
      alphaStake: alpha,
      taoStake: tao,
      taoWeight: fc.oneof(fc.constantFrom(0n, U64_MAX, 971718665099567868n, 1n, 1n << 63n), fc.bigInt({ min: 0n, max: U64_MAX })),
      threshold: fc.oneof(
        { weight: 4, arbitrary: fc.constant({ kind: 'zero' as const }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('of' as const), uid, delta: fc.bigInt({ min: -1n, max: 1n }) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('any' as const), value: fc.bigInt({ min: 0n, max: U64_MAX }) }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'max' as const }) },
      ),
      lastUpdate: vec(timeChoice),
      reg: vec(fc.oneof(timeChoice, fc.constant<TimeChoice>({ back: 1n << 62n }))),
      commit: vec(fc.option(timeChoice, { nil: null })),
      permits: fc.oneof(vec(fc.boolean()), vec(fc.constant(true)), vec(fc.constant(false))),
      weights: rows,
      bonds: rows,
      raoEmission: fc.oneof(fc.constantFrom(1000000000n, 0n, 1n, U64_MAX), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: U64_MAX })),
    });
    return draft;
  }).map(resolve);
}

/** One change between two epochs of a multi-epoch sequence (applied with src/model/trace-state.ts semantics). */
export type Interlude = {
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
export function interludesArb(maxN: number): fc.Arbitrary<Interlude[]> {
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

/** JSON with bigints as decimal strings: how a failing input is printed (and could be pasted into a test). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

const show = (v: unknown): string => (typeof v === 'bigint' ? `${v}n` : v === undefined ? 'absent' : toJson(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The first place where two results differ, as `path: left vs right`, or null when they are deeply equal with
 * the same types (bigint ≠ number). Object keys are walked in the left value's order, `intermediates` first, so
 * the earliest epoch step that diverges is named rather than one of its consequences.
 */
export function firstDifference(left: unknown, right: unknown, path = '$'): string | null {
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      const d = firstDifference(left[i], right[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return left.length === right.length ? null : `${path}.length: ${left.length} vs ${right.length}`;
  }
  if (isRecord(left) && isRecord(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort((a, b) => Number(b === 'intermediates') - Number(a === 'intermediates'));
    for (const k of keys) {
      const d = firstDifference(left[k], right[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(left, right) ? null : `${path}: ${show(left)} vs ${show(right)}`;
}
