// The result of one research-variant run (flat typed arrays, as the engine returns them) and its
// yuma-sim-result/1 JSON form (format §7). Pure: no wasm, no I/O.

export const SIM_RESULT_FORMAT = 'yuma-sim-result/1';

/** One run's numbers. Per-epoch arrays are row-major: [E][V], [E][S] or [E][V][S]. */
export interface SimResult {
  validators: number;
  servers: number;
  epochs: number;
  /** Dn = D / (ΣD + 1e-6) per epoch and validator. */
  dividendsNormalized: Float64Array;
  dividendsPer1000Tao: Float64Array;
  /** Dn_v − s_v / Σs. */
  relativeDividends: Float64Array;
  serverIncentive: Float64Array;
  /** Multiples of 1/65535; all 0 in a degenerate epoch. */
  serverConsensus: Float64Array;
  /** The bond state after each epoch's update, in the version's units (format §7). */
  bonds: Float64Array;
  /** Σ over epochs of dividendsPer1000Tao, per validator. */
  totalDividendsPer1000Tao: Float64Array;
  pctVsBase: Float64Array;
  /** Epochs (ascending) in which no server reached consensus (spec §8). */
  degenerateConsensusEpochs: number[];
}

/** The epoch fields of format §7 and where each lives in SimResult, with its row length. */
const EPOCH_FIELDS = [
  ['dividends_normalized', 'dividendsNormalized', 'validators'],
  ['dividends_per_1000_tao', 'dividendsPer1000Tao', 'validators'],
  ['relative_dividends', 'relativeDividends', 'validators'],
  ['server_incentive', 'serverIncentive', 'servers'],
  ['server_consensus', 'serverConsensus', 'servers'],
] as const;

function slice(a: Float64Array, start: number, length: number): number[] {
  return Array.from(a.subarray(start, start + length));
}

/** The yuma-sim-result/1 object (key order as in format §7); `id` only when the job had one. */
export function simResultJson(r: SimResult, id?: string): Record<string, unknown> {
  const { validators: v, servers: s } = r;
  const epochs = new Array<Record<string, unknown>>(r.epochs);
  for (let e = 0; e < r.epochs; e++) {
    const epoch: Record<string, unknown> = {};
    for (const [key, field, width] of EPOCH_FIELDS) {
      const n = width === 'validators' ? v : s;
      epoch[key] = slice(r[field], e * n, n);
    }
    epoch.bonds = Array.from({ length: v }, (_, i) => slice(r.bonds, (e * v + i) * s, s));
    epochs[e] = epoch;
  }
  return {
    format: SIM_RESULT_FORMAT,
    ...(id === undefined ? {} : { id }),
    epochs,
    totals: { dividends_per_1000_tao: Array.from(r.totalDividendsPer1000Tao), pct_vs_base: Array.from(r.pctVsBase) },
    degenerate_consensus_epochs: r.degenerateConsensusEpochs,
  };
}

/**
 * JSON.stringify(simResultJson(r, id)), built directly: string conversion prints each finite double in the
 * same shortest round-trip form as JSON (and -0 as 0), without the intermediate arrays and objects.
 */
export function simResultLine(r: SimResult, id?: string): string {
  const { validators: v, servers: s } = r;
  const list = (a: Float64Array, start: number, length: number) => {
    let text = '[';
    for (let k = start; k < start + length; k++) text += k === start ? `${a[k]}` : `,${a[k]}`;
    return `${text}]`;
  };
  const epochs = new Array<string>(r.epochs);
  for (let e = 0; e < r.epochs; e++) {
    let text = '{';
    for (const [key, field, width] of EPOCH_FIELDS) {
      const n = width === 'validators' ? v : s;
      text += `"${key}":${list(r[field], e * n, n)},`;
    }
    const bonds = Array.from({ length: v }, (_, i) => list(r.bonds, (e * v + i) * s, s));
    epochs[e] = `${text}"bonds":[${bonds.join(',')}]}`;
  }
  const head = `{"format":"${SIM_RESULT_FORMAT}",${id === undefined ? '' : `"id":${JSON.stringify(id)},`}`;
  const totals = `"totals":{"dividends_per_1000_tao":${list(r.totalDividendsPer1000Tao, 0, v)},"pct_vs_base":${list(r.pctVsBase, 0, v)}}`;
  return `${head}"epochs":[${epochs.join(',')}],${totals},"degenerate_consensus_epochs":[${r.degenerateConsensusEpochs.join(',')}]}`;
}

/**
 * The JSON path of the first value that is not a finite number, or null. With validated inputs this only
 * happens when a reporting product overflows float64 (e.g. validator_emission_ratio × total_epoch_emission ≈ 1e308).
 */
export function firstNonFinite(r: SimResult): string | null {
  const { validators: v, servers: s } = r;
  for (const [key, field, width] of EPOCH_FIELDS) {
    const n = width === 'validators' ? v : s;
    const k = r[field].findIndex((x) => !Number.isFinite(x));
    if (k >= 0) return `$.epochs[${Math.floor(k / n)}].${key}[${k % n}]`;
  }
  const b = r.bonds.findIndex((x) => !Number.isFinite(x));
  if (b >= 0) return `$.epochs[${Math.floor(b / (v * s))}].bonds[${Math.floor(b / s) % v}][${b % s}]`;
  const t = r.totalDividendsPer1000Tao.findIndex((x) => !Number.isFinite(x));
  if (t >= 0) return `$.totals.dividends_per_1000_tao[${t}]`;
  const p = r.pctVsBase.findIndex((x) => !Number.isFinite(x));
  return p >= 0 ? `$.totals.pct_vs_base[${p}]` : null;
}
