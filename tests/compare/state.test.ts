// The compare view's state in node, driving the real compare API directly (no worker): versions, runs, errors, sweeps.
import { describe, expect, it } from 'vitest';
import { makeCompareApi } from '../../src/engine/compare-api.ts';
import { VERSION_CHOICES, chainPathOf, versionOf } from '../../src/compare/choices.ts';
import { CompareState } from '../../src/state/compare.svelte.ts';
import { engineModule } from '../assembly/engine-module.ts';

const api = makeCompareApi({ loadModule: engineModule });

describe(versionOf, () => {
  it('maps every offered id to a version, and refuses others', () => {
    for (const c of VERSION_CHOICES) {
      const v = versionOf(c.id, 0.5);
      expect(v.kind === 'chain' ? v.config.bond_penalty : v.config.bond_penalty).toBe(0.5);
      expect(v.kind === 'chain').toBe(c.group === 'chain');
      if (v.kind === 'chain') expect([chainPathOf(c.id), v.engine]).toEqual([v.path, c.id.startsWith('chain:') ? 'exact' : 'float']);
    }
    expect(() => versionOf('chain:yuma9')).toThrow(/unknown version/);
  });
});

describe(CompareState, () => {
  it('keeps 2 to 4 versions', () => {
    const s = new CompareState(api);
    expect(s.versionIds.length).toBe(4);
    s.addVersion();
    expect(s.versionIds.length).toBe(4);
    s.removeVersion(0);
    s.removeVersion(0);
    s.removeVersion(0);
    expect(s.versionIds).toEqual(['variant:YUMA3', 'chain:yuma3']);
    s.addVersion();
    expect(s.versionIds[2]).toBe(VERSION_CHOICES.find((c) => !['variant:YUMA3', 'chain:yuma3'].includes(c.id))!.id);
  });

  it('runs side by side, exact vs float and a sweep on the chosen case', async () => {
    const s = new CompareState(api);
    await s.runSideBySide();
    expect(s.error).toMatch(/not loaded/);
    await s.load();
    s.caseKey = 'clipping-demo';
    await s.runSideBySide();
    expect([s.error, s.side?.series.length, s.sideBusy]).toEqual(['', 4, false]);
    s.bondPenalty = 1.5;
    await s.runSideBySide();
    expect(s.error).toMatch(/between 0 and 1/);
    s.bondPenalty = 1;
    s.floatPath = 'yuma3';
    await s.runExactVsFloat();
    expect(s.floatReport?.epochs.length).toBe(40);
    s.sweepPoints = 3;
    await s.runSweep();
    expect([s.sweepResult?.points.length, s.sweepResult?.unit, s.sweepProgress]).toEqual([3, 'per 1000 TAO', null]);
  });

  it('uses the playground subnet when asked, as a uid-indexed trace sweep', async () => {
    const text = JSON.stringify({ format: 'yuma-trace/1', n: 3, alpha_stake: [1000, 1000, 0], validator_permit: [true, true, false],
      steps: [{ block: 10, op: 'set_weights', uid: 0, uids: [2], values: [1] }, { op: 'set_weights', uid: 1, uids: [2], values: [1] }, { op: 'epoch', rao_emission: 1e9 }] });
    const s = new CompareState(api, async () => text);
    await s.load();
    expect(s.hasSubnet).toBe(true);
    s.floatSource = 'subnet';
    await s.runExactVsFloat();
    expect(s.floatReport?.n).toBe(3);
    Object.assign(s, { sweepTarget: 'subnet', sweepVersionId: 'twin:yuma3', sweepPoints: 2, sweepValidator: 1 });
    await s.runSweep();
    expect(s.sweepResult?.unit).toBe('rao');
    expect(s.sweepResult?.points.every((p) => p.total > 0)).toBe(true);
  });
});
