// Heat-map cells of a validators × miners slice of a compressed matrix. Pure.
import type { Csr } from '../state/playground.svelte.ts';

/**
 * Cells [column index, row index, value] for the rows × cols slice; `rowShare` divides each entry by its row's sum
 * (the row-normalised weight), otherwise entries are u16 / 65535. Absent entries are left out (drawn empty).
 */
export function heatCells(m: Csr, rows: readonly number[], cols: readonly number[], rowShare: boolean): [number, number, number][] {
  const colIndex = new Map(cols.map((j, k) => [j, k]));
  const cells: [number, number, number][] = [];
  rows.forEach((i, r) => {
    let sum = 0;
    for (let k = m.offsets[i]; k < m.offsets[i + 1]; k++) sum += m.values[k];
    for (let k = m.offsets[i]; k < m.offsets[i + 1]; k++) {
      const c = colIndex.get(m.cols[k]);
      if (c === undefined) continue;
      cells.push([c, r, rowShare ? (sum > 0 ? m.values[k] / sum : 0) : m.values[k] / 65535]);
    }
  });
  return cells;
}
