// The worked values of shared/spec/yuma-epoch.md (§2 fixed point, §4.2 stake, §4.12 liquid-alpha
// sigmoid, §11.1 weight max-upscaling) on the engine's exports and on the full WASM epoch.
import { describe, expect, it } from 'vitest';
import { createWasmTesting, type WasmTesting } from '../../src/engine/wasm-testing.ts';
import { createWasmEngine } from '../../src/engine/wasm-epoch.ts';
import { DEFAULT_HYPERPARAMETERS, type EpochEngine, type EpochInput } from '../../src/model/epoch.ts';
import { engineModule } from './engine-module.ts';
import { ONE } from './literals.ts';

// Loaded by the first test and awaited by every one, so a build failure fails each (a hook would skip them).
let testing: Promise<WasmTesting> | undefined;
const wasm = () => (testing ??= engineModule().then(createWasmTesting));
const exports = async () => (await wasm()).ex;
let engine: Promise<EpochEngine> | undefined;
const epochEngine = () => (engine ??= engineModule().then(createWasmEngine));

/** A raw I32F32 as a number (exact to about 2^-32 for the magnitudes used here). */
const value = (raw: bigint) => Number(raw) / 2 ** 32;
const q = (n: number) => BigInt(n) << 32n;

describe(createWasmTesting, () => {
  it('u16_proportion_to_fixed maps the default kappa 32767 to raw 2147450879', async () => {
    expect((await exports()).fxU16Proportion(32767)).toBe(2147450879n);
  });

  it('u16_proportion_to_fixed maps a bonds penalty of 65535 to exactly 1', async () => {
    expect((await exports()).fxU16Proportion(65535)).toBe(ONE);
  });

  it('derives alpha_bma from bonds_moving_average in I64F64: 900000 → raw 429496730, 975000 → 107374183', async () => {
    const ex = await exports();
    expect(ex.fxAlphaBma(900_000n)).toBe(429496730n);
    expect(ex.fxAlphaBma(900_000n)).toBe(ex.fxFromF64(0.1)); // = from_num(0.1_f64) exactly
    expect(ex.fxAlphaBma(975_000n)).toBe(107374183n);
  });

  it('evaluates exp(20) with the 31-term Taylor series to ≈ 481239357.674, not libm’s 485165195.41', async () => {
    const ex = await exports();
    expect(value(ex.fxExp(q(20)))).toBeCloseTo(481239357.674, 3);
    expect(ex.fxExpSafe(q(20))).toBe(ex.fxExp(q(20)));
  });

  it('fails exp when a series term overflows before its division, as checked_mul does (exp(21.1) has term_20 ⊗ 21.1 > I32F32::MAX)', async () => {
    const ex = await exports();
    // term_20 = 21.1^20/20! ≈ 1.26e8, and 1.26e8 · 21.1 ≈ 2.66e9 > 2^31: the crate's checked_mul fails, so exp errs (0 here).
    const x = BigInt(Math.round(21.1 * 2 ** 32));
    expect(ex.fxExp(x)).toBe(0n);
    // Below that, the series completes: exp(20) is finite and positive.
    expect(ex.fxExp(q(20)) > 0n).toBe(true);
  });

  it('writes 1 minus a few ulps as the u16 65534, and exactly 1 as 65535', async () => {
    const ex = await exports();
    for (const ulps of [1n, 2n, 5n]) expect(ex.fxToU16(ONE - ulps)).toBe(65534);
    expect(ex.fxToU16(ex.fxFromF64(0.9999999995))).toBe(65534); // validator trust 0.9999999995
    expect(ex.fxToU16(ONE)).toBe(65535);
  });

  describe('liquid-alpha sigmoid (spec §4.12: σ = 1000, alpha_low 6553, alpha_high 19660)', () => {
    const steepness = q(1000);
    const bounds = async () => {
      const ex = await exports();
      return [ex.fxU16Proportion(6553), ex.fxU16Proportion(19660)] as const;
    };

    it('reads the alpha bounds as raw 429463961 and 1288457420', async () => {
      expect(await bounds()).toEqual([429463961n, 1288457420n]);
    });

    it('gives α raw 435213075 at d = 0, for (c, w, b) = (1, 1, 0) and (0, 0, 0)', async () => {
      const ex = await exports();
      const [low, high] = await bounds();
      expect(ex.fxAlphaSigmoid(ONE, ONE, 0n, low, high, steepness)).toBe(435213075n);
      expect(ex.fxAlphaSigmoid(0n, 0n, 0n, low, high, steepness)).toBe(435213075n);
      expect(value(ex.fxExpSafe(q(5)))).toBeCloseTo(148.4131590985, 9);
    });

    it('gives α raw 1282708304 at d = 1, for (c, w, b) = (0, 1, 0)', async () => {
      const ex = await exports();
      const [low, high] = await bounds();
      expect(ex.fxAlphaSigmoid(0n, ONE, 0n, low, high, steepness)).toBe(1282708304n);
      expect(value(ex.fxExpSafe(q(-5)))).toBeCloseTo(0.006737947, 9);
    });
  });

  it('max-upscales submitted u16 weights as spec §11.1’s examples', async () => {
    const t = await wasm();
    const upscale = (values: number[]) => (t.args({ vec: values.map(BigInt) }).ex.mathVecU16MaxUpscaleToU16(), t.vec().map(Number));
    expect(upscale([32767, 32767])).toEqual([65535, 65535]);
    expect(upscale([43690, 21845])).toEqual([65535, 32768]);
    expect(upscale([0, 1, 65534])).toEqual([0, 1, 65535]);
  });
});

describe(createWasmEngine, () => {
  it('stores submitted weights max-upscaled as spec §11.1’s examples (maxUpscaleU16)', async () => {
    const e = await epochEngine();
    expect(e.maxUpscaleU16([32767, 32767])).toEqual([65535, 65535]);
    expect(e.maxUpscaleU16([43690, 21845])).toEqual([65535, 32768]);
    expect(e.maxUpscaleU16([0, 1, 65534])).toEqual([0, 1, 65535]);
  });

  it('normalises stakes 1, 2, 3, 4 to raw 429496729, 858993459, 1288490188, 1717986918 in a full epoch (spec §4.2)', async () => {
    const n = 4;
    const input: EpochInput = {
      n,
      block: 1000n,
      hyperparameters: { ...DEFAULT_HYPERPARAMETERS },
      ownerUid: null,
      alphaStake: [1n, 2n, 3n, 4n],
      taoStake: Array(n).fill(0n),
      taoWeight: 0n,
      blockAtRegistration: Array(n).fill(0n),
      lastUpdate: Array(n).fill(1000n),
      validatorPermit: Array(n).fill(true),
      weights: Array.from({ length: n }, () => []),
      bonds: Array.from({ length: n }, () => []),
      lastMechanismStepBlock: 0n,
      commitBlock: Array(n).fill(null),
      raoEmission: 1_000_000_000n,
    };
    const out = (await epochEngine()).runEpoch(input, { intermediates: true });
    expect(out.intermediates?.stake).toEqual([429496729n, 858993459n, 1288490188n, 1717986918n]);
    expect(out.stakeWeight).toEqual([6553, 13106, 19660, 26213]); // ⌊S ⊗ 65535⌋: S_1 is 0.2 floored to raw, so 13106
  });
});
