// The oracle epoch against the spec's §5 worked trace (test_bonds at blocks 2 and 3) and the edge rules of §4.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, type EpochInput, type Hyperparameters, type SparseRowRaw } from '../../src/model/epoch.ts';
import { oracleEpoch, lastTempo } from '../../src/oracle/epoch.ts';
import { ONE, U64_MAX, toDisplay, u16ProportionToFixed } from '../../src/oracle/fixed.ts';
import { alphaFromMovingAverage } from '../../src/oracle/liquid-alpha.ts';
import { oracleEngine } from '../../src/oracle/index.ts';
import { loadTrace, replay } from './trace-replay.ts';

const show = (values: bigint[]): string[] => values.map(toDisplay);
const showRow = (row: SparseRowRaw): [number, string][] => row.map(([j, v]) => [j, toDisplay(v)]);

/** A small subnet at block 10: every uid registered at 0, updated at 10, permitted, no weights. */
function input(n: number, changes: Partial<EpochInput> = {}, h: Partial<Hyperparameters> = {}): EpochInput {
  return {
    n,
    block: 10n,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, ...h },
    ownerUid: null,
    alphaStake: new Array(n).fill(1000n),
    taoStake: new Array(n).fill(0n),
    taoWeight: 0n,
    blockAtRegistration: new Array(n).fill(0n),
    lastUpdate: new Array(n).fill(10n),
    validatorPermit: new Array(n).fill(true),
    weights: Array.from({ length: n }, () => []),
    bonds: Array.from({ length: n }, () => []),
    lastMechanismStepBlock: 0n,
    commitBlock: new Array(n).fill(null),
    raoEmission: 1_000_000_000n,
    ...changes,
  };
}

describe(oracleEpoch, () => {
  const epochs = replay(loadTrace('test_bonds').trace, oracleEngine, true);
  const [atBlock2, atBlock3] = [epochs[1], epochs[2]];

  it('reproduces the §5 worked trace at block 2', () => {
    const im = atBlock2.output.intermediates!;
    expect(atBlock2.block).toBe(2n);
    expect(show(im.stake)).toEqual(['0.0999999999', '0.2', '0.2999999998', '0.4', '0', '0', '0', '0']);
    expect(im.activeStake).toEqual(im.stake);
    for (let i = 0; i < 4; i++) {
      expect(showRow(im.weights[i])).toEqual([
        [4, '0.0999975584'],
        [5, '0.2000012207'],
        [6, '0.2999926754'],
        [7, '0.400008545'],
      ]);
    }
    expect(show(im.consensus)).toEqual(['0', '0', '0', '0', '0.0999975584', '0.2000012207', '0.2999926754', '0.400008545']);
    expect(show(im.validatorTrust).slice(0, 4)).toEqual(new Array(4).fill('0.9999999995'));
    expect(atBlock2.output.validatorTrust.slice(0, 4)).toEqual([65534, 65534, 65534, 65534]);
    expect(show(im.incentive)).toEqual(['0', '0', '0', '0', '0.0999975582', '0.2000012207', '0.2999926752', '0.4000085455']);
    expect(showRow(im.bondsDelta[0]).map(([, v]) => v)).toEqual(['0.0999999996', '0.0999999999', '0.0999999994', '0.0999999996']);
    expect(showRow(im.bondsEma[0]).map(([, v]) => v)).toEqual(['0.0999999982', '0.0999999985', '0.099999998', '0.099999998']);
    expect(show(im.dividends).slice(0, 4)).toEqual(['0.0999999978', '0.1999999983', '0.3000000012', '0.4000000022']);
    expect(atBlock2.output.emission).toEqual([49999998n, 99999999n, 150000000n, 200000001n, 49998779n, 100000610n, 149996337n, 200004272n]);
    expect(atBlock2.output.emission.reduce((a, b) => a + b)).toBe(999_999_996n);
    expect(atBlock2.output.bonds.slice(0, 4).map((row) => row[0])).toEqual([
      [4, 16383],
      [4, 32767],
      [4, 49151],
      [4, 65535],
    ]);
  });

  it('reproduces the §5 worked trace at block 3, after uid 0 switched to a self-weight', () => {
    const im = atBlock3.output.intermediates!;
    expect(atBlock3.block).toBe(3n);
    expect(im.bondsBefore.slice(0, 4).map((row) => toDisplay(row[0][1]))).toEqual([
      '0.0999963377',
      '0.1999987792',
      '0.3000012205',
      '0.400003662',
    ]);
    expect(im.bondsDelta[0]).toEqual([]);
    expect(im.bondsDelta.slice(1, 4).map((row) => toDisplay(row[0][1]).slice(0, 6))).toEqual(['0.2222', '0.3333', '0.4444']);
    expect(im.alpha).toBe(alphaFromMovingAverage(900000n));
    expect(toDisplay(im.bondsEma[0][0][1])).toBe('0.0899967037');
    expect(atBlock3.output.bonds.slice(0, 4).map((row) => row[0])).toEqual([
      [4, 14582],
      [4, 32767],
      [4, 49151],
      [4, 65535],
    ]);
  });

  it('is pure: the input is not modified and a second run gives identical bits', () => {
    const given = structuredClone(atBlock3.input);
    const first = oracleEpoch(atBlock3.input, { intermediates: true });
    expect(atBlock3.input).toEqual(given);
    expect(oracleEpoch(atBlock3.input, { intermediates: true })).toEqual(first);
  });

  it('fills every intermediate with n entries per vector and matrix', () => {
    const im = atBlock3.output.intermediates!;
    const perUid = [
      im.inactive,
      im.stake,
      im.validatorPermit,
      im.activeStake,
      im.weightsMasked,
      im.weights,
      im.consensus,
      im.clippedWeights,
    ];
    const more = [
      im.validatorTrust,
      im.ranks,
      im.incentive,
      im.weightsForBonds,
      im.bondsBefore,
      im.bondsDelta,
      im.liquidAlpha,
      im.bondsEma,
    ];
    for (const v of [...perUid, ...more, im.dividends, im.serverShare, im.validatorShare, im.combinedShare]) expect(v).toHaveLength(8);
    expect(im.legacyColumnAlpha).toEqual([]);
    expect(im.lastTempo).toBe(2n);
    expect(im.activityCutoff).toBe((13889n * 1n) / 1000n); // ⌊factor · tempo / 1000⌋ at tempo 1
  });

  it('computes the legacy Rank, Trust and PruningScores: Rank = u16(I), Trust = 1 where clipping changes nothing', () => {
    const legacy = atBlock2.output.legacyOutputs;
    expect(legacy.rank).toEqual(atBlock2.output.incentive);
    expect(legacy.trust).toEqual([0, 0, 0, 0, 65535, 65535, 65535, 65535]);
    expect(Math.max(...legacy.pruningScore)).toBe(65535);
  });

  it('omits intermediates unless asked', () => {
    expect(oracleEpoch(atBlock3.input).intermediates).toBeUndefined();
  });
});

