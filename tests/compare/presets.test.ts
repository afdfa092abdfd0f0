// The compare view's starting points match the shared presets file: the copied cases and the web-default configs.
import { describe, expect, it } from 'vitest';
import { loadSimCases, simCaseOf, webDefaultConfig } from '../../src/compare/presets.ts';
import { readSimConfig } from '../../src/variants/sim-config-read.ts';
import type { SimVersion } from '../../src/variants/sim-case.ts';
import { PRESETS } from './helpers.ts';

const INPUT_KEYS = ['number', 'key', 'name', 'story', 'validators', 'servers', 'base_validator', 'num_epochs', 'stakes', 'weights', 'reset_bonds', 'winner_takes_all'];

describe(loadSimCases, () => {
  it('holds exactly the inputs of every case of the presets file, and each one validates', async () => {
    const cases = await loadSimCases();
    expect(cases).toEqual(PRESETS.cases.map((c) => Object.fromEntries(INPUT_KEYS.filter((k) => k in c).map((k) => [k, c[k]]))));
    for (const c of cases) expect(simCaseOf(c).numEpochs).toBe(c.num_epochs);
  });
});

describe(webDefaultConfig, () => {
  it.each(['web_defaults_bp1.0', 'web_defaults_bp0', 'web_defaults_bp0.5', 'web_defaults_bp0.99'])('reproduces %s for every version', (preset) => {
    const bp = Number(preset.slice('web_defaults_bp'.length));
    const versions = PRESETS.config_presets[preset].versions;
    expect(Object.keys(versions).length).toBeGreaterThanOrEqual(6);
    for (const [version, config] of Object.entries(versions)) {
      expect(webDefaultConfig(version as SimVersion, bp), `${preset} ${version}`).toEqual(readSimConfig(config as never, '$.config', 'interactive'));
    }
  });
});
