// The job parser (format §2, §3, §5, §6): defaults, accepted forms, and for each kind of invalid input
// the exact `line N: PATH:` prefix the contract fixes (the wording after it is free).
import { describe, expect, it } from 'vitest';
import { JobsFileError, parseJobsText } from '../../src/variants/jobs-file.ts';
import { parseSimJob } from '../../src/variants/sim-job.ts';
import { DEFAULT_SIM_CONFIG } from '../../src/variants/sim-case.ts';
import { presets } from './helpers.ts';

const CASE = {
  validators: ['a', 'b', 'c'],
  servers: ['x', 'y'],
  base_validator: 0,
  num_epochs: 2,
  stakes: [[0.5, 0.3, 0.2], [0.5, 0.3, 0.2]],
  weights: [[[1, 0], [0, 1], [0.5, 0.5]], [[1, 0], [0, 1], [0.5, 0.5]]],
};
const JOB = { id: 'j', case: CASE, version: 'YUMA3', flavour: 'interactive', config: {} };
const line = (patch: object) => JSON.stringify({ ...JOB, ...patch });
const withCase = (patch: object) => line({ case: { ...CASE, ...patch } });
const withConfig = (config: object, flavour = 'interactive') => line({ config, flavour });

/** The stderr line the runner would print for `text` as line 1. */
function error(text: string): string {
  try {
    parseJobsText(text);
  } catch (e) {
    if (e instanceof JobsFileError) return e.message;
    throw e;
  }
  return 'no error';
}

describe(parseSimJob, () => {
  it('fills every config default and keeps the id', () => {
    const job = parseSimJob(line({}));
    expect(job.config).toEqual(DEFAULT_SIM_CONFIG);
    expect(job.id).toBe('j');
    expect(job.simCase.resetBonds).toBeNull();
    expect(job.simCase.winnerTakesAll).toBe(false);
  });

  it('accepts 3.0 as an integer, ignores descriptive and unknown case keys, and reads decimals as the nearest double', () => {
    const job = parseSimJob(withCase({ num_epochs: 2.0, base_validator: 1.0, story: 'x', number: 7, future_key: [1], stakes: [[0.1, 0.2, 0.3], [1e-7, 0, 5]] }));
    expect(job.simCase.numEpochs).toBe(2);
    expect(job.simCase.baseValidator).toBe(1);
    expect(job.simCase.stakes[0]).toEqual([0.1, 0.2, 0.3]);
    expect(job.simCase.stakes[1]).toEqual([1e-7, 0, 5]);
  });

  it('parses every config preset of the presets file in each of its flavours', () => {
    let count = 0;
    for (const preset of Object.values(presets.config_presets)) {
      for (const flavour of preset.flavours) {
        for (const [version, config] of Object.entries(preset.versions)) {
          if (version === 'YUMA2A' && flavour === 'package') continue;
          expect(parseSimJob(JSON.stringify({ case: CASE, version, flavour, config })).config).toMatchObject(config);
          count++;
        }
      }
    }
    expect(count).toBe(96); // 8 script presets × 6 versions + web presets: 13 + 13 + 3 × 7 + 1
  });
});

