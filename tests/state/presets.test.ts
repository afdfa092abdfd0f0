// Presets (src/state/presets.ts) are valid yuma-trace/1 documents, and hyperparameter warnings fire when they should.
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../src/model/trace.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/model/epoch.ts';
import { PRESET_IDS } from '../../src/copy/presets.ts';
import { presetTrace, toU16Row } from '../../src/state/presets.ts';
import { hyperWarnings } from '../../src/state/warnings.ts';

describe(presetTrace, () => {
  it.each(PRESET_IDS)('builds %s as a valid trace with a label per uid', (id) => {
    const text = presetTrace(id);
    const trace = parseTrace(text);
    expect(JSON.parse(text).playground.neurons).toHaveLength(trace.n);
  });

  it('is deterministic (the large subnet comes from a seed)', () => {
    expect(presetTrace('large-256')).toBe(presetTrace('large-256'));
    expect(parseTrace(presetTrace('large-256')).n).toBe(256);
  });
});

describe(toU16Row, () => {
  it('scales a row so its maximum is 65535, zeros stay zeros', () => {
    expect(toU16Row([0.3, 0.6])).toEqual([32768, 65535]);
    expect(toU16Row([0, 0])).toEqual([0, 0]);
  });
});

describe(hyperWarnings, () => {
  const keys = (h: Partial<typeof DEFAULT_HYPERPARAMETERS>) => hyperWarnings({ ...DEFAULT_HYPERPARAMETERS, ...h }, [10n]).map((w) => w.key);
  it('is silent on the defaults', () => expect(keys({})).toEqual([]));
  it('warns about liquid alpha without Yuma 3 (and not legacy), alpha_low above alpha_high, kappa 0', () => {
    expect(keys({ liquidAlphaEnabled: true })).toContain('liquid-alpha-path');
    expect(keys({ liquidAlphaEnabled: true, legacy: true })).not.toContain('liquid-alpha-path');
    expect(keys({ liquidAlphaEnabled: true, yuma3Enabled: true, alphaLow: 60000, alphaHigh: 50000 })).toEqual(['alpha-order']);
    expect(keys({ kappa: 0 })).toEqual(['kappa-zero']);
    expect(keys({ stakeThreshold: 11n })).toEqual(['threshold']);
    expect(keys({ tempo: 360, activityCutoffFactorMilli: 500 })).toEqual(['cutoff-short']);
  });
});
