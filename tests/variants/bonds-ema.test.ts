// YUMA1, the paper form (package YUMA2, YUMA2A), the chain order (interactive YUMA2) and YUMA2B on a
// two-epoch case small enough to follow by hand; expected values come from the spec's step lists (§3.1–3.4).
import { describe, expect, it } from 'vitest';
import { bondsAt, makeJob, row, smallCase, variantsEngine } from './helpers.ts';

const T = 1e12; // weight rows sum to T, so W = X / T exactly (the 1e-6 row epsilon vanishes)
const EPS = 1e-6;
/**
 * Stakes 3:1 (S = .75, .25). Epoch 0: v0 all on s0, v1 half/half → C = [1, 0], I = [1, 0].
 * Epoch 1: v0 half/half, v1 all on s1 → C = [c, c] with c = 32767/65535, I = [3/7, 4/7].
 */
const STAKES = [[3, 1], [3, 1]];
const W0 = [[T, 0], [T / 2, T / 2]];
const W1 = [[T / 2, T / 2], [0, T]];
const CASE = smallCase(STAKES, [W0, W1]);
const c = 32767 / 65535;

const expectMatrix = (got: number[][], want: number[][], digits = 12) =>
  got.forEach((r, i) => r.forEach((x, j) => expect(x, `[${i}][${j}]`).toBeCloseTo(want[i][j], digits)));

describe('YUMA1 (spec §3.1)', () => {
  it('normalises colnorm(S·Wb) twice and keeps no memory (α = 1)', async () => {
    const engine = await variantsEngine();
    const r = engine.run(makeJob(CASE, 'YUMA1', 'package', { bond_penalty: 0 }));
    // Epoch 0, β = 0: S·W = [.75 0; .125 .125]; ΔB = colnorm(·, 1e-6); B = colnorm(ΔB, 1e-6).
    const d = [[0.75 / (0.875 + EPS), 0], [0.125 / (0.875 + EPS), 0.125 / (0.125 + EPS)]];
    const col = [d[0][0] + d[1][0], d[0][1] + d[1][1]];
    expectMatrix(bondsAt(r, 0), d.map((rw) => rw.map((x, j) => x / (col[j] + EPS))), 14);
    // α = 1: epoch 1 is what a fresh run on epoch 1 alone gives, bit for bit; bond_moving_avg changes nothing.
    const alone = engine.run(makeJob(smallCase([STAKES[1]], [W1]), 'YUMA1', 'package', { bond_penalty: 0, bond_moving_avg: 0.7 }));
    expect(bondsAt(r, 1)).toEqual(bondsAt(alone, 0));
    expect(row(r.dividendsNormalized, 1, 2)).toEqual(row(alone.dividendsNormalized, 0, 2));
  });
});

describe('paper form: package YUMA2 and YUMA2A (spec §3.2)', () => {
  it('takes the EMA of instant bonds divided by the bare column sum, and pays D = E·I', async () => {
    const r = (await variantsEngine()).run(makeJob(CASE, 'YUMA2', 'package', { bond_penalty: 0 }));
    // ΔB0 = [6/7 0; 1/7 1], ΔB1 = [1 .6; 0 .4]; α = 1 − 0.1; E1 = .9·ΔB1 + .1·ΔB0.
    expectMatrix(bondsAt(r, 0), [[6 / 7, 0], [1 / 7, 1]], 15);
    const e1 = [[0.9 + 0.1 * (6 / 7), 0.9 * 0.6], [0.1 * (1 / 7), 0.9 * 0.4 + 0.1]];
    expectMatrix(bondsAt(r, 1), e1, 15);
    const d = e1.map((rw) => rw[0] * (3 / 7) + rw[1] * (4 / 7));
    const dn = d.map((x) => x / (d[0] + d[1] + EPS));
    expect(row(r.dividendsNormalized, 1, 2)[0]).toBeCloseTo(dn[0], 12);
    expect(row(r.dividendsNormalized, 1, 2)[1]).toBeCloseTo(dn[1], 12);
  });

  it('adds 1e-6 to the instant-bond column sums in YUMA2A, the only difference from package YUMA2', async () => {
    const engine = await variantsEngine();
    const a = engine.run(makeJob(CASE, 'YUMA2A', 'interactive', { bond_penalty: 0 }));
    expectMatrix(bondsAt(a, 0), [[0.75 / (0.875 + EPS), 0], [0.125 / (0.875 + EPS), 0.125 / (0.125 + EPS)]], 15);
    const p = engine.run(makeJob(CASE, 'YUMA2', 'package', { bond_penalty: 0 }));
    expect(bondsAt(a, 0)[1][1]).not.toBe(bondsAt(p, 0)[1][1]);
  });

  it('lets a column without instant bonds decay toward 0 (package) but keeps its shares in the chain order (interactive YUMA2)', async () => {
    const engine = await variantsEngine();
    // Swap the epochs: s1 has consensus at epoch 0 and none at epoch 1; β = 1 leaves ΔB1's column 1 all 0.
    const swapped = smallCase(STAKES, [W1, W0]);
    const paper = engine.run(makeJob(swapped, 'YUMA2', 'package'));
    const chain = engine.run(makeJob(swapped, 'YUMA2', 'interactive'));
    const col1 = (m: number[][]) => [m[0][1], m[1][1]];
    expect(col1(bondsAt(paper, 1))[0]).toBeCloseTo(0.1 * col1(bondsAt(paper, 0))[0], 15);
    expect(col1(bondsAt(paper, 1))[1]).toBeCloseTo(0.1 * col1(bondsAt(paper, 0))[1], 15);
    // Chain order: E = .1·colnorm(B0) in that column, then colnorm again: the shares survive (sum ≈ 1).
    const b0 = col1(bondsAt(chain, 0));
    const e = b0.map((x) => 0.1 * (x / (b0[0] + b0[1] + EPS)));
    const b1 = col1(bondsAt(chain, 1));
    expect(b1[0]).toBeCloseTo(e[0] / (e[0] + e[1] + EPS), 14);
    expect(b1[0] + b1[1]).toBeCloseTo(1, 4);
  });
});

