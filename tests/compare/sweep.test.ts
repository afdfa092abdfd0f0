// Sweeps: the range, each point against an independent recomputation, a parameter the spec says has no effect,
// progress reports, and cancellation between points.
import { describe, expect, it } from 'vitest';
import { chainVersion, loadSimCases, simCaseOf, variantVersion } from '../../src/compare/presets.ts';
import { runSweep, sweepValues, withHyperparameter, withStoredWeightsCache, type SweepProgress, type SweepRequest } from '../../src/compare/sweep.ts';
import { runVersion } from '../../src/compare/versions.ts';
import { replayTrace } from '../../src/model/replay.ts';
import type { Trace } from '../../src/model/trace.ts';
import { engines, goldenTrace } from './helpers.ts';

const caseByKey = async (key: string) => simCaseOf((await loadSimCases()).find((c) => c.key === key)!);

/** The trace with the value set by a leading set_hyperparameter step instead of the starting hyperparameters. */
function viaStep(trace: Trace, kappa: number): Trace {
  return { ...trace, steps: [{ block: null, op: 'set_hyperparameter', values: { kappa } }, ...trace.steps] };
}

describe(sweepValues, () => {
  it('spaces points evenly with both ends included, and refuses bad ranges', () => {
    sweepValues(0.2, 0.6, 5).forEach((x, k) => expect(x).toBeCloseTo(0.2 + 0.1 * k, 15));
    expect(sweepValues(0.2, 0.6, 5).at(-1)).toBe(0.6);
    expect(sweepValues(1, 0, 2)).toEqual([1, 0]);
    expect(() => sweepValues(0, 1, 1)).toThrow(/2 to 500/);
    expect(() => sweepValues(0, 1.5, 3)).toThrow(/0\.\.1/);
  });
});

describe(withStoredWeightsCache, () => {
  it('stores each distinct submission once and returns what the engine stores, as a fresh array', async () => {
    const { exact } = await engines();
    let calls = 0;
    const counted = { ...exact, maxUpscaleU16: (v: number[]) => (calls++, exact.maxUpscaleU16(v)) };
    const cached = withStoredWeightsCache(counted);
    const rows = [[1, 2, 3], [43690, 21845], [1, 2, 3], [0, 1, 65534], [43690, 21845]];
    const out = rows.map((r) => cached.maxUpscaleU16(r));
    expect(out).toEqual(rows.map((r) => exact.maxUpscaleU16(r)));
    expect(calls).toBe(3);
    out[0][0] = -1;
    expect(cached.maxUpscaleU16([1, 2, 3])).toEqual(exact.maxUpscaleU16([1, 2, 3]));
  });
});

describe(runSweep, () => {
  it('gives, at each kappa, the rao a validator earns when the trace sets that kappa itself', async () => {
    const e = await engines();
    const trace = goldenTrace('test_yuma_3_kappa_moves_first');
    const request: SweepRequest = { target: { kind: 'trace', trace, engine: 'exact' }, parameter: 'kappa', from: 0.1, to: 0.9, points: 5, validator: 1 };
    const r = await runSweep(request, e);
    expect(r.unit).toBe('rao');
    expect(r.points.map((p) => p.value)).toEqual(sweepValues(0.1, 0.9, 5));
    for (const p of r.points) {
      const kappa = withHyperparameter(trace, 'kappa', p.value).hyperparameters.kappa;
      const run = replayTrace(viaStep(trace, kappa), e.exact);
      expect(p.total).toBe(run.epochs.reduce((t, { output }) => t + Number(output.validatorEmission[1]), 0));
    }
    expect(new Set(r.points.map((p) => p.total)).size).toBeGreaterThan(1);
    // The f64 twin follows the exact curve within rounding.
    const twin = await runSweep({ ...request, target: { kind: 'trace', trace, engine: 'float' } }, e);
    twin.points.forEach((p, k) => expect(Math.abs(p.total - r.points[k].total)).toBeLessThanOrEqual(1e-6 * r.points[k].total + 10));
  });

  it('finds no effect of the EMA memory on YUMA1 (α is fixed at 1) but an effect on YUMA2', async () => {
    const e = await engines();
    const c = await caseByKey('kappa-moves-first');
    const base = { parameter: 'bonds_moving_average' as const, from: 0, to: 0.99, points: 4, validator: 1 };
    const y1 = await runSweep({ ...base, target: { kind: 'case', simCase: c, version: variantVersion('YUMA1') } }, e);
    expect(new Set(y1.points.map((p) => p.total)).size).toBe(1);
    expect(y1.points[0].total).toBe(runVersion(c, variantVersion('YUMA1'), e).totals[1]);
    const y2 = await runSweep({ ...base, target: { kind: 'case', simCase: c, version: variantVersion('YUMA2') } }, e);
    expect(new Set(y2.points.map((p) => p.total)).size).toBe(4);
    expect(y2.unit).toBe('per 1000 TAO');
  });

  it('reports progress after every point and stops between points when cancelled', async () => {
    const e = await engines();
    const c = await caseByKey('kappa-moves-first');
    const seen: SweepProgress[] = [];
    const token = { aborted: false };
    const r = await runSweep(
      { target: { kind: 'case', simCase: c, version: chainVersion('yuma3') }, parameter: 'kappa', from: 0, to: 1, points: 10, validator: 0 },
      e,
      { token, onProgress: (p) => { seen.push(p); if (p.done === 3) token.aborted = true; } },
    );
    expect(r.cancelled).toBe(true);
    expect(r.points.length).toBe(3);
    expect(seen.map((p) => [p.done, p.total])).toEqual([[1, 10], [2, 10], [3, 10]]);
    expect(seen[2].last).toEqual(r.points[2]);
  });

  it('refuses a validator outside the subnet', async () => {
    const e = await engines();
    const trace = goldenTrace('test_1_graph');
    await expect(runSweep({ target: { kind: 'trace', trace, engine: 'exact' }, parameter: 'kappa', from: 0, to: 1, points: 2, validator: trace.n }, e)).rejects.toThrow(/out of range/);
  });
});
