// ChainMath.distribute (assembly/chain/distribute.ts) against the BigInt U96F32 oracle it replaced
// (oracle/distribution-math.ts): random and edge-case inputs over the whole u64 range must give the same
// numbers, bit for bit. The oracle is unbounded; the core saturates an output at u64::MAX, which only
// V + S ≥ 2^64 (no miner incentive) can reach.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionIn, DistributionOut, DistributionUidIn } from '../../src/chain/math.ts';
import { engines } from './helpers.ts';
import { distributeOracle } from './oracle/distribution-math.ts';

const { math } = await engines();
const U64_MAX = (1n << 64n) - 1n;
const FUZZ_RUNS = 20_000;

/** A u64 of one of several magnitudes, edges over-represented: fast-check shrinks towards 0. */
const u64 = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, U64_MAX, U64_MAX - 1n, 1n << 63n, 1n << 32n, (1n << 32n) - 1n, 1_000_000_000n),
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.bigInt({ min: 0n, max: 1n << 55n }),
  fc.bigInt({ min: U64_MAX - (1n << 20n), max: U64_MAX }),
  fc.bigInt({ min: 0n, max: U64_MAX }),
);
const take = fc.oneof(fc.constantFrom(0, 65535, 11796, 1, 65534), fc.integer({ min: 0, max: 65535 }));
const uid = (u: fc.Arbitrary<bigint>): fc.Arbitrary<DistributionUidIn> => fc.record({
  validatorEmission: u, serverEmission: u, alphaStake: u, rootStake: u, take, ownerHotkey: fc.boolean(),
});
/** Whole-epoch inputs; `mode` zeroes whole columns or makes every hotkey an owner's, to hit the checked divisions. */
const distributionIn = (u: fc.Arbitrary<bigint>, minUids = 0, maxUids = 12): fc.Arbitrary<DistributionIn> => fc
  .record({
    taoWeight: u, server: u, validator: u, root: u,
    uids: fc.array(uid(u), { minLength: minUids, maxLength: maxUids }),
    mode: fc.constantFrom('as-drawn', 'as-drawn', 'no-incentive', 'no-dividends', 'no-stake', 'all-owners', 'no-root-stake'),
  })
  .map(({ mode, ...input }) => ({
    ...input,
    uids: input.uids.map((x) => ({
      ...x,
      serverEmission: mode === 'no-incentive' ? 0n : x.serverEmission,
      validatorEmission: mode === 'no-dividends' ? 0n : x.validatorEmission,
      alphaStake: mode === 'no-stake' ? 0n : x.alphaStake,
      rootStake: mode === 'no-stake' || mode === 'no-root-stake' ? 0n : x.rootStake,
      ownerHotkey: mode === 'all-owners' ? true : x.ownerHotkey,
    })),
  }));

const clampU64 = (v: bigint) => (v > U64_MAX ? U64_MAX : v);
const clamped = (o: DistributionOut): DistributionOut => ({
  minerBurned: o.minerBurned,
  uids: o.uids.map((u) => ({
    alphaTake: clampU64(u.alphaTake), alphaRest: clampU64(u.alphaRest), rootTake: clampU64(u.rootTake),
    rootRest: clampU64(u.rootRest), incentive: u.incentive, withheld: u.withheld,
  })),
});
/** Where the oracle's outputs leave u64: only V' = V + S when no miner earned anything. */
const overflows = (input: DistributionIn) =>
  input.uids.every((u) => u.serverEmission === 0n) && input.validator + input.server > U64_MAX;

describe(math.distribute, () => {
  it(`equals the BigInt oracle on ${FUZZ_RUNS} random epochs across the u64 range (clamped only where V + S ≥ 2^64)`, () => {
    let clampedRuns = 0;
    fc.assert(
      fc.property(distributionIn(u64), (input) => {
        const expected = distributeOracle(input);
        const actual = math.distribute(input);
        if (overflows(input)) {
          clampedRuns++;
          expect(actual).toEqual(clamped(expected));
        } else expect(actual).toEqual(expected);
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(clampedRuns).toBeGreaterThan(0);
    expect(clampedRuns).toBeLessThan(FUZZ_RUNS / 10);
  });

  it('equals the oracle on chain-sized epochs (α below 2^55, 256 uids)', () => {
    const alpha = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1n << 55n }));
    fc.assert(
      fc.property(distributionIn(alpha, 256, 256), (input) => {
        expect(math.distribute(input)).toEqual(distributeOracle(input));
      }),
      { numRuns: 200 },
    );
  });

  it('gives zero shares and MinerBurned 0 when every sum is zero', () => {
    const input: DistributionIn = {
      taoWeight: U64_MAX, server: 5n, validator: 7n, root: 11n,
      uids: [0, 1, 2].map(() => ({ validatorEmission: 0n, serverEmission: 0n, alphaStake: 0n, rootStake: 0n, take: 65535, ownerHotkey: true })),
    };
    const out = math.distribute(input);
    expect(out).toEqual(distributeOracle(input));
    expect(out.minerBurned).toBe(0n);
    expect(out.uids.every((u) => u.alphaTake + u.alphaRest + u.rootTake + u.rootRest === 0n)).toBe(true);
  });

  it('handles no uids at all', () => {
    const input: DistributionIn = { taoWeight: 1n, server: 1n, validator: 1n, root: 1n, uids: [] };
    expect(math.distribute(input)).toEqual({ minerBurned: 0n, uids: [] });
  });

  it('keeps Σ incentive exact past 2^64: MinerBurned is withheld ÷ total, not a wrapped sum', () => {
    // Σ incentive = 2^64 wraps to 0 in u64; withheld = 2^63, so MinerBurned is exactly 0.5.
    const half = 1n << 63n;
    const input: DistributionIn = {
      taoWeight: 0n, server: 0n, validator: 100n, root: 0n,
      uids: [true, false].map((ownerHotkey) => ({ validatorEmission: 1n, serverEmission: half, alphaStake: 1n, rootStake: 0n, take: 0, ownerHotkey })),
    };
    const out = math.distribute(input);
    expect(out).toEqual(distributeOracle(input));
    expect(out.minerBurned).toBe(1n << 31n);
  });

  it('is the same whether the buffer grew or shrank since the last call', () => {
    const big = fc.sample(distributionIn(u64, 40, 40).filter((i) => !overflows(i)), { numRuns: 1, seed: 7 })[0];
    const small = { ...big, uids: big.uids.slice(0, 3) };
    expect(math.distribute(big)).toEqual(distributeOracle(big));
    expect(math.distribute(small)).toEqual(distributeOracle(small));
    expect(math.distribute(big)).toEqual(distributeOracle(big));
  });
});
