// ECharts options and their data for the chain view's charts, from the saved epoch results. Pure (no echarts import,
// no DOM), like ../charts/options.ts: x is the block (a value axis, so subnets with different epoch blocks share it).
import type { ChartColors } from '../charts/options.ts';
import type { EpochEntry, EpochRecord } from '../../state/chain.svelte.ts';

/** Okabe–Ito: distinguishable for colour-blind readers. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];

export interface BlockSeries {
  name: string;
  points: [number, number][];
}

/** Each subnet's share of the block's TAO emission at each of its epochs. */
export function shareSeries(epochs: readonly EpochEntry<EpochRecord>[]): BlockSeries[] {
  const by = new Map<number, [number, number][]>();
  for (const e of epochs) {
    let pts = by.get(e.netuid);
    if (!pts) by.set(e.netuid, (pts = []));
    pts.push([Number(e.block), e.result.share]);
  }
  return [...by].sort(([a], [b]) => a - b).map(([netuid, points]) => ({ name: `subnet ${netuid}`, points }));
}

const ALPHA = 1e9;

/** Where one subnet's drained α went at each epoch (α). */
export function flowSeries(epochs: readonly EpochEntry<EpochRecord>[], netuid: number): BlockSeries[] {
  const mine = epochs.filter((e) => e.netuid === netuid);
  const line = (name: string, f: (r: EpochRecord) => bigint): BlockSeries => ({ name, points: mine.map((e) => [Number(e.block), Number(f(e.result)) / ALPHA]) });
  return [
    line('miner incentive', (r) => r.flows.incentive),
    line('validator dividends', (r) => r.flows.alphaDividends + r.flows.takes),
    line('root dividends', (r) => r.flows.rootDividends),
    line('owner cut', (r) => r.flows.ownerCut),
    line('burned + recycled', (r) => r.flows.burned + r.flows.recycled),
  ];
}

const axis = (c: ChartColors) => ({ axisLine: { lineStyle: { color: c.line } }, axisLabel: { color: c.muted }, splitLine: { lineStyle: { color: c.line } } });

/** Lines over blocks with a dashed mark at the cursor block. */
export function blockLinesOption(series: BlockSeries[], cursor: number, c: ChartColors, yName: string, percent = false): Record<string, unknown> {
  return {
    animation: false,
    color: PALETTE,
    textStyle: { color: c.fg },
    grid: { left: 56, right: 14, top: 14, bottom: 34 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? (percent ? `${(v * 100).toFixed(2)} %` : v.toFixed(4)) : String(v)) },
    // No fixed min/max: the page's Chart keeps axes between redraws and replaces only the series, so the extent must
    // come from the data (scale: true leaves out the zero).
    xAxis: { type: 'value', scale: true, minInterval: 1, name: 'block', nameLocation: 'middle', nameGap: 22, nameTextStyle: { color: c.muted }, ...axis(c), splitLine: { show: false } },
    yAxis: { type: 'value', name: yName, nameTextStyle: { color: c.muted, align: 'left' }, scale: !percent, ...axis(c), axisLabel: { color: c.muted, formatter: percent ? (v: number) => `${Math.round(v * 100)}%` : undefined } },
    series: series.map((s, k) => ({
      id: `line${k}`, type: 'line', name: s.name, data: s.points, showSymbol: s.points.length <= 60, symbolSize: 5, lineStyle: { width: 1.8 },
      ...(k === 0 ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: c.muted, type: 'dashed' }, label: { show: false }, data: [{ xAxis: cursor }] } } : {}),
    })),
  };
}
