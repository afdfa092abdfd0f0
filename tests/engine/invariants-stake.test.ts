// Stake invariants of the epoch on the WASM engine over random subnets, cross-checked against the BigInt oracle
// where cheap: scaling all stake, zero stake and the emission fallback (§4.13), vectors that sum to one up to flooring.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import type { EpochEngine, EpochInput } from '../../src/model/epoch.ts';
import { oracleEngine } from '../../src/oracle/index.ts';
import { U64_MAX, epochInputArb, firstDifference } from './arbitraries.ts';

const SEED = Number(process.env.YUMA_FUZZ_SEED ?? 20260701);
const ONE = 1n << 32n;
/** fc.assert runs synchronously, out of vitest's timeout's reach: the time limit also bounds the shrinking of a failure. */
const params = (numRuns: number) => ({ seed: SEED, numRuns, interruptAfterTimeLimit: 40_000 });

let wasm: EpochEngine;
beforeAll(async () => {
  wasm = await loadWasmEngineNode(); // builds src/generated/engine.wasm when stale
  console.log(`engine stake invariants: seed ${SEED} (YUMA_FUZZ_SEED)`);
});

const run = (input: EpochInput) => wasm.runEpoch(input, { intermediates: true });
const sum = (v: readonly bigint[]) => v.reduce((a, b) => a + b, 0n);
const sumN = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
const isZero = (v: readonly bigint[]) => v.every((x) => x === 0n);

// ---- stake scaling ----

const withStakes = (input: EpochInput, scale: (x: bigint) => bigint, threshold: bigint): EpochInput => ({
  ...input,
  alphaStake: input.alphaStake.map(scale),
  taoStake: input.taoStake.map(scale),
  hyperparameters: { ...input.hyperparameters, stakeThreshold: threshold },
});

/** The subnet's total stake in rao with tao counted fully (an upper bound of Σ alpha + tw·tao). */
const totalRao = (input: EpochInput) => sum(input.alphaStake) + sum(input.taoStake);
const LIMIT = 1n << 62n;

