// The Yuma versions the compare view can put side by side, and how one version runs a yuma-sim case into
// common per-epoch series: research variants (float64, yuma-simulation) through the variants engine, and
// the chain's own paths through case-to-trace.ts and the exact engine (or its f64 twin). Pure apart from engines.
import type { EpochEngine } from '../model/epoch.ts';
import { replayTrace } from '../model/replay.ts';
import type { SimCase, SimConfig, SimFlavour, SimVersion } from '../variants/sim-case.ts';
import { versionInFlavour } from '../variants/sim-case.ts';
import type { VariantsEngine } from '../variants/wasm-variants.ts';
import { caseToTrace, type ChainPath, type ZeroWeights } from './case-to-trace.ts';
import type { TwinEngine } from './wasm-twin.ts';

/** A research variant of yuma-simulation, or a chain path run exactly (or by the f64 twin, for contrast). */
export type CompareVersion =
  | { kind: 'variant'; version: SimVersion; flavour: SimFlavour; config: SimConfig }
  | { kind: 'chain'; path: ChainPath; engine: 'exact' | 'float'; config: SimConfig; zeroWeights?: ZeroWeights };

export interface CompareEngines {
  exact: EpochEngine;
  twin: TwinEngine;
  variants: VariantsEngine;
}

/** One version's run in common units. E epochs, V validators, S servers. */
export interface VersionSeries {
  label: string;
  /** [E][V] the validator's share of the epoch's dividends (variants: D / (ΣD + 1e-6); chain: validator emission / Σ over validators). */
  dividends: number[][];
  /** [E][V][S] bond shares: each server's bond column divided by its sum over validators (0 for an empty column). */
  bonds: number[][][];
  /** [E][S] incentive per server (chain: incentive u16 / 65535). */
  incentive: number[][];
  /** [V] Σ over epochs of dividends per 1,000 TAO of stake (yuma-sim-case §7, the version's config). */
  totals: number[];
}

const CHAIN_NAMES: Record<ChainPath, string> = { yuma1: 'Yuma 1/2 (chain)', yuma3: 'Yuma 3 (chain)', 'yuma3-liquid': 'Yuma 3 + liquid alpha (chain)' };

/** A short label: `YUMA3 (interactive)`, `Yuma 3 (chain)`, `Yuma 3 (chain, f64 twin)`. */
export function versionLabel(v: CompareVersion): string {
  if (v.kind === 'variant') return `${v.version} (${v.flavour})`;
  return v.engine === 'exact' ? CHAIN_NAMES[v.path] : CHAIN_NAMES[v.path].replace(')', ', f64 twin)');
}

/**
 * Validator emission per 1,000 TAO of stake for one epoch (format §7): ratio × emission × Dn_v / u_v with
 * u_v = s_v × total_subnet_stake / 1000, and 0 when u_v ≤ 1e-6.
 */
export function per1000Tao(share: number, stake: number, config: SimConfig): number {
  const units = (stake * config.total_subnet_stake) / 1000;
  return units <= 1e-6 ? 0 : (config.validator_emission_ratio * config.total_epoch_emission * share) / units;
}

function columnShares(rows: number[][]): number[][] {
  const S = rows[0]?.length ?? 0;
  const sums = Array.from({ length: S }, (_, s) => rows.reduce((t, r) => t + r[s], 0));
  return rows.map((r) => r.map((b, s) => (sums[s] > 0 ? b / sums[s] : 0)));
}

/** Runs `simCase` with one version. Throws a plain Error for a variant that does not exist in its flavour. */
export function runVersion(simCase: SimCase, v: CompareVersion, engines: CompareEngines): VersionSeries {
  return v.kind === 'variant' ? runVariant(simCase, v, engines.variants) : runChain(simCase, v, v.engine === 'exact' ? engines.exact : engines.twin);
}

function runVariant(simCase: SimCase, v: Extract<CompareVersion, { kind: 'variant' }>, engine: VariantsEngine): VersionSeries {
  if (!versionInFlavour(v.version, v.flavour)) throw new Error(`${v.version} exists only in the interactive flavour`);
  const r = engine.run({ simCase, version: v.version, flavour: v.flavour, config: v.config });
  const V = r.validators;
  const S = r.servers;
  const slice = (a: Float64Array, from: number, len: number) => Array.from(a.subarray(from, from + len));
  return {
    label: versionLabel(v),
    dividends: Array.from({ length: r.epochs }, (_, e) => slice(r.dividendsNormalized, e * V, V)),
    bonds: Array.from({ length: r.epochs }, (_, e) => columnShares(Array.from({ length: V }, (_, i) => slice(r.bonds, (e * V + i) * S, S)))),
    incentive: Array.from({ length: r.epochs }, (_, e) => slice(r.serverIncentive, e * S, S)),
    totals: Array.from(r.totalDividendsPer1000Tao),
  };
}

function runChain(simCase: SimCase, v: Extract<CompareVersion, { kind: 'chain' }>, engine: EpochEngine): VersionSeries {
  const V = simCase.validators.length;
  const S = simCase.servers.length;
  const result = replayTrace(caseToTrace(simCase, v.config, v.path, v.zeroWeights), engine);
  const dividends = result.epochs.map(({ output }) => {
    const paid = output.validatorEmission.slice(0, V).map(Number);
    const total = paid.reduce((t, x) => t + x, 0);
    return paid.map((x) => (total > 0 ? x / total : 0));
  });
  const bonds = result.epochs.map(({ output }) =>
    columnShares(Array.from({ length: V }, (_, i) => {
      const row = new Array<number>(S).fill(0);
      for (const [j, b] of output.bonds[i]) if (j >= V) row[j - V] = b;
      return row;
    })),
  );
  const totals = new Array<number>(V).fill(0);
  dividends.forEach((d, e) => d.forEach((share, i) => (totals[i] += per1000Tao(share, simCase.stakes[e][i], v.config))));
  return {
    label: versionLabel(v),
    dividends,
    bonds,
    incentive: result.epochs.map(({ output }) => output.incentive.slice(V).map((x) => x / 65535)),
    totals,
  };
}
