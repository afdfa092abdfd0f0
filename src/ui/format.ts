// Number formatting for the page: u16 proportions, rao as α, raw I32F32 as decimals. Pure; fixed 'en-US' so the
// page reads the same in every locale and in tests. Exact conversions use BigInt, never floats.

export const U16_MAX = 65535;
const RAO_PER_ALPHA = 1_000_000_000n;
const ONE = 1n << 32n;
const int = new Intl.NumberFormat('en-US');

/** A stored u16 as the proportion it means, 4 decimals ("0.4000"). */
export const u16Text = (v: number): string => (v / U16_MAX).toFixed(4);

/** Rao as α with up to `digits` decimals, exact (no float rounding of large values). */
export function alphaText(rao: bigint, digits = 4): string {
  const whole = rao / RAO_PER_ALPHA;
  const scale = 10n ** BigInt(digits);
  const frac = ((rao % RAO_PER_ALPHA) * scale) / RAO_PER_ALPHA;
  const fracText = frac === 0n ? '' : `.${frac.toString().padStart(digits, '0').replace(/0+$/, '')}`;
  return `${int.format(whole)}${fracText}`;
}

/** Rao with thousands separators. */
export const raoText = (rao: bigint): string => int.format(rao);

/** α text → rao; null when it is not a non-negative decimal with at most 9 fractional digits. */
export function parseAlpha(text: string): bigint | null {
  const m = /^\s*([0-9][0-9_,]*)?(?:\.([0-9]{0,9}))?\s*$/.exec(text);
  if (!m || (m[1] === undefined && !m[2])) return null;
  const whole = BigInt((m[1] ?? '0').replace(/[_,]/g, ''));
  return whole * RAO_PER_ALPHA + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** A raw I32F32 (value = raw / 2^32) as a decimal rounded to 10 places, trailing zeros trimmed ("0.0999975584"). */
export function rawText(raw: bigint): string {
  const neg = raw < 0n;
  const a = neg ? -raw : raw;
  const scaled = (a * 10_000_000_000n + ONE / 2n) / ONE;
  const whole = scaled / 10_000_000_000n;
  const frac = (scaled % 10_000_000_000n).toString().padStart(10, '0').replace(/0+$/, '');
  return `${neg ? '−' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** fixed_proportion_to_u16: ⌊x · 65535⌋ of a raw I32F32, clamped to 0..65535 — how every u16 output is stored. */
export function rawToU16(raw: bigint): number {
  if (raw <= 0n) return 0;
  const v = (raw * 65535n) >> 32n;
  return v > 65535n ? U16_MAX : Number(v);
}

/** A raw I32F32 as a float, for charts only. */
export const rawFloat = (raw: bigint): number => Number(raw) / 4294967296;
