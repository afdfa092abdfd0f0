// Block emission from total issuance (chain.md §1.1): the halving thresholds worked by hand.
import { describe, expect, it } from 'vitest';
import { engines, TAO } from './helpers.ts';

const { math } = await engines();
const blockEmission = math.blockEmission;

describe(blockEmission, () => {
  // k = ⌊log2(1 / (1 − I/21M))⌋ and E = 1 TAO / 2^k. The thresholds where k steps up are
  // I = 21M · (1 − 2^-k): 10.5 M (k = 1), 15.75 M (2), 18.375 M (3), 19.6875 M (4).
  // At I = 15.75 M exactly: f = trunc(0.75 · 2^32) = 3·2^30, 1 − f = 2^30, 1 ⊘ (1 − f) = 2^34 = 4.0 → k = 2.
  // One rao below: f = 3·2^30 − 1, 1 − f = 2^30 + 1, x = trunc(2^64 / (2^30 + 1)) = 2^34 − 16 (< 4.0) → k = 1.
  const cases: [string, bigint, bigint][] = [
    ['0 TAO issued', 0n, TAO],
    ['one rao below 10.5 M', 10_500_000n * TAO - 1n, TAO],
    ['exactly 10.5 M', 10_500_000n * TAO, TAO / 2n],
    ['one rao below 15.75 M', 15_750_000n * TAO - 1n, TAO / 2n],
    ['exactly 15.75 M', 15_750_000n * TAO, TAO / 4n],
    ['exactly 18.375 M', 18_375_000n * TAO, TAO / 8n],
    ['exactly 19.6875 M', 19_687_500n * TAO, TAO / 16n],
    // 1 − f is one ulp (2^-32): 1 ⊘ (1 − f) = 2^32, k = 32, 1e9 / 2^32 floors to 0.
    ['one rao below 21 M', 21_000_000n * TAO - 1n, 0n],
    ['the 21 M cap', 21_000_000n * TAO, 0n],
    ['above the cap', 22_000_000n * TAO, 0n],
  ];
  for (const [label, issuance, expected] of cases) {
    it(`mints ${expected} rao per block at ${label}`, () => {
      expect(blockEmission(issuance)).toBe(expected);
    });
  }

  it('halves the reward at each threshold and never in between (sampled every 100 000 TAO)', () => {
    for (let i = 0n; i < 21_000_000n; i += 100_000n) {
      const k = i < 10_500_000n ? 0n : i < 15_750_000n ? 1n : i < 18_375_000n ? 2n : i < 19_687_500n ? 3n : i < 20_343_750n ? 4n : -1n;
      if (k >= 0n) expect(blockEmission(i * TAO)).toBe(TAO >> k);
    }
  });
});

describe(math.halvings, () => {
  it('counts the halvings so far: 0, 1, 2 around the first two thresholds', () => {
    expect(math.halvings(10_499_999n * TAO)).toBe(0);
    expect(math.halvings(10_500_000n * TAO)).toBe(1);
    expect(math.halvings(15_750_000n * TAO)).toBe(2);
  });
});
