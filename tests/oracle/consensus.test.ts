// The oracle's consensus is the §4.6 DEFINITION (a sort); here it is checked against the chain's mid-pivot
// quickselect, transcribed from the spec into this test only, on random columns with many ties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consensusColumns, weightedMedian } from '../../src/oracle/consensus.ts';
import { type Fixed, ONE, fromInt, saturatingAdd, saturatingSub, u16ProportionToFixed } from '../../src/oracle/fixed.ts';
import { normalize, sum } from '../../src/oracle/sparse.ts';

/** subtensor's weighted_median (spec §4.6, last bullet): deterministic mid-pivot quickselect. */
function quickselect(stake: Fixed[], score: Fixed[], idx: number[], minority: Fixed, lo: Fixed, hi: Fixed): Fixed {
  if (idx.length === 0) return 0n;
  if (idx.length === 1) return score[idx[0]];
  const pivot = score[idx[idx.length >> 1]];
  let loStake = 0n;
  let hiStake = 0n;
  const lower: number[] = [];
  const upper: number[] = [];
  for (const i of idx) {
    if (score[i] === pivot) continue;
    if (score[i] < pivot) {
      loStake = saturatingAdd(loStake, stake[i]);
      lower.push(i);
    } else {
      hiStake = saturatingAdd(hiStake, stake[i]);
      upper.push(i);
    }
  }
  if (saturatingAdd(lo, loStake) <= minority && minority < saturatingSub(hi, hiStake)) return pivot;
  if (minority < saturatingAdd(lo, loStake) && lower.length > 0)
    return quickselect(stake, score, lower, minority, lo, saturatingAdd(lo, loStake));
  if (saturatingSub(hi, hiStake) <= minority && upper.length > 0)
    return quickselect(stake, score, upper, minority, saturatingSub(hi, hiStake), hi);
  return pivot;
}

const column = fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 12 });

describe(weightedMedian, () => {
  it('agrees with the chain quickselect for every kappa, including 0 and above the stake total', () => {
    fc.assert(
      fc.property(column, fc.integer({ min: 0, max: 65535 }), (entries, kappaU16) => {
        const stakes = normalize(entries.map(([s]) => fromInt(s)));
        const scores = entries.map(([, x]) => (BigInt(x) * ONE) / 6n);
        const total = sum(stakes);
        const minority = saturatingSub(total, u16ProportionToFixed(kappaU16));
        const indices = stakes.map((_, i) => i);
        expect(weightedMedian(stakes, scores, minority)).toBe(quickselect(stakes, scores, indices, minority, 0n, total));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not cross on an exact tie of the cumulative stake with the minority', () => {
    const half = ONE / 2n;
    expect(weightedMedian([half, half], [fromInt(1), fromInt(2)], half)).toBe(fromInt(2));
    expect(weightedMedian([half, half], [fromInt(1), fromInt(2)], half - 1n)).toBe(fromInt(1));
  });

  it('returns the largest score when the minority reaches the total and 0 without participants', () => {
    expect(weightedMedian([ONE / 2n, ONE / 2n], [fromInt(3), fromInt(1)], ONE)).toBe(fromInt(3));
    expect(weightedMedian([], [], 0n)).toBe(0n);
  });
});

describe(consensusColumns, () => {
  it('takes the smallest score when kappa exceeds the re-normalised stake total', () => {
    const active = normalize([fromInt(1), fromInt(1), fromInt(1)]);
    const weights: [number, bigint][][] = [[[0, fromInt(1)]], [[0, fromInt(2)]], [[0, fromInt(3)]]];
    expect(sum(normalize(active))).toBeLessThan(ONE);
    expect(consensusColumns(active, weights, 1, ONE)).toEqual([fromInt(1)]);
    expect(consensusColumns(active, weights, 1, 0n)).toEqual([fromInt(3)]);
  });

  it('counts a missing entry as a zero score and ignores rows without active stake', () => {
    const active = [ONE / 2n, 0n, ONE / 2n];
    const weights: [number, bigint][][] = [[[1, ONE]], [[0, ONE]], []];
    expect(consensusColumns(active, weights, 2, u16ProportionToFixed(32767))).toEqual([0n, ONE]);
  });
});
