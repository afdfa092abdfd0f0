// Pool swaps, the EMA price and the registration burn (chain.md §2.4, §3.1), worked by hand.
import { describe, expect, it } from 'vitest';
import { engines, TAO } from './helpers.ts';

const { math } = await engines();

describe(math.swapTaoForAlpha, () => {
  it('pays out ⌊α · Δτ / (τ + Δτ)⌋ (constant product)', () => {
    // 100 TAO / 1 000 α pool, 10 TAO in: 1000 · 10 / 110 = 90.909… α.
    expect(math.swapTaoForAlpha(100n * TAO, 1000n * TAO, 10n * TAO)).toBe((1000n * TAO * 10n * TAO) / (110n * TAO));
    expect(math.swapTaoForAlpha(100n, 1000n, 10n)).toBe(90n);
  });

  it('keeps x·y from falling and stays exact near 2^64', () => {
    const tao = (1n << 63n) - 1n;
    const alpha = (1n << 62n) + 12345n;
    const dx = 1n << 40n;
    const out = math.swapTaoForAlpha(tao, alpha, dx);
    expect(out).toBe((alpha * dx) / (tao + dx));
    expect((tao + dx) * (alpha - out)).toBeGreaterThanOrEqual(tao * alpha);
  });

  it('pays nothing from an empty pool', () => {
    expect(math.swapTaoForAlpha(0n, 0n, TAO)).toBe(0n);
  });
});

describe(math.swapAlphaForTao, () => {
  it('is the mirror swap: ⌊τ · Δα / (α + Δα)⌋', () => {
    expect(math.swapAlphaForTao(100n, 1000n, 100n)).toBe(9n); // 100·100/1100 = 9.09
  });
});

describe(math.movingPrice, () => {
  it('moves the EMA by a = SubnetMovingAlpha · b/(b + H) towards min(spot, 1)', () => {
    // p̄ = 0.5 (raw 2^31), spot 0.6 (600/1000), b = H = 100 → b/(b+H) = 0.5; ma raw 2^28 (0.0625) → a = 0.03125.
    // p̄' = 0.96875 · 0.5 + 0.03125 · 0.6 = 0.503125; U64F64 arithmetic, then floored to 32 bits.
    const ema = math.movingPrice(1n << 31n, 600n, 1000n, 100n, 100n, 1n << 28n);
    const spot = (600n << 64n) / 1000n;
    const a = ((1n << 28n) << 32n) / 2n; // U64F64 of 0.0625 · 0.5
    const expected = (((a * spot) >> 64n) + ((((1n << 64n) - a) * ((1n << 31n) << 32n)) >> 64n)) >> 32n;
    expect(ema).toBe(expected);
    expect(Number(ema) / 2 ** 32).toBeCloseTo(0.503125, 9);
  });

  it('caps the spot price at 1 TAO per α', () => {
    // spot 3.0 but the input is min(3, 1) = 1: p̄' = 0.5·0.5 + 0.5·1 = 0.75 with a = 0.5 (ma = 1, b = H).
    expect(math.movingPrice(1n << 31n, 3000n, 1000n, 7n, 7n, 1n << 32n)).toBe(3n << 30n);
  });

  it('does not move a brand-new subnet (b = 0)', () => {
    expect(math.movingPrice(0n, 600n, 1000n, 0n, 201_600n, 12885n)).toBe(0n);
  });
});

describe(math.decayBurn, () => {
  it('decays by f with f^360 = 1/2 in Q32: about ×0.998076 per block, half after 360 blocks', () => {
    // f is the largest Q32 value with pow_q32(f, 360) ≤ 2^31 (bisection): ln 2 / 360 ≈ 0.0019254.
    const once = math.decayBurn(TAO, 360);
    expect(Number(once) / 1e9).toBeCloseTo(0.998076, 6);
    let burn = TAO;
    for (let k = 0; k < 360; k++) burn = math.decayBurn(burn, 360);
    expect(Number(burn) / 1e9).toBeCloseTo(0.5, 5);
  });
});

describe(math.bumpBurn, () => {
  it('multiplies by BurnIncreaseMult 1.26 (U64F64), floored', () => {
    // 1.26 · 2^64 = 23242897532874035036.16… rounds down to …036 (as from_num(1.26) does), so
    // ⌊1e9 · raw / 2^64⌋ = 1 259 999 999, one rao under 1.26 TAO.
    const mult = (126n * (1n << 64n) + 50n) / 100n;
    expect(mult).toBe(23242897532874035036n);
    expect(math.bumpBurn(TAO, mult)).toBe(1_259_999_999n);
    // Three bumps ≈ ×2.000376: the price is stable at three registrations per half-life.
    let burn = TAO;
    for (let k = 0; k < 3; k++) burn = math.bumpBurn(burn, mult);
    expect(Number(burn) / 1e9).toBeCloseTo(2.000376, 6);
  });
});

describe(math.maxUpscaleU16, () => {
  it('stores weights max-upscaled as set_weights does (yuma-epoch.md §11.1)', () => {
    expect(math.maxUpscaleU16([32767, 32767])).toEqual([65535, 65535]);
    expect(math.maxUpscaleU16([43690, 21845])).toEqual([65535, 32768]);
    expect(math.maxUpscaleU16([0, 1, 65534])).toEqual([0, 1, 65535]);
  });
});
