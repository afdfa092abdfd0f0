// Exact vs float: one trace replayed by the chain-exact engine and by its f64 twin, compared per epoch,
// per stored field and per uid (u16 and rao), with summary statistics and, when intermediates are kept,
// the first step of the pipeline where the two part. Pure apart from the engines it is given.
import type { EpochEngine, EpochOutput } from '../model/epoch.ts';
import { replayTrace } from '../model/replay.ts';
import type { Trace } from '../model/trace.ts';
import type { FloatEpochOutput } from './float-intermediates.ts';
import { OUTPUT_FIELDS, type EpochDiff, type ExactVsFloatOptions, type ExactVsFloatReport, type FieldDiff, type FieldSummary } from './report.ts';
import { diffSteps } from './step-diff.ts';
import type { TwinEngine } from './wasm-twin.ts';

export { OUTPUT_FIELDS };
export type { EpochDiff, ExactVsFloatOptions, ExactVsFloatReport, FieldDiff, FieldSummary, OutputField, Unit } from './report.ts';

const relDiff = (x: number, y: number) => (x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)));
const asNumbers = (v: readonly (number | bigint)[]) => v.map(Number);

/** Replays `trace` with both engines and compares everything they store (and, optionally, every step). */
export function compareExactVsFloat(trace: Trace, exact: EpochEngine, twin: TwinEngine, options: ExactVsFloatOptions = {}): ExactVsFloatReport {
  const intermediates = options.intermediates === true;
  const absTolerance = options.absTolerance ?? 1e-6;
  const a = replayTrace(trace, exact, { intermediates });
  // The twin's outputs are FloatEpochOutput objects: replayTrace hands back what the engine returned.
  const b = replayTrace(trace, twin, { intermediates });
  const epochs = a.epochs.map((ea, e) => diffEpoch(e, ea.block, ea.output, b.epochs[e].output as FloatEpochOutput));
  const report: ExactVsFloatReport = {
    name: trace.name, n: trace.n, epochs, fields: summarise(epochs, trace.n),
    bonds: { maxAbs: 0, epoch: -1, at: null }, maxU16Diff: 0, firstOutputDifference: null, firstDivergence: null, absTolerance,
  };
  for (const ep of epochs) {
    if (ep.bonds.maxAbs > report.bonds.maxAbs) report.bonds = { maxAbs: ep.bonds.maxAbs, epoch: ep.epoch, at: ep.bonds.at };
    if (!report.firstOutputDifference) {
      const f = ep.fields.find((fd) => fd.abs.some((d) => d > 0));
      if (f) report.firstOutputDifference = { epoch: ep.epoch, field: f.field, uid: f.abs.findIndex((d) => d > 0) };
      else if (ep.bonds.at) report.firstOutputDifference = { epoch: ep.epoch, field: 'bonds', uid: ep.bonds.at[0] };
    }
    const step = report.firstDivergence ? undefined : ep.steps?.find((s) => s.maxAbs > absTolerance);
    if (step) report.firstDivergence = { epoch: ep.epoch, step: step.step, maxAbs: step.maxAbs, ulps: step.ulps, at: step.at };
  }
  report.maxU16Diff = Math.max(report.bonds.maxAbs, ...report.fields.filter((f) => f.unit === 'u16').map((f) => f.maxAbs));
  return report;
}

function diffEpoch(epoch: number, block: bigint, x: EpochOutput, y: FloatEpochOutput): EpochDiff {
  const fields = OUTPUT_FIELDS.map(([field, unit]): FieldDiff => {
    const exact = asNumbers(x[field]);
    const float = asNumbers(y[field]);
    // Differences of rao values are taken on the bigints: exact even beyond 2^53.
    const abs = exact.map((v, i) => (unit === 'rao' ? Math.abs(Number((x[field][i] as bigint) - (y[field][i] as bigint))) : Math.abs(v - float[i])));
    return { field, unit, exact, float, abs, rel: exact.map((v, i) => relDiff(v, float[i])) };
  });
  const steps = x.intermediates && y.floatIntermediates ? diffSteps(x.intermediates, y.floatIntermediates) : null;
  return { epoch, block: Number(block), fields, bonds: diffBonds(x.bonds, y.bonds), steps };
}

function diffBonds(x: EpochOutput['bonds'], y: EpochOutput['bonds']): EpochDiff['bonds'] {
  const out: EpochDiff['bonds'] = { maxAbs: 0, at: null, cellsDiffering: 0 };
  x.forEach((row, i) => {
    const other = new Map(y[i]);
    const cols = new Set([...row.map(([j]) => j), ...other.keys()]);
    const mine = new Map(row);
    for (const j of [...cols].sort((p, q) => p - q)) {
      const d = Math.abs((mine.get(j) ?? 0) - (other.get(j) ?? 0));
      if (d > 0) out.cellsDiffering++;
      if (d > out.maxAbs) { out.maxAbs = d; out.at = [i, j]; }
    }
  });
  return out;
}

function summarise(epochs: EpochDiff[], n: number): FieldSummary[] {
  return OUTPUT_FIELDS.map(([field, unit], k): FieldSummary => {
    const s: FieldSummary = {
      field, unit, maxAbs: 0, epoch: -1, uid: -1, maxRel: 0, relEpoch: -1, relUid: -1, cellsDiffering: 0,
      exactTotal: new Array<number>(n).fill(0), floatTotal: new Array<number>(n).fill(0), perUidMaxAbs: new Array<number>(n).fill(0),
    };
    for (const ep of epochs) {
      const f = ep.fields[k];
      for (let i = 0; i < n; i++) {
        s.exactTotal[i] += f.exact[i];
        s.floatTotal[i] += f.float[i];
        s.perUidMaxAbs[i] = Math.max(s.perUidMaxAbs[i], f.abs[i]);
        if (f.abs[i] > 0) s.cellsDiffering++;
        if (f.abs[i] > s.maxAbs) Object.assign(s, { maxAbs: f.abs[i], epoch: ep.epoch, uid: i });
        if (f.rel[i] > s.maxRel) Object.assign(s, { maxRel: f.rel[i], relEpoch: ep.epoch, relUid: i });
      }
    }
    return s;
  });
}
