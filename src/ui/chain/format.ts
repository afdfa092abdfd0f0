// Number formatting for the chain view: rao as TAO or α (exact, via ../format.ts), shares as percentages, prices.
// Pure; fixed 'en-US' like the rest of the page.
import { alphaText } from '../format.ts';

const int = new Intl.NumberFormat('en-US');

/** Rao as TAO with up to `digits` decimals ("10,600,123.5 TAO"). */
export const taoText = (rao: bigint, digits = 4): string => `${alphaText(rao, digits)} TAO`;

/** α units as α ("1,234.5 α"). */
export const alphaUnits = (units: bigint, digits = 4): string => `${alphaText(units, digits)} α`;

/** A share in [0, 1] as a percentage with 2 decimals. */
export const pct = (share: number): string => `${(share * 100).toFixed(2)} %`;

/** A price or other float with 6 significant digits. */
export const sig = (x: number): string => (x === 0 ? '0' : Number(x.toPrecision(6)).toString());

export const blockText = (b: bigint | number): string => int.format(b);

/** A u16 proportion as a fraction with 4 decimals. */
export const u16Frac = (v: number): string => (v / 65535).toFixed(4);
