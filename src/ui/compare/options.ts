// ECharts options for the compare view, from plain numbers. Pure (no echarts import, no DOM), like ../charts/options.ts.
// Lines differ by colour (Okabe–Ito, safe for colour-blind readers), dash and marker, because versions often coincide.
import type { ChartColors } from '../charts/options.ts';

export interface Line { name: string; values: number[] }

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];
export const DASHES = ['solid', 'dashed', 'dotted', 'dashed'] as const;
const SYMBOLS = ['circle', 'triangle', 'rect', 'diamond', 'circle', 'triangle'];

const axis = (c: ChartColors) => ({ axisLine: { lineStyle: { color: c.line } }, axisLabel: { color: c.muted }, splitLine: { lineStyle: { color: c.line } } });
const fmt = (v: unknown) => (typeof v === 'number' ? (Math.abs(v) >= 1e4 ? v.toExponential(3) : Number(v.toPrecision(5)).toString()) : String(v));

/** One line per entry over a category x axis (epochs or parameter values). The legend is drawn by the page (SeriesChart). */
export function linesOption(x: (number | string)[], lines: Line[], c: ChartColors, xName: string, step = false): Record<string, unknown> {
  return {
    animation: false,
    color: PALETTE,
    textStyle: { color: c.fg },
    grid: { left: 60, right: 14, top: 14, bottom: 34 },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: x.map(String), name: xName, nameLocation: 'middle', nameGap: 22, nameTextStyle: { color: c.muted }, ...axis(c), splitLine: { show: false } },
    yAxis: { type: 'value', scale: true, ...axis(c), axisLabel: { color: c.muted, formatter: fmt } },
    series: lines.map((l, k) => ({
      type: 'line', name: l.name, data: l.values, step: step ? 'end' : false,
      showSymbol: l.values.length <= 60, symbol: SYMBOLS[k % SYMBOLS.length], symbolSize: 5,
      lineStyle: { width: 1.8, type: DASHES[k % DASHES.length] },
    })),
  };
}
