// A chain's epoch results as CSV (RFC 4180, CRLF): one row per epoch, subnet and uid, the numbers exactly as the
// epoch wrote them (u16 and α units, never rounded), plus the subnet's TAO emission share of that block. Pure.
import type { EpochEntry } from '../persist/index.ts';
import { csvCell } from '../model/export-csv.ts';
import type { EpochRecord } from './chain-records.ts';

/** The columns, in order. */
export const CHAIN_CSV_COLUMNS = [
  'block', 'netuid', 'epoch_index', 'uid', 'incentive_u16', 'dividends_u16', 'emission_alpha_units',
  'epoch_alpha_emission_units', 'subnet_tao_emission_rao', 'subnet_share', 'subnet_price', 'subnet_ema_price',
] as const;

/** The CSV text of `entries` (in the order given: the store's block, netuid order). */
export function chainResultsCsv(entries: readonly EpochEntry<EpochRecord>[]): string {
  const lines = [CHAIN_CSV_COLUMNS.join(',')];
  for (const { block, netuid, result: r } of entries) {
    for (let uid = 0; uid < r.emission.length; uid++) {
      const row = [block, netuid, r.epochIndex, uid, r.incentive[uid], r.dividends[uid], r.emission[uid], r.raoEmission, r.taoEmission, r.share, r.price, r.emaPrice];
      lines.push(row.map(csvCell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
