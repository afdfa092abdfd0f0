// ECharts option objects for the page's charts, built from plain series data. Pure (no echarts import, no DOM),
// so the chart chunk stays lazy and the options are unit-testable.
import type { SeriesSet } from '../series.ts';

export interface ChartColors {
  fg: string;
  muted: string;
  line: string;
}

export const colorsFor = (dark: boolean): ChartColors => (dark ? { fg: '#e6e6e3', muted: '#a0a4a9', line: '#34383d' } : { fg: '#1d1f21', muted: '#5d6166', line: '#dcdcd8' });

const axis = (c: ChartColors) => ({ axisLine: { lineStyle: { color: c.line } }, axisLabel: { color: c.muted }, splitLine: { lineStyle: { color: c.line } } });

/** One line per series over the epochs; a dashed mark at the cursor epoch. */
export function lineOption(set: SeriesSet, cursor: number, c: ChartColors, step = false): Record<string, unknown> {
  return {
    animation: false,
    textStyle: { color: c.fg },
    grid: { left: 48, right: 12, top: 34, bottom: 30 },
    legend: { type: 'scroll', top: 0, textStyle: { color: c.fg }, pageTextStyle: { color: c.muted } },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? v.toFixed(4) : String(v)) },
    // A value axis: no per-category label layout on every redraw (much cheaper as epochs accumulate).
    xAxis: { type: 'value', min: set.epochs[0] ?? 0, max: set.epochs.at(-1) ?? 1, minInterval: 1, name: 'epoch', nameLocation: 'middle', nameGap: 20, nameTextStyle: { color: c.muted }, ...axis(c), splitLine: { show: false } },
    yAxis: { type: 'value', ...axis(c) },
    series: set.series.map((s, k) => ({
      // Fixed ids per slot: a redraw updates the existing series instead of building new ones.
      id: `slot${k}`,
      type: 'line',
      name: s.name,
      data: s.values.map((v, e) => [set.epochs[e], v]),
      showSymbol: false,
      sampling: 'lttb',
      step: step ? 'end' : false,
      lineStyle: { width: 1.6 },
      ...(k === 0 && cursor > 0 ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: c.muted, type: 'dashed' }, label: { show: false }, data: [{ xAxis: cursor }] } } : {}),
    })),
  };
}

/** A heat map of a matrix (rows × columns) with values in [0, 1]. */
export function heatOption(rows: string[], cols: string[], cells: [number, number, number][], c: ChartColors, dark: boolean): Record<string, unknown> {
  return {
    animation: false,
    textStyle: { color: c.fg },
    grid: { left: 70, right: 12, top: 10, bottom: 60 },
    tooltip: { formatter: (p: { value: [number, number, number] }) => `${rows[p.value[1]]} → ${cols[p.value[0]]}: ${p.value[2].toFixed(4)}` },
    xAxis: { type: 'category', data: cols, ...axis(c), splitLine: { show: false }, axisLabel: { color: c.muted, rotate: cols.length > 12 ? 90 : 0, fontSize: 10 } },
    yAxis: { type: 'category', data: rows, inverse: true, ...axis(c), splitLine: { show: false }, axisLabel: { color: c.muted, fontSize: 10 } },
    visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, textStyle: { color: c.muted },
      inRange: { color: dark ? ['#1c1f23', '#6ea8fe'] : ['#f4f6fb', '#1f6feb'] } },
    series: [{ id: 'cells', type: 'heatmap', data: cells, progressive: 2000, progressiveThreshold: 4000 }],
  };
}

/** The consensus curve of one miner: weight (y) against the cumulative active stake from the top weight down (x), with κ. */
export function curveOption(points: { cumulative: number; weight: number; name: string }[], kappa: number, consensus: number, c: ChartColors): Record<string, unknown> {
  const data = [[0, points[0]?.weight ?? 0], ...points.map((p) => [p.cumulative, p.weight])];
  return {
    animation: false,
    textStyle: { color: c.fg },
    grid: { left: 52, right: 16, top: 24, bottom: 36 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: 1, name: 'cumulative active stake (highest weight first)', nameLocation: 'middle', nameGap: 22, nameTextStyle: { color: c.muted }, ...axis(c) },
    yAxis: { type: 'value', min: 0, name: 'weight W_ij', nameTextStyle: { color: c.muted, align: 'left' }, ...axis(c) },
    series: [{
      type: 'line', name: 'weight', step: 'start', data, showSymbol: true, symbolSize: 5,
      markLine: { symbol: 'none', label: { color: c.fg, formatter: '{b}', position: 'insideEndTop' }, data: [
        { name: `κ = ${kappa.toFixed(4)}`, xAxis: kappa, lineStyle: { color: '#d97706', type: 'dashed' } },
        { name: `C = ${consensus.toFixed(4)}`, yAxis: consensus, lineStyle: { color: '#16a34a' } },
      ] },
    }],
  };
}
