// Number formatting of the page (src/ui/format.ts): exact BigInt conversions, fixed 'en-US' text.
import { describe, expect, it } from 'vitest';
import { alphaText, parseAlpha, rawText, rawToU16, u16Text } from '../../src/ui/format.ts';

describe(rawToU16, () => {
  it('floors x · 65535 like fixed_proportion_to_u16, clamping to 0..65535', () => {
    expect(rawToU16(429486243n)).toBe(6553); // 0.0999975584 (spec §4.5 example) → 6553
    expect(rawToU16(1n << 32n)).toBe(65535);
    expect(rawToU16((1n << 32n) - 2n)).toBe(65534); // one minus ulps stores 65534 (spec §2)
    expect(rawToU16(-5n)).toBe(0);
    expect(rawToU16(3n << 32n)).toBe(65535);
  });
});

describe(rawText, () => {
  it('shows raw I32F32 values as decimals with at most 10 places, trailing zeros trimmed', () => {
    expect(rawText(1n << 31n)).toBe('0.5');
    expect(rawText(429486243n)).toBe('0.0999975584');
    expect(rawText(3n << 32n)).toBe('3');
    expect(rawText(-(1n << 31n))).toBe('−0.5');
  });
});

describe(alphaText, () => {
  it('formats rao as α exactly, with thousands separators', () => {
    expect(alphaText(1_234_567_000_000n)).toBe('1,234.567');
    expect(alphaText(1n, 9)).toBe('0.000000001');
    expect(alphaText((1n << 64n) - 1n, 0)).toBe('18,446,744,073');
  });
});

describe(parseAlpha, () => {
  it('reads α text back to rao and rejects anything that is not a non-negative decimal', () => {
    expect(parseAlpha('1,000.5')).toBe(1_000_500_000_000n);
    expect(parseAlpha('.25')).toBe(250_000_000n);
    expect(parseAlpha('0.000000001')).toBe(1n);
    for (const bad of ['', '-1', 'abc', '1.0000000001', '1e3']) expect(parseAlpha(bad)).toBeNull();
  });
});

describe(u16Text, () => {
  it('shows a stored u16 as its proportion with 4 decimals', () => {
    expect(u16Text(65535)).toBe('1.0000');
    expect(u16Text(32767)).toBe('0.5000');
  });
});
