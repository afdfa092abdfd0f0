// The oracle's fixed-point library against the worked values of spec §2, §4.2, §4.5, §4.12 and §11.1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  E_I9F23,
  I32F32_MAX,
  I32F32_MIN,
  ONE,
  exp,
  expSafe,
  fixedProportionToU16,
  fromF32,
  fromF64,
  fromInt,
  ln,
  log2,
  round,
  safeDiv,
  saturatingAdd,
  saturatingMul,
  saturatingSub,
  toDisplay,
  u16ProportionToFixed,
  u16ToFixed,
} from '../../src/oracle/fixed.ts';
import { alphaFromMovingAverage, alphaSigmoid } from '../../src/oracle/liquid-alpha.ts';
import { maxUpscaleU16 } from '../../src/oracle/emission.ts';
import { normalizedStake } from '../../src/oracle/stake.ts';
import { rowNormalizeSparse } from '../../src/oracle/sparse.ts';
import { DEFAULT_HYPERPARAMETERS, type EpochInput } from '../../src/model/epoch.ts';

const raw = (x: bigint): string => x.toString();

describe(u16ProportionToFixed, () => {
  it('turns the default kappa 32767 into raw 2147450879', () => {
    expect(raw(u16ProportionToFixed(32767))).toBe('2147450879');
    expect(toDisplay(u16ProportionToFixed(32767))).toBe('0.4999923704');
  });

  it('turns bonds_penalty 65535 into exactly 1.0', () => {
    expect(u16ProportionToFixed(65535)).toBe(ONE);
  });
});

describe(alphaFromMovingAverage, () => {
  it('gives raw 429496730 for bma 900000, which is from_num(0.1_f64) exactly', () => {
    expect(raw(alphaFromMovingAverage(900000n))).toBe('429496730');
    expect(alphaFromMovingAverage(900000n)).toBe(fromF64(0.1));
  });

  it('gives raw 107374183 (≈ 0.0250000001) for bma 975000', () => {
    expect(raw(alphaFromMovingAverage(975000n))).toBe('107374183');
    expect(toDisplay(alphaFromMovingAverage(975000n))).toBe('0.0250000001');
  });
});

describe(exp, () => {
  it('returns 1 for 0 and the 23-bit constant e (raw 11674931200) for 1', () => {
    expect(exp(0n)).toBe(ONE);
    expect(raw(exp(ONE)!)).toBe('11674931200');
    expect(exp(ONE)).toBe(E_I9F23);
  });

  it('evaluates exp(20) with the 31-term Taylor series to ≈ 481239357.674, not libm', () => {
    expect(raw(exp(fromInt(20))!)).toBe('2066907302758576256');
    expect(Number(exp(fromInt(20))!) / 2 ** 32).toBeCloseTo(481239357.674, 2);
  });

  it('inverts the series for negative input: exp(-20) has raw 8', () => {
    expect(raw(exp(fromInt(-20))!)).toBe('8');
  });

  it('reports overflow as an error', () => {
    expect(exp(fromInt(100))).toBeNull();
  });
});

describe(expSafe, () => {
  it('clamps the input to [-20, 20]', () => {
    for (const x of [fromInt(-21), I32F32_MIN]) expect(expSafe(x)).toBe(exp(fromInt(-20)));
    for (const x of [fromInt(21), I32F32_MAX]) expect(expSafe(x)).toBe(exp(fromInt(20)));
  });
});

describe(log2, () => {
  it('is exact on powers of two, positive and negative', () => {
    for (let k = 0; k < 31; k++) {
      expect(log2(fromInt(2 ** k))).toBe(fromInt(k));
      expect(log2(ONE >> BigInt(k))).toBe(fromInt(-k));
    }
  });

  it('fails for non-positive input', () => {
    expect(log2(0n)).toBeNull();
    expect(ln(-ONE)).toBeNull();
  });

  it('stays within 1e-6 of the natural logarithm for ln', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1e6, noNaN: true }), (x) => {
        const got = Number(ln(fromF64(x))!) / 2 ** 32;
        expect(Math.abs(got - Math.log(Number(fromF64(x)) / 2 ** 32))).toBeLessThan(1e-6);
      }),
    );
  });
});

describe(fromF64, () => {
  it('rounds the binary value to nearest, so 0.1_f32 and 0.1_f64 differ', () => {
    expect(raw(fromF64(0.1))).toBe('429496730');
    expect(fromF32(0.1)).not.toBe(fromF64(0.1));
  });

  it('breaks exact ties to even', () => {
    expect(fromF64(2 ** -33)).toBe(0n);
    expect(fromF64(3 * 2 ** -33)).toBe(2n);
    expect(fromF64(-3 * 2 ** -33)).toBe(-2n);
  });

  it('is exact for every multiple of 2^-32 in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (r) => {
        expect(fromF64(r / 2 ** 32)).toBe(BigInt(r));
      }),
    );
  });
});

describe(round, () => {
  it('rounds ties away from zero', () => {
    expect(round(fromF64(2.5))).toBe(fromInt(3));
    expect(round(fromF64(-2.5))).toBe(fromInt(-3));
    expect(round(fromF64(2.4999))).toBe(fromInt(2));
  });
});

