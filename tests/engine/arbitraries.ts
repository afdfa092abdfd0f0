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

/** Every hyperparameter across its type's range, with the chain's defaults and edges over-represented (`working`: kappa mostly 32767). */
export function hyperparametersArb(n: number, working = false): fc.Arbitrary<Hyperparameters> {
  return fc
    .record({
      kappa: working ? fc.oneof({ weight: 3, arbitrary: fc.constant(32767) }, { weight: 1, arbitrary: u16Edges(32768, 6553) }) : u16Edges(32767, 32768, 6553),
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
function stakeArb(cap: bigint, zeroWeight: number): fc.Arbitrary<bigint> {
  return fc.oneof(
    { weight: zeroWeight, arbitrary: fc.constant(0n) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 1000n }) },
    { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 13n < cap ? 10n ** 13n : cap }) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: cap }) },
    { weight: 1, arbitrary: fc.constant(cap) },
  );
}

/** A stored sparse row: unique columns in random order, explicit zeros, self entries, rarely columns ≥ n. */
function rowArb(n: number, outOfRange: boolean, dense: boolean): fc.Arbitrary<SparseRowU16> {
  const column = outOfRange
    ? fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: n - 1 }) }, { weight: 1, arbitrary: fc.integer({ min: n, max: 65535 }) })
    : fc.integer({ min: 0, max: n - 1 });
  const value = fc.oneof(fc.constantFrom(0, 65535, 1), fc.integer({ min: 0, max: 65535 }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<SparseRowU16>([]) },
    { weight: 6, arbitrary: fc.uniqueArray(fc.tuple(column, value), { selector: (e) => e[0], minLength: dense ? Math.ceil(n / 2) : 0, maxLength: n + 1 }) },
  );
}

