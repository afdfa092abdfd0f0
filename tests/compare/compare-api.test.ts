// The compare door as the worker exposes it: results survive structured clone, errors are one-line messages,
// a sweep reports progress and stops when cancelSweep arrives while it runs, and a failed module load is retried.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCompareApi } from '../../src/engine/compare-api.ts';
import { compareExactVsFloat } from '../../src/compare/exact-vs-float.ts';
import { chainVersion, loadSimCases, simCaseOf, variantVersion, webDefaultConfig } from '../../src/compare/presets.ts';
import type { SweepProgress } from '../../src/compare/sweep.ts';
import { engineModule } from '../assembly/engine-module.ts';
import { TRACES_DIR, engines, goldenTrace } from './helpers.ts';

const api = makeCompareApi({ loadModule: engineModule });
const caseByKey = async (key: string) => simCaseOf((await loadSimCases()).find((c) => c.key === key)!);

describe(makeCompareApi, () => {
  it('compares exact and float on a trace text, as the pure module does, in a structured-clonable report', async () => {
    const text = readFileSync(join(TRACES_DIR, 'test_bonds.json'), 'utf8');
    const report = await api.exactVsFloat({ source: { kind: 'text', text } });
    const { exact, twin } = await engines();
    expect(structuredClone(report)).toEqual(compareExactVsFloat(goldenTrace('test_bonds'), exact, twin, { intermediates: true }));
    expect(report.epochs[0].steps).not.toBeNull();
  });

  it('maps a case onto a chain path for exact vs float', async () => {
    const c = await caseByKey('clipping-demo');
    const report = await api.exactVsFloat({ source: { kind: 'case', simCase: c, config: webDefaultConfig('YUMA3'), path: 'yuma3' }, intermediates: false });
    expect([report.n, report.epochs.length, report.epochs[0].steps]).toEqual([5, 40, null]);
  });

  it('rejects a malformed trace with the JSON path of the fault', async () => {
    await expect(api.exactVsFloat({ source: { kind: 'text', text: '{"format":"yuma-trace/1","n":0}' } })).rejects.toThrow(/^n: /);
  });

  it('runs side by side', async () => {
    const c = await caseByKey('kappa-moves-first');
    const r = await api.sideBySide({ simCase: c, versions: [variantVersion('YUMA3'), chainVersion('yuma3')] });
    expect(structuredClone(r).table.versions).toEqual(['YUMA3 (interactive)', 'Yuma 3 (chain)']);
  });

  it('sweeps with progress, and cancelSweep stops a running sweep after its current point', async () => {
    const c = await caseByKey('kappa-moves-first');
    const seen: SweepProgress[] = [];
    const request = { target: { kind: 'case' as const, simCase: c, version: chainVersion('yuma1') }, parameter: 'bonds_penalty' as const, from: 0, to: 1, points: 200, validator: 0 };
    const running = api.sweep(request, (p) => seen.push(p));
    // Cancel once the first progress arrived: a message that reaches the worker while the sweep runs.
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 1));
    await api.cancelSweep();
    const r = await running;
    expect(r.cancelled).toBe(true);
    expect(r.points.length).toBeGreaterThan(0);
    expect(r.points.length).toBeLessThan(200);
    expect(seen.every((p) => p.total === 200)).toBe(true);
    const full = await api.sweep({ ...request, points: 3 }, (p) => seen.push(p));
    expect([full.cancelled, full.points.length, seen.at(-1)?.done]).toEqual([false, 3, 3]);
  });

  it('retries a failed module load on the next call', async () => {
    let calls = 0;
    const flaky = makeCompareApi({ loadModule: () => (++calls === 1 ? Promise.reject(new Error('offline')) : engineModule()) });
    const c = await caseByKey('kappa-moves-first');
    const req = { simCase: c, versions: [variantVersion('YUMA1'), variantVersion('YUMA2')] };
    await expect(flaky.sideBySide(req)).rejects.toThrow('offline');
    expect((await flaky.sideBySide(req)).series.length).toBe(2);
    expect(calls).toBe(2);
  });
});