describe(safeDiv, () => {
  it('returns 0 on a zero divisor and on overflow, and truncates otherwise', () => {
    expect(safeDiv(ONE, 0n)).toBe(0n);
    expect(safeDiv(I32F32_MAX, 1n)).toBe(0n);
    expect(safeDiv(-ONE, fromInt(3))).toBe(-(ONE / 3n));
  });
});

describe(saturatingMul, () => {
  it('floors toward minus infinity and clamps at the range ends', () => {
    expect(saturatingMul(-1n, 1n)).toBe(-1n);
    expect(saturatingMul(I32F32_MAX, fromInt(2))).toBe(I32F32_MAX);
    expect(saturatingAdd(I32F32_MAX, ONE)).toBe(I32F32_MAX);
    expect(saturatingSub(I32F32_MIN, ONE)).toBe(I32F32_MIN);
  });
});

describe(fixedProportionToU16, () => {
  it('stores 1 minus a few ulps as 65534 (validator trust 0.9999999995)', () => {
    expect(fixedProportionToU16(ONE - 2n)).toBe(65534);
    expect(fixedProportionToU16(ONE)).toBe(65535);
    expect(fixedProportionToU16(-ONE)).toBe(0);
  });
});

describe(toDisplay, () => {
  it('prints the shortest round-tripping decimal with at most 10 digits', () => {
    expect(toDisplay(ONE)).toBe('1');
    expect(toDisplay(ONE / 2n)).toBe('0.5');
    expect(toDisplay(safeDiv(ONE, fromInt(3)))).toBe('0.3333333333');
    expect(toDisplay(-ONE / 2n)).toBe('-0.5');
  });

  it('always parses back to the same raw value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }), (r) => {
        const [int, frac = ''] = toDisplay(r).replace('-', '').split('.');
        const magnitude =
          (BigInt(int) << 32n) + (frac ? (BigInt(frac) * 2n * ONE + 10n ** BigInt(frac.length)) / (2n * 10n ** BigInt(frac.length)) : 0n);
        expect(r < 0n ? -magnitude : magnitude).toBe(r);
      }),
    );
  });
});

describe(normalizedStake, () => {
  it('normalises stakes 1,2,3,4 in I64F64 and floors to raw 429496729, 858993459, 1288490188, 1717986918', () => {
    const input = {
      n: 4,
      alphaStake: [1n, 2n, 3n, 4n],
      taoStake: [0n, 0n, 0n, 0n],
      taoWeight: 0n,
      ownerUid: null,
      hyperparameters: DEFAULT_HYPERPARAMETERS,
    } as unknown as EpochInput;
    const stake = normalizedStake(input);
    expect(stake.map(raw)).toEqual(['429496729', '858993459', '1288490188', '1717986918']);
    expect(stake.map(toDisplay)).toEqual(['0.0999999999', '0.2', '0.2999999998', '0.4']);
  });
});

describe(rowNormalizeSparse, () => {
  it('normalises the stored row [16383, 32767, 49149, 65535] to the §4.5 W6 values', () => {
    const row = [16383, 32767, 49149, 65535].map((v, k): [number, bigint] => [4 + k, u16ToFixed(v)]);
    expect(rowNormalizeSparse([row])[0].map(([, v]) => toDisplay(v))).toEqual([
      '0.0999975584',
      '0.2000012207',
      '0.2999926754',
      '0.400008545',
    ]);
  });
});

describe(alphaSigmoid, () => {
  const low = u16ProportionToFixed(6553);
  const high = u16ProportionToFixed(19660);
  const steepness = fromInt(1000);

  it('uses α bounds (6553, 19660) = raw (429463961, 1288457420)', () => {
    expect([raw(low), raw(high)]).toEqual(['429463961', '1288457420']);
  });

  it('gives raw 435213075 for (c, w, b) = (1, 1, 0) and (0, 0, 0), where d = 0 and exp(5) = 148.4131590985', () => {
    expect(toDisplay(expSafe(fromInt(5)))).toBe('148.4131590985');
    expect(raw(alphaSigmoid(ONE, ONE, 0n, low, high, steepness))).toBe('435213075');
    expect(raw(alphaSigmoid(0n, 0n, 0n, low, high, steepness))).toBe('435213075');
    expect(toDisplay(alphaSigmoid(0n, 0n, 0n, low, high, steepness))).toBe('0.1013309404');
  });

  it('gives raw 1282708304 for (c, w, b) = (0, 1, 0), where d = 1 and exp(-5) = 0.006737947', () => {
    expect(toDisplay(expSafe(fromInt(-5)))).toBe('0.006737947');
    expect(raw(alphaSigmoid(0n, ONE, 0n, low, high, steepness))).toBe('1282708304');
  });
});

describe(maxUpscaleU16, () => {
  it('reproduces the §11.1 examples', () => {
    expect(maxUpscaleU16([32767, 32767])).toEqual([65535, 65535]);
    expect(maxUpscaleU16([43690, 21845])).toEqual([65535, 32768]);
    expect(maxUpscaleU16([0, 1, 65534])).toEqual([0, 1, 65535]);
  });
});
