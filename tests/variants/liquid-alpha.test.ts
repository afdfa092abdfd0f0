// Liquid alpha (spec §3.7) and YUMA3's consensus modes and effective weights (§3.6 step 3), on the
// two-epoch hand case of bonds-ema.test.ts: each expected α is computed here from the sigmoid rule.
import { describe, expect, it } from 'vitest';
import { bondsAt, makeJob, smallCase, variantsEngine } from './helpers.ts';

const T = 1e12;
const CASE = smallCase([[3, 1], [3, 1]], [[[T, 0], [T / 2, T / 2]], [[T / 2, T / 2], [0, T]]]);
const c = 32767 / 65535; // epoch 1 consensus of both servers; epoch 0 consensus is [1, 0]

/** α for one bond: buying (w ≥ b) looks at w − consensus, selling at b − w (spec §3.7, defaults a 0.1–0.3, k 10). */
function alpha(w: number, b: number, cons: number, lo = 0.1, hi = 0.3, k = 10): number {
  const clamp = (x: number, l: number, h: number) => Math.min(Math.max(x, l), h);
  const d = w >= b ? clamp(w - cons, 0, 1) : clamp(b - w, 0, 1);
  const sigma = 1 / (1 + Math.exp(-k * (d - 0.5)));
  return clamp(lo + sigma * (hi - lo), lo, hi);
}

describe('liquid alpha in YUMA3_LIQUID', () => {
  it('uses the scalar α at epoch 0 and a per-bond sigmoid α from epoch 1', async () => {
    const r = (await variantsEngine()).run(makeJob(CASE, 'YUMA3_LIQUID', 'package'));
    const b0 = [[0.9, 0], [0.45, 0.45]]; // α = 1 − 0.1 from zero bonds
    bondsAt(r, 0).forEach((rw, i) => rw.forEach((x, j) => expect(x).toBeCloseTo(b0[i][j], 15)));
    const w1 = [[0.5, 0.5], [0, 1]];
    // Selling (.9 → .5, .45 → 0) and buying (0 → .5, .45 → 1) bonds, each with its own α; B = (1−α)·B0 + α·W1.
    const want = w1.map((rw, i) => rw.map((w, j) => {
      const a = alpha(w, b0[i][j], c);
      return (1 - a) * b0[i][j] + a * w;
    }));
    bondsAt(r, 1).forEach((rw, i) => rw.forEach((x, j) => expect(x, `[${i}][${j}]`).toBeCloseTo(want[i][j], 14)));
    expect(alpha(0.5, 0.9, c)).toBeCloseTo(0.1 + 0.2 / (1 + Math.E), 15); // d = .4: σ = 1/(1 + e)
  });

  it('is the constant alpha_high when the bounds are swapped (the totals sheet), i.e. plain YUMA3 with α = a_hi', async () => {
    const engine = await variantsEngine();
    const swapped = engine.run(makeJob(CASE, 'YUMA3_LIQUID', 'package', { alpha_low: 0.3, alpha_high: 0.1, bond_moving_avg: 0.9 }));
    const plain = engine.run(makeJob(CASE, 'YUMA3', 'package', { bond_moving_avg: 0.9 }));
    swapped.bonds.forEach((x, k) => expect(x).toBeCloseTo(plain.bonds[k], 15));
  });

  it('reads C, C_prev or max(C, C_prev) by liquid_alpha_consensus_mode', async () => {
    const engine = await variantsEngine();
    const bond01 = (mode: string) => bondsAt(engine.run(makeJob(CASE, 'YUMA3_LIQUID', 'package', { liquid_alpha_consensus_mode: mode })), 1)[0][1];
    // Bond (0, 1) buys from 0 toward w = .5: CURRENT sees c, PREVIOUS sees C_prev = 0, MIXED max(c, 0) = c.
    expect(bond01('CURRENT')).toBeCloseTo(alpha(0.5, 0, c) * 0.5, 15);
    expect(bond01('PREVIOUS')).toBeCloseTo(0.2 * 0.5, 15); // d = .5: σ = 1/2, α = .2
    expect(bond01('MIXED')).toBe(bond01('CURRENT'));
  });

  it('feeds the effective weights to liquid alpha with liquid_alpha_effective_weights (interactive)', async () => {
    const engine = await variantsEngine();
    const run = (effective: boolean) =>
      bondsAt(engine.run(makeJob(CASE, 'YUMA3_LIQUID', 'interactive', { bond_penalty: 1, liquid_alpha_effective_weights: effective })), 1)[0][1];
    // β = 1: W_eff(0, 1) = min(.5, c) = c is what the bond buys; liquid alpha sees c (effective) or .5 (raw).
    expect(run(true)).toBeCloseTo(alpha(c, 0, c) * c, 15);
    expect(run(false)).toBeCloseTo(alpha(0.5, 0, c) * c, 15);
  });

  it('applies to the EMA versions only with liquid_alpha on, from epoch 1, on the stored bonds', async () => {
    const engine = await variantsEngine();
    const on = engine.run(makeJob(CASE, 'YUMA2', 'package', { bond_penalty: 0, liquid_alpha: true }));
    const off = engine.run(makeJob(CASE, 'YUMA2', 'package', { bond_penalty: 0 }));
    expect(bondsAt(on, 0)).toEqual(bondsAt(off, 0));
    // Bond (1, 1): ΔB0 = 1, ΔB1 = .4, W1 = 1 ≥ B0 = 1 → buying, d = 1 − c.
    const a = alpha(1, 1, c);
    expect(bondsAt(on, 1)[1][1]).toBeCloseTo(a * 0.4 + (1 - a) * 1, 14);
    // YUMA2C has no liquid alpha at all.
    expect(engine.run(makeJob(CASE, 'YUMA2C', 'package', { liquid_alpha: true })).bonds).toEqual(engine.run(makeJob(CASE, 'YUMA2C', 'package')).bonds);
  });
});