describe('stake scaling', () => {
  /*
   * Exact for an integer factor c. The I64F64 stake is r_i·2^32 with r_i = alpha_i·2^32 + tao_i·t32 (t32 =
   * ⌊tw·2^32/(2^64−1)⌋, spec §4.2), linear in the stakes; S_i = ⌊r_i·2^32 / Σr⌋ is the same rational number for c·r,
   * so both floors (the I64F64 division and the drop to I32F32) give the same bits. The threshold test ⌊x⌋ < t
   * equals x < t, equals c·x < c·t: scaling the threshold by c keeps it exact. Everything after §4.2 reads stake
   * only through S, so every output and intermediate is bit-identical. (Needs c·Σ ≤ 2^62, spec §2.)
   */
  it('leaves every output unchanged when all stakes and the threshold are multiplied by an integer', () => {
    const arb = fc.tuple(epochInputArb({ minN: 1, maxN: 40 }), fc.bigInt({ min: 0n, max: 1n << 40n }));
    fc.assert(
      fc.property(arb, ([input, k]) => {
        const total = totalRao(input);
        fc.pre(total > 0n && total * 2n <= LIMIT);
        const c = 2n + (k % (LIMIT / total - 1n)); // 2 ≤ c ≤ 2^62 / total
        const t = input.hyperparameters.stakeThreshold;
        const scaled = withStakes(input, (x) => x * c, t * c > U64_MAX ? U64_MAX : t * c);
        expect(firstDifference(run(input), run(scaled)), `c = ${c}`).toBeNull();
      }),
      params(200),
    );
  });

  /*
   * Approximate for a non-integer factor c = p/q, because the scaled stakes must be whole rao: alpha'_i =
   * ⌊c·alpha_i⌋ loses a_i ∈ [0, 1) rao and tao'_i loses b_i ∈ [0, 1), so r'_i = c·r_i − e_i with
   * 0 ≤ e_i < ε = 2^32 + t32, and Σr' = c·Σr − E with 0 ≤ E < n·ε. Then
   *   |r'_i/Σr' − r_i/Σr| = |r_i·E/Σr − e_i| / (c·Σr − E) ≤ n·ε / (c·Σr − n·ε),
   * and S, floored to 2^-32, moves by at most 1 + 2^32·n·ε / (c·Σr − n·ε) raw; its u16 form by that·65535/2^32 + 1.
   * Downstream outputs have no such bound: the median (§4.6) jumps when a cumulative stake crosses κ.
   * Threshold 0 here: a floored stake may cross a threshold.
   */
  it('moves normalised stake by no more than the rao flooring allows when stakes are scaled by p/q', () => {
    const arb = fc.tuple(epochInputArb({ minN: 1, maxN: 40 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(arb, ([input, p, q]) => {
        const [P, Q] = [BigInt(p), BigInt(q)];
        fc.pre(totalRao(input) * P <= LIMIT * Q);
        const base = withStakes(input, (x) => x, 0n);
        const scaled = withStakes(input, (x) => (x * P) / Q, 0n);
        const before = run(base);
        const after = run(scaled);
        const t32 = (input.taoWeight << 32n) / U64_MAX;
        const r = base.alphaStake.map((a, i) => (a << 32n) + base.taoStake[i] * t32);
        const n = BigInt(input.n);
        const eps = ONE + t32;
        const scaledTotal = (sum(r) * P) / Q; // ⌊c·Σr⌋
        fc.pre(scaledTotal > n * eps); // otherwise the bound is vacuous (Σ' may even be 0)
        const bound = 1n + (ONE * n * eps + (scaledTotal - n * eps) - 1n) / (scaledTotal - n * eps);
        const u16Bound = 1n + (bound * 65535n + ONE - 1n) / ONE;
        before.intermediates!.stake.forEach((x, i) => {
          const d = after.intermediates!.stake[i] - x;
          expect(d < 0n ? -d : d, `S[${i}], c = ${p}/${q}`).toBeLessThanOrEqual(bound);
          const du = BigInt(Math.abs(after.stakeWeight[i] - before.stakeWeight[i]));
          expect(du, `stakeWeight[${i}]`).toBeLessThanOrEqual(u16Bound);
        });
      }),
      params(150),
    );
  });
});

// ---- zero stake and the emission fallback ----

describe('zero stake', () => {
  it('gives zero stake weight, incentive, dividends and emission, and permits only as §4.3 says', () => {
    fc.assert(
      fc.property(epochInputArb({ minN: 1, maxN: 40 }), (input) => {
        const zero = withStakes(input, () => 0n, input.hyperparameters.stakeThreshold);
        const out = run(zero);
        const im = out.intermediates!;
        for (const v of [im.stake, im.activeStake, im.consensus, im.ranks, im.incentive, im.dividends, im.combinedShare, out.emission, out.serverEmission, out.validatorEmission]) {
          expect(isZero(v)).toBe(true);
        }
        for (const v of [out.incentive, out.dividends, out.consensus, out.stakeWeight, out.legacyOutputs.rank]) expect(sumN(v)).toBe(0);
        // §4.3: is_topk_nonzero gives no zero stake a permit; legacy is_topk keeps the top k of an all-tie, where
        // the stable ascending sort drops the lowest uids first. The owner is always permitted.
        const { n, ownerUid } = zero;
        const k = zero.hyperparameters.maxAllowedValidators;
        const expected = Array.from({ length: n }, (_, i) => i === ownerUid || (zero.hyperparameters.legacy && (n < k || i >= n - k)));
        expect(out.newValidatorPermit).toEqual(expected);
        expect(firstDifference(oracleEngine.runEpoch(zero), wasm.runEpoch(zero))).toBeNull(); // outputs only: the fuzz owns intermediates
      }),
      params(100),
    );
  });

  it('pays validator emission by active stake, else by stake, when no weight is usable (§4.13)', () => {
    fc.assert(
      fc.property(epochInputArb({ minN: 1, maxN: 40 }), (input) => {
        const noWeights = { ...input, weights: input.weights.map(() => []) };
        const out = run(noWeights);
        const { activeStake, stake } = out.intermediates!;
        const share = isZero(activeStake) ? stake : activeStake;
        const rao = share.map((x) => (x * noWeights.raoEmission) >> 32n);
        expect(out.emission).toEqual(rao);
        expect(out.validatorEmission).toEqual(rao);
        expect(isZero(out.serverEmission)).toBe(true);
        expect(sumN(out.incentive) + sumN(out.dividends)).toBe(0);
        const oracle = oracleEngine.runEpoch(noWeights, { intermediates: true }).intermediates!;
        expect([oracle.activeStake, oracle.stake]).toEqual([activeStake, stake]);
      }),
      params(100),
    );
  });
});

// ---- normalised vectors ----

/** Σ of a vector normalised by truncating divisions (each term loses < 1 ulp): within n ulps below `one`, or all 0. */
function expectNormalised(v: readonly bigint[], one: bigint, what: string) {
  const total = sum(v);
  if (isZero(v)) return;
  expect(total, `${what}: Σ ≤ 1`).toBeLessThanOrEqual(one);
  expect(total, `${what}: Σ ≥ 1 − n ulps`).toBeGreaterThanOrEqual(one - BigInt(v.length));
}

/** Σ⌊x_i·E/2^32⌋ lies in (E·Σx/2^32 − n, E·Σx/2^32]: emissions fall short of E by rounding only (§4.13, §13.11). */
function expectRao(rao: readonly bigint[], shares: readonly bigint[], e: bigint, what: string) {
  const exact = sum(shares) * e; // E·Σx, in units of 2^-32 rao
  const paid = sum(rao);
  expect(paid << 32n, `${what}: Σ ≤ E·Σshare`).toBeLessThanOrEqual(exact);
  expect(paid << 32n, `${what}: Σ > E·Σshare − n`).toBeGreaterThan(exact - (BigInt(rao.length) << 32n));
}

describe('normalised outputs', () => {
  /*
   * I = R ⊘ ΣR and D = D ⊘ ΣD truncate each term (§4.8, §4.10, §4.11), so Σ ∈ [2^32 − n, 2^32] raw unless all are 0;
   * the same holds for S (nested floors, §4.2) and for the shares nc (normalize(c), or the fallback A or S, §4.13).
   * u16 outputs floor x·65535/2^32, losing < 1 each: Σ ∈ [65535 − n, 65535]. Emissions floor x·E/2^32 per uid, so
   * E − Σ < n + E·n/2^32 rao — not "at most n": at E = 1e9 and n = 40 up to 49 rao can be lost.
   */
  it('sum to one up to the chain flooring, or are all zero', () => {
    fc.assert(
      fc.property(epochInputArb({ minN: 1, maxN: 40 }), (input) => {
        const out = run(input);
        const im = out.intermediates!;
        const n = BigInt(input.n);
        const e = input.raoEmission;
        for (const [name, raw] of [['incentive', im.incentive], ['dividends', im.dividends], ['stake', im.stake], ['activeStake', im.activeStake], ['combinedShare', im.combinedShare]] as const) {
          expectNormalised(raw, ONE, name);
        }
        const shares = im.serverShare.map((x, i) => x + im.validatorShare[i]);
        if (!isZero(shares)) expect(sum(shares)).toBeGreaterThanOrEqual(ONE - 2n * n);
        expect(sum(shares)).toBeLessThanOrEqual(ONE);
        for (const [name, raw, u16] of [['incentive', im.incentive, out.incentive], ['dividends', im.dividends, out.dividends], ['stakeWeight', im.stake, out.stakeWeight]] as const) {
          expect(isZero(raw) ? 0 : sumN(u16), name).toBe(sumN(u16));
          expectNormalised(u16.map(BigInt), 65535n, `${name} (u16)`);
        }
        expectRao(out.emission, im.combinedShare, e, 'emission');
        expectRao(out.serverEmission, im.serverShare, e, 'serverEmission');
        expectRao(out.validatorEmission, im.validatorShare, e, 'validatorEmission');
        if (!isZero(im.combinedShare)) {
          const deficit = e - sum(out.emission);
          expect(deficit, 'E − Σ emission < n + E·n/2^32').toBeLessThan(n + ((e * n + ONE - 1n) >> 32n));
        }
      }),
      params(300),
    );
  });
});