describe('interactive YUMA2: the chain order (spec §3.3)', () => {
  it('mixes fresh instant bonds with the column-normalised old bonds, then renormalises', async () => {
    const r = (await variantsEngine()).run(makeJob(CASE, 'YUMA2', 'interactive', { bond_penalty: 0, bond_moving_avg: 0.9 }));
    const norm = (m: number[][]) => {
      const s = [m[0][0] + m[1][0] + EPS, m[0][1] + m[1][1] + EPS];
      return m.map((rw) => rw.map((x, j) => x / s[j]));
    };
    const d0 = [[0.75 / (0.875 + EPS), 0], [0.125 / (0.875 + EPS), 0.125 / (0.125 + EPS)]];
    const b0 = norm(d0);
    expectMatrix(bondsAt(r, 0), b0, 15);
    const d1 = [[0.375 / (0.375 + EPS), 0.375 / (0.625 + EPS)], [0, 0.25 / (0.625 + EPS)]];
    const old = norm(b0);
    const alpha = 1 - 0.9;
    expectMatrix(bondsAt(r, 1), norm(d1.map((rw, i) => rw.map((x, j) => alpha * x + (1 - alpha) * old[i][j]))), 14);
  });
});

describe('YUMA2B (spec §3.4)', () => {
  it('clips and ranks the previous epoch weights with the current consensus, so incentive lags one epoch', async () => {
    const r = (await variantsEngine()).run(makeJob(CASE, 'YUMA2B', 'package', { bond_penalty: 0 }));
    // Epoch 1: Wc = min(W0, [c, c]) = [c 0; c c]; R = [.75c + .25c, .25c] → I = [.8, .2] (YUMA2 gives [3/7, 4/7]).
    expect(row(r.serverConsensus, 1, 2)).toEqual([c, c]);
    expect(row(r.serverIncentive, 1, 2)[0]).toBeCloseTo(0.8, 15);
    expect(row(r.serverIncentive, 1, 2)[1]).toBeCloseTo(0.2, 15);
    // β = 0: bonds are bought with W0 again, so E1 = .9·ΔB0 + .1·ΔB0 = ΔB0 = [6/7 0; 1/7 1].
    expectMatrix(bondsAt(r, 1), [[6 / 7, 0], [1 / 7, 1]], 15);
  });

  it('pays no incentive when last epoch weights sit only on servers without consensus now (1/(V+N) with winner-takes-all)', async () => {
    const engine = await variantsEngine();
    const jump = smallCase([[1, 1], [1, 1]], [[[T, 0], [T, 0]], [[0, T], [0, T]]]);
    expect(row(engine.run(makeJob(jump, 'YUMA2B', 'package')).serverIncentive, 1, 2)).toEqual([0, 0]);
    expect(row(engine.run(makeJob(jump, 'YUMA2B', 'package', { winner_takes_all: true })).serverIncentive, 1, 2)).toEqual([0.25, 0.25]);
  });
});
