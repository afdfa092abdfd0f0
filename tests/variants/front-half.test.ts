// The front half every version shares (spec §2.1–2.7, §4, §8), checked on cases small enough to do by
// hand. Raw weight rows sum to 1e12, so the row epsilon (1e-6) vanishes in float64 and W = X / 1e12.
import { describe, expect, it } from 'vitest';
import { VARIANTS, makeJob, row, smallCase, variantsEngine } from './helpers.ts';

const T = 1e12;
/** Stakes 5:3:2 (S = .5, .3, .2); server 0 weighted .6/.2/.9, server 1 .4/.8/.1. */
const THREE = smallCase([[5, 3, 2]], [[[0.6 * T, 0.4 * T], [0.2 * T, 0.8 * T], [0.9 * T, 0.1 * T]]]);

describe('consensus, clipping and incentive', () => {
  it('walks validators by weight until κ of the stake, then normalises and truncates to 1/65535', async () => {
    const engine = await variantsEngine();
    // Server 0: .9 (stake .2), then .6 (running .7 ≥ .5) → .6. Server 1: .8 (.3), then .4 (.8) → .4.
    for (const [version, flavour] of VARIANTS) {
      const r = engine.run(makeJob(THREE, version, flavour));
      expect(row(r.serverConsensus, 0, 2)).toEqual([39321 / 65535, 26214 / 65535]);
    }
  });

  it('uses the largest weight when the stake never reaches κ, and the smallest supported one at κ = 0 … 1', async () => {
    const engine = await variantsEngine();
    const consensus = (kappa: number) => row(engine.run(makeJob(THREE, 'YUMA1', 'package', { kappa })).serverConsensus, 0, 2);
    // κ = 0: the first validator in the walk already qualifies, so C = the column maxima .9, .8 → normalised by 1.7.
    const max = 0.9 + 0.8;
    expect(consensus(0)).toEqual([Math.trunc((0.9 / max) * 65535) / 65535, Math.trunc((0.8 / max) * 65535) / 65535]);
    expect(consensus(0)).toEqual([34695 / 65535, 30840 / 65535]);
    // κ = 0.8: server 0 needs .9 (.2) + .6 (.7) + .2 (1.0) → .2; server 1: .8 (.3) + .4 (.8) → .4.
    const high = 0.2 + 0.4;
    expect(consensus(0.8)).toEqual([Math.trunc((0.2 / high) * 65535) / 65535, Math.trunc((0.4 / high) * 65535) / 65535]);
    expect(consensus(0.8)).toEqual([21845 / 65535, 43690 / 65535]);
  });

  it('ranks the clipped weights by stake and normalises them into incentive', async () => {
    const r = (await variantsEngine()).run(makeJob(THREE, 'YUMA3', 'package'));
    // Wc = [.6 .4; .2 .4; .6 .1]; R = [.5·.6 + .3·.2 + .2·.6, .5·.4 + .3·.4 + .2·.1] = [.48, .34].
    const [i0, i1] = row(r.serverIncentive, 0, 2);
    expect(i0).toBeCloseTo(0.48 / 0.82, 14);
    expect(i1).toBeCloseTo(0.34 / 0.82, 14);
  });

  it('gives winner-takes-all incentive to the top rank, split evenly on an exact tie', async () => {
    const engine = await variantsEngine();
    expect(row(engine.run(makeJob(THREE, 'YUMA1', 'package', { winner_takes_all: true })).serverIncentive, 0, 2)).toEqual([1, 0]);
    const tie = smallCase([[1, 1]], [[[T, 0], [0, T]]], { winner_takes_all: true });
    // κ = .5 is met by either validator alone, so both servers get consensus 1/2 and equal ranks .25.
    const r = engine.run(makeJob(tie, 'YUMA1', 'package', { kappa: 0.5 }));
    expect(row(r.serverConsensus, 0, 2)).toEqual([32767 / 65535, 32767 / 65535]);
    expect(row(r.serverIncentive, 0, 2)).toEqual([0.5, 0.5]);
  });

  it('normalises weight rows with +1e-6, so a one-hot row stays just below 1 (spec §2.1)', async () => {
    const engine = await variantsEngine();
    const oneHot = smallCase([[1]], [[[1, 0]]]);
    // YUMA3 package from zero bonds: B = α·W with α = 1 − 0.1, so the bond shows W exactly.
    const r = engine.run(makeJob(oneHot, 'YUMA3', 'package'));
    expect(row(r.bonds, 0, 2)).toEqual([0.9 * (1 / (1 + 1e-6)), 0]);
  });
});

describe('degenerate epochs (spec §8)', () => {
  // One-hot weights on three different servers, none with κ of the stake behind it.
  const split = smallCase([[0.34, 0.33, 0.33]], [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]);

  it('keeps consensus 0, flags the epoch and pays nothing, in every version, without a NaN', async () => {
    const engine = await variantsEngine();
    for (const [version, flavour] of VARIANTS) {
      const r = engine.run(makeJob(split, version, flavour));
      expect(r.degenerateConsensusEpochs).toEqual([0]);
      expect(row(r.serverConsensus, 0, 3)).toEqual([0, 0, 0]);
      expect(row(r.serverIncentive, 0, 3)).toEqual([0, 0, 0]);
      expect(row(r.dividendsNormalized, 0, 3)).toEqual([0, 0, 0]);
      expect(Array.from(r.bonds).every((b) => Number.isFinite(b) && b >= 0)).toBe(true);
    }
  });

  it('gives each server 1/(V+N) with winner-takes-all, as the package square matrix does', async () => {
    const r = (await variantsEngine()).run(makeJob(split, 'YUMA2C', 'package', { winner_takes_all: true }));
    expect(row(r.serverIncentive, 0, 3)).toEqual([1 / 6, 1 / 6, 1 / 6]);
  });

  it('still buys YUMA1 bonds from (1−β)·W when every clipped weight is 0', async () => {
    const r = (await variantsEngine()).run(makeJob(split, 'YUMA1', 'package', { bond_penalty: 0.5 }));
    // ΔB column j holds only validator j: S_j·.5·w / (S_j·.5·w + 1e-6), then B = ΔB / (ΔB + 1e-6).
    const w = 1 / (1 + 1e-6);
    const b0 = ((0.34 * 0.5 * w) / (0.34 * 0.5 * w + 1e-6));
    expect(r.bonds[0]).toBeCloseTo(b0 / (b0 + 1e-6), 14);
  });
});
