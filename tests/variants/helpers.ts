// Shared by the research-variant tests: the presets file, job builders that go through the real
// parser, the wasm engine (loaded once per file), and a comparison against the TS reference.
import { readFileSync } from 'node:fs';
import { parseSimJob } from '../../src/variants/sim-job.ts';
import type { SimFlavour, SimJob, SimVersion } from '../../src/variants/sim-case.ts';
import type { SimResult } from '../../src/variants/sim-result.ts';
import type { VariantsEngine } from '../../src/variants/wasm-variants.ts';
import type { ReferenceResult } from './reference.ts';

export const PRESETS_PATH = new URL('../golden/presets/yuma-simulation-cases.json', import.meta.url);

/** A case of the presets file as JSON (inputs plus descriptive keys). */
export type PresetCase = Record<string, unknown> & { number: number; key: string; reset_bonds: unknown; weights: number[][][] };

export interface PresetsFile {
  format: string;
  cases: PresetCase[];
  config_presets: Record<string, { flavours: SimFlavour[]; versions: Record<string, Record<string, unknown>>; cases?: string }>;
}

export const presets: PresetsFile = JSON.parse(readFileSync(PRESETS_PATH, 'utf8'));

/** Every (version, flavour) pair the format allows: 6 for the package, 7 for the interactive copy. */
export const VARIANTS: [SimVersion, SimFlavour][] = [
  ...(['YUMA1', 'YUMA2', 'YUMA2B', 'YUMA2C', 'YUMA3', 'YUMA3_LIQUID'] as const).map((v): [SimVersion, SimFlavour] => [v, 'package']),
  ...(['YUMA1', 'YUMA2', 'YUMA2A', 'YUMA2B', 'YUMA2C', 'YUMA3', 'YUMA3_LIQUID'] as const).map((v): [SimVersion, SimFlavour] => [v, 'interactive']),
];

/** A job built from plain JSON parts and validated by the real parser (so tests also exercise it). */
export function makeJob(simCase: object, version: SimVersion, flavour: SimFlavour, config: object = {}): SimJob {
  return parseSimJob(JSON.stringify({ case: simCase, version, flavour, config }));
}

/** A minimal case: names and base validator filled in from the shapes of `stakes` [E][V] and `weights` [E][V][S]. */
export function smallCase(stakes: number[][], weights: number[][][], extra: object = {}): object {
  const v = stakes[0].length;
  const s = weights[0][0].length;
  return {
    validators: Array.from({ length: v }, (_, i) => `v${i}`),
    servers: Array.from({ length: s }, (_, j) => `s${j}`),
    base_validator: 0,
    num_epochs: stakes.length,
    stakes,
    weights,
    ...extra,
  };
}

let engine: Promise<VariantsEngine> | undefined;

/** The release wasm's research-variant runner, loaded once per test file. */
export function variantsEngine(): Promise<VariantsEngine> {
  return (engine ??= import('../../src/variants/node-loader.ts').then((m) => m.loadVariantsEngineNode()));
}

/** Epoch e's [rows] slice of a row-major per-epoch array. */
export function row(a: Float64Array, e: number, width: number): number[] {
  return Array.from(a.subarray(e * width, (e + 1) * width));
}

/** Epoch e's bond matrix. */
export function bondsAt(r: SimResult, e: number): number[][] {
  return Array.from({ length: r.validators }, (_, i) => row(r.bonds, e * r.validators + i, r.servers));
}

/** Every number of the result (to look for NaN, Infinity, negatives). */
export function allNumbers(r: SimResult): number[] {
  return [r.dividendsNormalized, r.dividendsPer1000Tao, r.relativeDividends, r.serverIncentive, r.serverConsensus, r.bonds, r.totalDividendsPer1000Tao, r.pctVsBase]
    .flatMap((a) => Array.from(a));
}

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Differences between the wasm result and the reference beyond `rel` (relative, floor 1 in magnitude); at most 5 listed. */
export function diffReference(r: SimResult, ref: ReferenceResult, rel = 1e-12): string[] {
  const out: string[] = [];
  const check = (what: string, got: number[], want: number[]) => {
    if (got.length !== want.length) out.push(`${what}: length ${got.length} ≠ ${want.length}`);
    got.forEach((g, k) => close(g, want[k], rel) || out.push(`${what}[${k}]: ${g} ≠ ${want[k]}`));
  };
  ref.epochs.forEach((ep, e) => {
    check(`epochs[${e}].dividends_normalized`, row(r.dividendsNormalized, e, r.validators), ep.dividendsNormalized);
    check(`epochs[${e}].dividends_per_1000_tao`, row(r.dividendsPer1000Tao, e, r.validators), ep.dividendsPer1000Tao);
    check(`epochs[${e}].relative_dividends`, row(r.relativeDividends, e, r.validators), ep.relativeDividends);
    check(`epochs[${e}].server_incentive`, row(r.serverIncentive, e, r.servers), ep.serverIncentive);
    check(`epochs[${e}].server_consensus`, row(r.serverConsensus, e, r.servers), ep.serverConsensus);
    check(`epochs[${e}].bonds`, bondsAt(r, e).flat(), ep.bonds.flat());
  });
  check('totals.dividends_per_1000_tao', Array.from(r.totalDividendsPer1000Tao), ref.totals.dividendsPer1000Tao);
  check('totals.pct_vs_base', Array.from(r.pctVsBase), ref.totals.pctVsBase);
  if (r.degenerateConsensusEpochs.join() !== ref.degenerate.join()) out.push(`degenerate ${r.degenerateConsensusEpochs} ≠ ${ref.degenerate}`);
  return out.slice(0, 5);
}
