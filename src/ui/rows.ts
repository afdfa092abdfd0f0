// Turns one epoch's input and output into the display rows of the results table.
// Pure: no DOM. Fixed 'en-US' formatting so the page reads the same in every locale (and in tests).
import type { EpochInput, EpochOutput } from '../model/epoch.ts';

export const U16_MAX = 65535;
const RAO_PER_ALPHA = 1e9;

/** The table's columns after the uid, in order. `u16` columns show a fraction of 65535 plus the stored value. */
export const COLUMNS = [
  { key: 'stake', label: 'Stake (α)' },
  { key: 'permit', label: 'Validator permit' },
  { key: 'consensus', label: 'Consensus', u16: true },
  { key: 'incentive', label: 'Incentive', u16: true },
  { key: 'dividends', label: 'Dividends', u16: true },
  { key: 'validatorTrust', label: 'Validator trust', u16: true },
  { key: 'emissionRao', label: 'Emission (rao)' },
  { key: 'emissionShare', label: 'Emission share' },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** A cell: its main text and, for u16 columns, the stored integer as a second line. */
export type Cell = { text: string; raw?: string };
export type ResultRow = { uid: number } & Record<ColumnKey, Cell>;

const int = new Intl.NumberFormat('en-US');
const alpha = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const fraction = (x: number): string => x.toFixed(4);
const u16Cell = (v: number): Cell => ({ text: fraction(v / U16_MAX), raw: int.format(v) });

/** One row per uid. Emission share is emission / rao emitted by the epoch (0 when nothing was emitted). */
export function resultRows(input: EpochInput, output: EpochOutput): ResultRow[] {
  const total = Number(input.raoEmission);
  return Array.from({ length: input.n }, (_, uid) => ({
    uid,
    stake: { text: alpha.format(Number(input.alphaStake[uid]) / RAO_PER_ALPHA) },
    permit: { text: output.newValidatorPermit[uid] ? 'yes' : 'no' },
    consensus: u16Cell(output.consensus[uid]),
    incentive: u16Cell(output.incentive[uid]),
    dividends: u16Cell(output.dividends[uid]),
    validatorTrust: u16Cell(output.validatorTrust[uid]),
    emissionRao: { text: int.format(output.emission[uid]) },
    emissionShare: { text: fraction(total > 0 ? Number(output.emission[uid]) / total : 0) },
  }));
}
