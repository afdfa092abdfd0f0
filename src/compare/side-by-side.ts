// Side by side: one yuma-sim case run by 2–4 Yuma versions (research variants and chain paths), aligned
// epoch by epoch, with a totals table that marks where versions part. Pure apart from the engines.
import type { SimCase } from '../variants/sim-case.ts';
import { runVersion, type CompareEngines, type CompareVersion, type VersionSeries } from './versions.ts';

export interface SideBySideRequest {
  simCase: SimCase;
  /** 2 to 4 versions; the first is the reference of the totals table. */
  versions: CompareVersion[];
  /** A totals cell "differs" when it is more than this many percent away from the first version (default 1). */
  thresholdPct?: number;
}

/** Totals per validator (rows) and version (columns), in dividends per 1,000 TAO summed over the epochs. */
export interface TotalsTable {
  validators: string[];
  versions: string[];
  /** [validator][version] */
  totals: number[][];
  /** [validator][version]: (t − t_first) / t_first × 100, with t_first replaced by 1e-6 when it is 0 (the package's rule). */
  pctVsFirst: number[][];
  /** [validator][version]: |pctVsFirst| > thresholdPct. */
  differs: boolean[][];
  thresholdPct: number;
}

export interface SideBySideResult {
  validators: string[];
  servers: string[];
  epochs: number;
  /** One entry per requested version, in order; every series has `epochs` rows. */
  series: VersionSeries[];
  table: TotalsTable;
}

/** Runs every version on the same case. Throws a plain Error for fewer than 2 or more than 4 versions. */
export function runSideBySide(request: SideBySideRequest, engines: CompareEngines): SideBySideResult {
  const { simCase, versions } = request;
  if (versions.length < 2 || versions.length > 4) throw new Error(`compare 2 to 4 versions, not ${versions.length}`);
  const series = versions.map((v) => runVersion(simCase, v, engines));
  return { validators: simCase.validators, servers: simCase.servers, epochs: simCase.numEpochs, series, table: totalsTable(simCase.validators, series, request.thresholdPct ?? 1) };
}

/** The totals table of already-run series (the first series is the reference). */
export function totalsTable(validators: string[], series: VersionSeries[], thresholdPct: number): TotalsTable {
  const totals = validators.map((_, v) => series.map((s) => s.totals[v]));
  const pctVsFirst = totals.map((row) => row.map((t) => ((t - row[0]) / (row[0] === 0 ? 1e-6 : row[0])) * 100));
  return {
    validators,
    versions: series.map((s) => s.label),
    totals,
    pctVsFirst,
    differs: pctVsFirst.map((row) => row.map((p) => Math.abs(p) > thresholdPct)),
    thresholdPct,
  };
}
