// Time series for the charts, from the epoch history: which uids to draw and their values per epoch. Pure.
import type { EpochSummary, NeuronMeta, Role } from '../state/playground.svelte.ts';

export type Metric = 'dividends' | 'incentive' | 'consensus' | 'validatorTrust' | 'emission' | 'stake';

export interface Series {
  uid: number;
  name: string;
  values: number[];
}

export interface SeriesSet {
  epochs: number[];
  series: Series[];
  /** How many uids of the role were left out (the chart shows the top ones). */
  hidden: number;
}

const RAO = 1e9;

/** The value of `metric` for `uid` in one epoch, as a float (u16 → proportion, rao → α). */
export function metricValue(s: EpochSummary, metric: Metric, uid: number): number {
  switch (metric) {
    case 'emission': return Number(s.emission[uid]) / RAO;
    case 'stake': return Number(s.alphaStake[uid]) / RAO;
    default: return s[metric][uid] / 65535;
  }
}

/** Up to `limit` uids of `role`, the largest by `metric` at epoch `at` (1-based) first; ties by uid. */
export function seriesFor(history: readonly EpochSummary[], meta: readonly NeuronMeta[], role: Role, metric: Metric, at: number, limit = 8): SeriesSet {
  const uids = meta.map((m, uid) => (m.role === role ? uid : -1)).filter((uid) => uid >= 0);
  const ref = history[Math.min(Math.max(at, 1), history.length) - 1];
  const ranked = ref ? [...uids].sort((a, b) => metricValue(ref, metric, b) - metricValue(ref, metric, a) || a - b) : uids;
  const shown = ranked.slice(0, limit).sort((a, b) => a - b);
  return {
    epochs: history.map((s) => s.epoch),
    series: shown.map((uid) => ({ uid, name: meta[uid]?.name ?? `uid ${uid}`, values: history.map((s) => metricValue(s, metric, uid)) })),
    hidden: uids.length - shown.length,
  };
}

/** Stored bonds of validator `v` towards each of `targets`, per epoch, as u16 / 65535. */
export function bondSeries(history: readonly EpochSummary[], meta: readonly NeuronMeta[], v: number, targets: readonly number[]): SeriesSet {
  const index = new Map(targets.map((j, k) => [j, k]));
  const series: Series[] = targets.map((uid) => ({ uid, name: meta[uid]?.name ?? `uid ${uid}`, values: new Array(history.length).fill(0) }));
  history.forEach((s, e) => {
    const { offsets, cols, values } = s.bonds;
    for (let k = offsets[v] ?? 0; k < (offsets[v + 1] ?? 0); k++) {
      const at = index.get(cols[k]);
      if (at !== undefined) series[at].values[e] = values[k] / 65535;
    }
  });
  return { epochs: history.map((s) => s.epoch), series, hidden: 0 };
}