describe(lastTempo, () => {
  it('is block − tempo without a coinbase epoch and lms + 1 after one', () => {
    expect(lastTempo(100n, 360, 0n)).toBe(0n);
    expect(lastTempo(1000n, 360, 0n)).toBe(640n);
    expect(lastTempo(1000n, 360, 900n)).toBe(901n);
  });
});

describe(oracleEpoch, () => {
  it('weighs TAO stake by tao_weight / (2^64 − 1): weight 1 for u64::MAX and exactly ½ for 2^63', () => {
    const full = oracleEpoch(input(2, { alphaStake: [1000n, 0n], taoStake: [0n, 1000n], taoWeight: U64_MAX }, { stakeThreshold: 0n }), {
      intermediates: true,
    });
    expect(full.intermediates!.stake).toEqual([ONE / 2n, ONE / 2n]);
    const half = oracleEpoch(input(2, { alphaStake: [1000n, 0n], taoStake: [0n, 2000n], taoWeight: 1n << 63n }), { intermediates: true });
    expect(half.intermediates!.stake).toEqual([ONE / 2n, ONE / 2n]);
  });

  it('zeroes stake below the threshold except the owner’s, and forces the owner’s permits', () => {
    const out = oracleEpoch(
      input(3, { alphaStake: [5n, 5n, 50n], ownerUid: 0, validatorPermit: [false, true, true] }, { stakeThreshold: 10n }),
      {
        intermediates: true,
      },
    );
    const im = out.intermediates!;
    expect(im.stake[0]).toBeGreaterThan(0n);
    expect(im.stake[1]).toBe(0n);
    expect(im.validatorPermit).toEqual([true, true, true]);
    expect(out.newValidatorPermit).toEqual([true, false, true]);
  });

  it('gives zero stakes permits only on the legacy is_topk path when n ≤ k', () => {
    const stakes = { alphaStake: [100n, 0n, 0n] };
    expect(oracleEpoch(input(3, stakes)).newValidatorPermit).toEqual([true, false, false]);
    expect(oracleEpoch(input(3, stakes, { legacy: true })).newValidatorPermit).toEqual([true, true, true]);
  });

  it('masks weights committed before a column registered, only with commit-reveal on (W5)', () => {
    const changes: Partial<EpochInput> = {
      blockAtRegistration: [0n, 0n, 5n],
      weights: [
        [
          [1, 65535],
          [2, 65535],
        ],
        [],
        [],
      ],
      commitBlock: [3n, null, null],
    };
    expect(oracleEpoch(input(3, changes), { intermediates: true }).intermediates!.weightsMasked[0].map(([j]) => j)).toEqual([1, 2]);
    const masked = oracleEpoch(input(3, changes, { commitRevealEnabled: true }), { intermediates: true });
    expect(masked.intermediates!.weightsMasked[0].map(([j]) => j)).toEqual([1]);
  });

  it('keeps the owner’s self-weight and removes other diagonal and outdated entries (W3, W4)', () => {
    const changes: Partial<EpochInput> = {
      ownerUid: 1,
      blockAtRegistration: [0n, 0n, 10n],
      weights: [
        [
          [0, 1],
          [1, 1],
          [2, 1],
        ],
        [
          [1, 1],
          [2, 1],
        ],
        [],
      ],
    };
    const im = oracleEpoch(input(3, changes), { intermediates: true }).intermediates!;
    expect(im.weightsMasked.map((row) => row.map(([j]) => j))).toEqual([[1], [1], []]);
  });

  it('interpolates densely for 0 < bonds_penalty < 1 and drops zero results (§4.9)', () => {
    const changes: Partial<EpochInput> = {
      weights: [
        [
          [2, 65535],
          [1, 0],
        ],
        [[2, 65535]],
        [],
      ],
    };
    const im = oracleEpoch(input(3, changes, { bondsPenalty: 32768 }), { intermediates: true }).intermediates!;
    expect(im.weights[0].map(([j]) => j)).toEqual([2, 1]);
    expect(im.weightsForBonds[0].map(([j]) => j)).toEqual([2]);
    const zeroPenalty = oracleEpoch(input(3, changes, { bondsPenalty: 0 }), { intermediates: true }).intermediates!;
    expect(zeroPenalty.weightsForBonds).toEqual(zeroPenalty.weights);
  });

  it('falls back to normalised stake when nothing is active, inactive uids included (§4.13)', () => {
    const out = oracleEpoch(input(2, { lastUpdate: [0n, 0n], block: 100_000n }), { intermediates: true });
    expect(out.active).toEqual([false, false]);
    expect(out.intermediates!.validatorShare).toEqual(out.intermediates!.stake);
    expect(out.emission).toEqual([500_000_000n, 500_000_000n]);
  });

  it('computes Yuma 3 liquid alpha per entry of Wb, within [α_lo, α_hi] and in Wb order', () => {
    const traced = replay(loadTrace('test_yuma_3_stable_miner').trace, oracleEngine, true);
    const h = traced[0].input.hyperparameters;
    const [low, high] = [u16ProportionToFixed(h.alphaLow), u16ProportionToFixed(h.alphaHigh)];
    const liquid = traced.map((e) => e.output.intermediates!).filter((im) => im.alpha === null);
    expect(liquid.length).toBeGreaterThan(0);
    for (const im of liquid) {
      expect(im.liquidAlpha.map((row) => row.map(([j]) => j))).toEqual(im.weightsForBonds.map((row) => row.map(([j]) => j)));
      for (const [, a] of im.liquidAlpha.flat()) expect(a >= low && a <= high).toBe(true);
    }
  });

  it('uses per-column legacy liquid alpha on the legacy trace', () => {
    const traced = replay(loadTrace('test_bonds_with_liquid_alpha.legacy').trace, oracleEngine, true);
    const withColumns = traced.map((e) => e.output.intermediates!).filter((im) => im.legacyColumnAlpha.length > 0);
    expect(withColumns.length).toBeGreaterThan(0);
    for (const im of withColumns) {
      expect(im.alpha).toBeNull();
      expect(im.legacyColumnAlpha).toHaveLength(traced[0].input.n);
    }
  });
});
