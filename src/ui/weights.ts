// Reading weight rows out of the editor's compressed matrix, and the row-normalised value shown beside each weight. Pure.
import type { Csr } from '../state/playground.svelte.ts';

/** Row i as [column, stored u16] pairs in stored order. */
export function csrRow(m: Csr, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = m.offsets[i]; k < m.offsets[i + 1]; k++) out.push([m.cols[k], m.values[k]]);
  return out;
}

/** Row i as a map column → stored u16, plus its sum (for the normalised value w / Σw). */
export function rowMap(m: Csr, i: number): { values: Map<number, number>; sum: number } {
  const values = new Map<number, number>();
  let sum = 0;
  for (let k = m.offsets[i]; k < m.offsets[i + 1]; k++) { values.set(m.cols[k], m.values[k]); sum += m.values[k]; }
  return { values, sum };
}

/** w / Σw as a percentage with one decimal ("25.0 %"), or '–' for an empty row. */
export const sharePercent = (w: number, sum: number): string => (sum > 0 ? `${((100 * w) / sum).toFixed(1)} %` : '–');