/** Everything of an EpochInput before the block anchors are resolved. */
interface Draft {
  n: number;
  h: Hyperparameters;
  block: bigint;
  /** Stakes replaced by an exact split of 2^32·scale between two groups, one holding exactly κ (see kappaSplit). */
  split: { first: boolean[]; parts: number[]; scale: bigint } | null;
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
const activityCutoff = (h: Hyperparameters): bigint => {
  const c = (BigInt(h.activityCutoffFactorMilli) * BigInt(h.tempo)) / 1000n;
  return c > 1n ? c : 1n;
};

/** Resolves the anchors: block, block − cutoff, block − tempo, lms, lms + 1, 0, block − 1 (± 2, clamped to [0, block]). */
function resolve(draft: Draft): EpochInput {
  let d = draft;
  const { block, h } = d;
  const cutoff = activityCutoff(h);
  const anchored = (choice: TimeChoice, lms: bigint): bigint => {
    if ('back' in choice) return sat(block - choice.back);
    const anchors = [block, block - cutoff, block - BigInt(h.tempo), lms, lms + 1n, 0n, block - 1n];
    return min(sat(anchors[choice.anchor] + BigInt(choice.delta)), block);
  };
  // The previous coinbase epoch ran before this block (lms < block), so lms + 1 never wraps.
  const lms = d.lms === null || block === 0n ? 0n : min(anchored(d.lms, block - 1n), block - 1n);
  const at = (choice: TimeChoice) => anchored(choice, lms);
  if (d.split !== null) d = { ...d, ...kappaSplit(d.split, h.kappa) };
  // ⌊stake_i⌋ = alpha_i + ⌊tao_i · t32 / 2^32⌋ with t32 = ⌊tw · 2^32 / (2^64 − 1)⌋ (spec §4.2 closed form).
  const t32 = (d.taoWeight << 32n) / U64_MAX;
  const stakeFloor = (i: number) => d.alphaStake[i] + ((d.taoStake[i] * t32) >> 32n);
  const t = d.threshold;
  const threshold = t.kind === 'of' ? sat(stakeFloor(t.uid % d.n) + t.delta) : t.kind === 'any' ? t.value : t.kind === 'max' ? U64_MAX : 0n;
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

/**
 * Stakes that make the median's tie rule decide (spec §4.6, §13.5): alpha stakes summing to exactly 2^32·scale, one
 * group holding κ_fx = ⌊kappa·2^32/65535⌋ of it. Then S = A = a exactly (if all are active and permitted), T = 2^32
 * and minority = T − κ_fx is exactly the other group's stake, so a cumulative stake equals the minority.
 */
function kappaSplit(split: NonNullable<Draft['split']>, kappa: number): Pick<Draft, 'alphaStake' | 'taoStake'> {
  const kf = (BigInt(kappa) << 32n) / 65535n;
  const alpha = split.parts.map(() => 0n);
  for (const [inFirst, total] of [[true, kf], [false, (1n << 32n) - kf]] as const) {
    const members = split.first.flatMap((f, i) => (f === inFirst ? [i] : []));
    const weight = members.reduce((a, i) => a + BigInt(split.parts[i] + 1), 0n);
    let left = total;
    members.forEach((i, k) => {
      const share = k === members.length - 1 ? left : (total * BigInt(split.parts[i] + 1)) / weight;
      alpha[i] = share * split.scale;
      left -= share;
    });
  }
  return { alphaStake: alpha, taoStake: alpha.map(() => 0n) };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const sortRow = (row: SparseRowU16): SparseRowU16 => [...row].sort((a, b) => a[0] - b[0]);

/**
 * A random subnet of `minN..maxN` uids, as one epoch's input. Half the subnets are "working" (most uids staked,
 * active, permitted, registered before their weights were set), so consensus, incentive, bonds and dividends are
 * non-zero often; the other half draw every field independently, which mostly exercises masks and fallbacks.
 */
export function epochInputArb(shape: SubnetShape): fc.Arbitrary<EpochInput> {
  return fc
    .tuple(fc.integer({ min: shape.minN, max: shape.maxN }), fc.boolean())
    .chain(([n, working]) => draftArb(n, working, shape))
    .map(resolve);
}

function draftArb(n: number, working: boolean, shape: SubnetShape): fc.Arbitrary<Draft> {
  const cap = (1n << 61n) / BigInt(n); // alpha + tao·tw per uid ≤ 2^62 / n: Σ stays in I64F64 (spec §2)
  const vec = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: n, maxLength: n });
  const some = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => (working ? fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: odd }) : odd);
  const selfOnly = fc.constant('self' as const); // a row holding only its own uid (W3 removes it unless owner)
  const rows = vec(fc.oneof({ weight: 12, arbitrary: rowArb(n, shape.outOfRangeColumns ?? true, working) }, { weight: 1, arbitrary: selfOnly }))
    .map((r) => r.map((row, i): SparseRowU16 => (row === 'self' ? [[i, 65535]] : shape.sortedRows ? sortRow(row) : row)));
  const alpha = shape.distinctStakes
    ? fc.uniqueArray(fc.bigInt({ min: 1n, max: cap >> 33n }), { minLength: n, maxLength: n }).map((v) => v.map((x) => x << 33n))
    : working ? vec(stakeArb(cap, 1)) : fc.oneof(vec(stakeArb(cap, 3)), vec(fc.constant(0n)));
  const tao = shape.distinctStakes ? fc.constant(new Array<bigint>(n).fill(0n)) : fc.oneof(vec(fc.constant(0n)), vec(stakeArb(cap, 3)));
  const uid = fc.integer({ min: 0, max: n - 1 });
  const recent = fc.record({ anchor: fc.constantFrom(0, 6), delta: fc.integer({ min: -2, max: 0 }) });
  const longAgo = fc.constant<TimeChoice>({ back: 1n << 62n });
  return fc.record({
    n: fc.constant(n),
    h: hyperparametersArb(n, working),
    block: working ? fc.oneof(BLOCK_SCALES[1], BLOCK_SCALES[0]) : fc.oneof(...BLOCK_SCALES),
    split: shape.distinctStakes
      ? fc.constant(null)
      : fc.option(fc.record({ first: vec(fc.boolean()), parts: vec(fc.nat(1000)), scale: fc.constantFrom(1n, 3n, 1n << 20n, 1000000n) }), { nil: null, freq: 4 }),
    lms: fc.option(timeChoice, { nil: null, freq: 2 }),
    ownerUid: fc.option(uid, { nil: null, freq: 3 }),
    alphaStake: alpha,
    taoStake: tao,
    taoWeight: fc.oneof(fc.constantFrom(0n, U64_MAX, 971718665099567868n, 1n, 1n << 63n), fc.bigInt({ min: 0n, max: U64_MAX })),
    threshold: some(
      fc.constant({ kind: 'zero' as const }),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant({ kind: 'zero' as const }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('of' as const), uid, delta: fc.bigInt({ min: -1n, max: 1n }) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('any' as const), value: fc.bigInt({ min: 0n, max: U64_MAX }) }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'max' as const }) },
      ),
    ),
    lastUpdate: vec(some<TimeChoice>(recent, timeChoice)),
    reg: vec(some(longAgo, fc.oneof(timeChoice, longAgo))),
    commit: vec(some(fc.constant(null), fc.option(timeChoice, { nil: null }))),
    permits: working ? fc.oneof({ weight: 3, arbitrary: vec(fc.constant(true)) }, { weight: 1, arbitrary: vec(fc.boolean()) }) : fc.oneof(vec(fc.boolean()), vec(fc.constant(true)), vec(fc.constant(false))),
    weights: rows,
    bonds: rows,
    raoEmission: fc.oneof(fc.constantFrom(1000000000n, 0n, 1n, U64_MAX), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: U64_MAX })),
  });
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
