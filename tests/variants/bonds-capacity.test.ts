// YUMA2C (spec §3.5), YUMA3 (§3.6) and the bond reset (§5) on the two-epoch hand case of
// bonds-ema.test.ts; expected values follow the spec's step lists.
import { describe, expect, it } from 'vitest';
import { VARIANTS, bondsAt, makeJob, row, smallCase, variantsEngine } from './helpers.ts';

const T = 1e12;
const EPS = 1e-6;
const M = 2 ** 64;
const STAKES = [[3, 1], [3, 1]];
const W0 = [[T, 0], [T / 2, T / 2]];
const W1 = [[T / 2, T / 2], [0, T]];
const CASE = smallCase(STAKES, [W0, W1]);
const I1 = [3 / 7, 4 / 7]; // epoch 1 incentive (C = [c, c], R = [.75c, c])

const expectMatrix = (got: number[][], want: number[][], digits = 12) =>
  got.forEach((r, i) => r.forEach((x, j) => expect(x, `[${i}][${j}]`).toBeCloseTo(want[i][j], digits)));
const inUnits = (m: number[][]) => m.map((r) => r.map((x) => x / M));

describe('YUMA2C (spec §3.5)', () => {
  it('buys γ·cap·W from zero, then decays by δ and buys min(γ·cap, cap − B)·W, in units of 2^64', async () => {
    const r = (await variantsEngine()).run(makeJob(CASE, 'YUMA2C', 'package'));
    // cap = [.75, .25]·M; epoch 0: B = .1·cap·W0.
    expect(bondsAt(r, 0)).toEqual([[0.1 * 0.75 * M, 0], [0.1 * 0.25 * M * 0.5, 0.1 * 0.25 * M * 0.5]]);
    // Epoch 1: v0 = .9·[.075, 0] + .075·[.5, .5]; v1 = .9·[.0125, .0125] + .025·[0, 1].
    const b1 = [[0.105, 0.0375], [0.01125, 0.03625]];
    expectMatrix(inUnits(bondsAt(r, 1)), b1, 15);
    // Dividends from the column-normalised bonds (the 1e-6 is nothing next to 2^64).
    const col = [b1[0][0] + b1[1][0], b1[0][1] + b1[1][1]];
    const d = b1.map((rw) => (rw[0] / col[0]) * I1[0] + (rw[1] / col[1]) * I1[1]);
    expect(row(r.dividendsNormalized, 1, 2)[0]).toBeCloseTo(d[0] / (d[0] + d[1] + EPS), 12);
  });

  it('caps a bond at the validator capacity S_i·2^64', async () => {
    // γ = 1, δ = 0: epoch 0 buys the full capacity, epoch 1 cannot buy more.
    const r = (await variantsEngine()).run(makeJob(smallCase(STAKES, [[[T, 0], [T, 0]], [[T, 0], [T, 0]]]), 'YUMA2C', 'package', { capacity_alpha: 1, decay_rate: 0 }));
    expect(bondsAt(r, 1)).toEqual([[0.75 * M, 0], [0.25 * M, 0]]);
  });

  it('zeroes the bond column at the reset epoch before the update, only when the config enables resets', async () => {
    const engine = await variantsEngine();
    const reset = smallCase(STAKES, [W0, W1], { reset_bonds: { server_index: 0, epoch: 1 } });
    const on = engine.run(makeJob(reset, 'YUMA2C', 'package', { reset_bonds: true }));
    expectMatrix(inUnits(bondsAt(on, 1)), [[0.075 * 0.5, 0.0375], [0, 0.03625]], 15);
    const off = engine.run(makeJob(reset, 'YUMA2C', 'package'));
    expect(bondsAt(off, 1)).toEqual(bondsAt(engine.run(makeJob(CASE, 'YUMA2C', 'package')), 1));
  });
});

describe('YUMA3 (spec §3.6)', () => {
  it('moves each bond toward the raw weights by α = 1 − m, ignoring β, in the package', async () => {
    const engine = await variantsEngine();
    const r = engine.run(makeJob(CASE, 'YUMA3', 'package', { bond_penalty: 0 }));
    expectMatrix(bondsAt(r, 0), [[0.9, 0], [0.45, 0.45]], 15);
    const b1 = [[0.1 * 0.9 + 0.9 * 0.5, 0.9 * 0.5], [0.1 * 0.45, 0.1 * 0.45 + 0.9]];
    expectMatrix(bondsAt(r, 1), b1, 15);
    expect(engine.run(makeJob(CASE, 'YUMA3', 'package', { bond_penalty: 1 })).bonds).toEqual(r.bonds);
    // D_i = S_i · Σ_j colnorm(B)_ij · I_j, then Dn = D / (ΣD + 1e-6).
    const col = [b1[0][0] + b1[1][0] + EPS, b1[0][1] + b1[1][1] + EPS];
    const d = b1.map((rw, i) => [0.75, 0.25][i] * ((rw[0] / col[0]) * I1[0] + (rw[1] / col[1]) * I1[1]));
    expect(row(r.dividendsNormalized, 1, 2)[1]).toBeCloseTo(d[1] / (d[0] + d[1] + EPS), 12);
  });

  it('buys with the effective weights β·Wc + (1−β)·W in the interactive flavour', async () => {
    const engine = await variantsEngine();
    // β = 1: epoch 0 clipped weights are [1 0; .5 0] (C = [1, 0]).
    expectMatrix(bondsAt(engine.run(makeJob(CASE, 'YUMA3', 'interactive', { bond_penalty: 1 })), 0), [[0.9, 0], [0.45, 0]], 15);
    const raw = engine.run(makeJob(CASE, 'YUMA3', 'interactive', { bond_penalty: 0 }));
    expect(raw.bonds).toEqual(engine.run(makeJob(CASE, 'YUMA3', 'package')).bonds);
  });

  it('honours a bond reset in YUMA3 and YUMA3_LIQUID but in no other version (spec §5)', async () => {
    const engine = await variantsEngine();
    const reset = smallCase(STAKES, [W0, W1], { reset_bonds: { server_index: 0, epoch: 1 } });
    for (const [version, flavour] of VARIANTS) {
      const on = engine.run(makeJob(reset, version, flavour, { reset_bonds: true }));
      const plain = engine.run(makeJob(CASE, version, flavour));
      const resets = version === 'YUMA2C' || version === 'YUMA3' || version === 'YUMA3_LIQUID';
      if (resets) expect(on.bonds, `${version}/${flavour}`).not.toEqual(plain.bonds);
      else expect(on.bonds, `${version}/${flavour}`).toEqual(plain.bonds);
    }
    // YUMA3 epoch 1 after the reset: column 0 restarts from 0, so B = .9·W1 there.
    const y3 = engine.run(makeJob(reset, 'YUMA3', 'package', { reset_bonds: true }));
    expect(bondsAt(y3, 1)[0][0]).toBeCloseTo(0.9 * 0.5, 15);
    expect(bondsAt(y3, 1)[1][0]).toBe(0);
  });

  it('ignores a reset at epoch 0, where no bond state exists yet', async () => {
    const engine = await variantsEngine();
    const atZero = smallCase(STAKES, [W0, W1], { reset_bonds: { server_index: 0, epoch: 0 } });
    expect(engine.run(makeJob(atZero, 'YUMA3', 'package', { reset_bonds: true })).bonds).toEqual(engine.run(makeJob(CASE, 'YUMA3', 'package')).bonds);
  });
});