describe('invalid lines', () => {
  it.each([
    ['not an object', '[1, 2]', 'line 1: $: '],
    ['broken JSON', '{"case": ', 'line 1: $: invalid JSON at column'],
    ['a duplicate key', `{"version": "YUMA1", ${line({}).slice(1)}`, 'line 1: $: invalid JSON'],
    ['an unknown top-level key', line({ extra: 1 }), 'line 1: $.extra: '],
    ['a missing required key', JSON.stringify({ case: CASE, flavour: 'package', config: {} }), 'line 1: $: missing required field "version"'],
    ['an unknown flavour', line({ flavour: 'pkg' }), 'line 1: $.flavour: '],
    ['an unknown version', line({ version: 'YUMA4' }), 'line 1: $.version: '],
    ['YUMA2A in the package', line({ version: 'YUMA2A', flavour: 'package' }), 'line 1: $.version: YUMA2A needs flavour "interactive"'],
    ['a non-string id', line({ id: 5 }), 'line 1: $.id: '],
    ['a case that is no object', line({ case: [] }), 'line 1: $.case: '],
    ['a missing case key', line({ case: { ...CASE, weights: undefined } }), 'line 1: $.case: missing required field "weights"'],
    ['no validators', withCase({ validators: [] }), 'line 1: $.case.validators: '],
    ['a validator name that is no string', withCase({ validators: ['a', 2, 'c'] }), 'line 1: $.case.validators[1]: '],
    ['a base validator out of range', withCase({ base_validator: 3 }), 'line 1: $.case.base_validator: '],
    ['a fractional base validator', withCase({ base_validator: 0.5 }), 'line 1: $.case.base_validator: '],
    ['zero epochs', withCase({ num_epochs: 0 }), 'line 1: $.case.num_epochs: '],
    ['stakes of the wrong length', withCase({ stakes: [[1, 1, 1]] }), 'line 1: $.case.stakes: '],
    ['a stake row of the wrong length', withCase({ stakes: [[1, 1, 1], [1, 1]] }), 'line 1: $.case.stakes[1]: '],
    ['a negative stake', withCase({ stakes: [[1, 1, 1], [1, -1, 1]] }), 'line 1: $.case.stakes[1][1]: must be a finite number >= 0'],
    ['stakes summing to 0', withCase({ stakes: [[1, 1, 1], [0, 0, 0]] }), 'line 1: $.case.stakes[1]: '],
    ['a weight matrix of the wrong height', withCase({ weights: [CASE.weights[0], [[1, 0]]] }), 'line 1: $.case.weights[1]: '],
    ['a weight row of the wrong width', withCase({ weights: [CASE.weights[0], [[1, 0], [1], [0, 1]]] }), 'line 1: $.case.weights[1][1]: '],
    ['a negative weight', withCase({ weights: [CASE.weights[0], [[1, 0], [0, -0.5], [0, 1]]] }), 'line 1: $.case.weights[1][1][1]: must be a finite number >= 0'],
    ['a weight as a string', withCase({ weights: [[['1', 0], [0, 1], [0, 1]], CASE.weights[1]] }), 'line 1: $.case.weights[0][0][0]: '],
    ['a reset server out of range', withCase({ reset_bonds: { server_index: 2, epoch: 1 } }), 'line 1: $.case.reset_bonds.server_index: '],
    ['a negative reset epoch', withCase({ reset_bonds: { server_index: 0, epoch: -1 } }), 'line 1: $.case.reset_bonds.epoch: '],
    ['a reset that is no object', withCase({ reset_bonds: 3 }), 'line 1: $.case.reset_bonds: '],
    ['winner_takes_all as 1', withCase({ winner_takes_all: 1 }), 'line 1: $.case.winner_takes_all: '],
    ['a config that is no object', line({ config: null }), 'line 1: $.config: '],
    ['an unknown config key', withConfig({ bond_pennalty: 0.5 }), 'line 1: $.config.bond_pennalty: unknown config key'],
    ['kappa above 1', withConfig({ kappa: 2 }), 'line 1: $.config.kappa: '],
    ['a boolean written as 1', withConfig({ liquid_alpha: 1 }), 'line 1: $.config.liquid_alpha: '],
    ['a lower-case consensus mode', withConfig({ liquid_alpha_consensus_mode: 'current' }), 'line 1: $.config.liquid_alpha_consensus_mode: '],
    ['a zero total_subnet_stake', withConfig({ total_subnet_stake: 0 }), 'line 1: $.config.total_subnet_stake: '],
    ['a negative emission', withConfig({ total_epoch_emission: -1 }), 'line 1: $.config.total_epoch_emission: '],
    ['a fractional consensus_precision', withConfig({ consensus_precision: 0.5 }), 'line 1: $.config.consensus_precision: '],
    ['a string alpha_tao_ratio', withConfig({ alpha_tao_ratio: 'x' }), 'line 1: $.config.alpha_tao_ratio: '],
    ['effective weights in the package', withConfig({ liquid_alpha_effective_weights: true }, 'package'), 'line 1: $.config.liquid_alpha_effective_weights: '],
  ])('reports %s at its path', (_what, text, prefix) => {
    const message = error(text);
    expect(message.startsWith(prefix), message).toBe(true);
    expect(message).not.toMatch(/\n/);
  });

  it('rejects numbers that overflow float64 (1e400) as not finite', () => {
    const text = line({}).replace('"weights":[[[1,0]', '"weights":[[[1e400,0]');
    expect(error(text)).toMatch(/^line 1: \$\.case\.weights\[0\]\[0\]\[0\]: must be a finite number >= 0, got number 1e400$/);
  });

  it('reports the first failure in the order of format §6 (top-level keys before the case, the case before the config)', () => {
    expect(error(line({ extra: 1, flavour: 'pkg' }))).toMatch(/^line 1: \$\.extra: /);
    expect(error(line({ flavour: 'pkg', version: 'YUMA4' }))).toMatch(/^line 1: \$\.flavour: /);
    expect(error(line({ id: 1, case: [] }))).toMatch(/^line 1: \$\.id: /);
    expect(error(line({ case: { ...CASE, num_epochs: 0 }, config: { kappa: 2 } }))).toMatch(/^line 1: \$\.case\.num_epochs: /);
  });
});

describe(parseJobsText, () => {
  it('skips blank lines but counts them in line numbers, accepts CRLF, and reports the first invalid line', () => {
    const good = line({});
    expect(parseJobsText(`\n${good}\r\n  \t\n${good}\n`).map((j) => j.line)).toEqual([2, 4]);
    expect(error(`${good}\n\n${withConfig({ kappa: -1 })}\n${line({ id: 1 })}`)).toMatch(/^line 3: \$\.config\.kappa: /);
  });

  it('returns no jobs for an empty file or one of blank lines', () => {
    expect(parseJobsText('')).toEqual([]);
    expect(parseJobsText('\n   \n\t\r\n')).toEqual([]);
  });
});
