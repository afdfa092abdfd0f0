// Validates the `config` object of a job (format §5.1, §6) into a full SimConfig (defaults filled in).
// Pure; throws TraceError at `$.config.KEY`. Unknown keys are invalid, so a typo never passes silently.
import type { JsonValue } from '../model/json-parse.ts';
import { TraceError, keyPath } from '../model/trace-error.ts';
import { readBool, readObject } from '../model/trace-fields.ts';
import { readEnum, readIntegerAtLeast, readNumberIn, readNumberOrNull } from './json-read.ts';
import { CONSENSUS_MODES, DEFAULT_SIM_CONFIG, type SimConfig, type SimFlavour } from './sim-case.ts';

type Reader = (v: JsonValue, path: string) => SimConfig[keyof SimConfig];

const unit: Reader = (v, p) => readNumberIn(v, p, 0, 1, 'a number in 0..1');
const nonNegative: Reader = (v, p) => readNumberIn(v, p, 0, Infinity, 'a finite number >= 0');

/** How each key is read: its type and range as the format's table gives them. */
const READERS: { [K in keyof SimConfig]: Reader } = {
  kappa: unit,
  bond_penalty: unit,
  bond_moving_avg: unit,
  liquid_alpha: readBool,
  alpha_low: unit,
  alpha_high: unit,
  alpha_sigmoid_steepness: (v, p) => readNumberIn(v, p, -Infinity, Infinity, 'a finite number'),
  liquid_alpha_consensus_mode: (v, p) => readEnum(v, p, CONSENSUS_MODES),
  liquid_alpha_effective_weights: readBool,
  decay_rate: unit,
  capacity_alpha: unit,
  reset_bonds: readBool,
  winner_takes_all: readBool,
  total_epoch_emission: nonNegative,
  validator_emission_ratio: nonNegative,
  total_subnet_stake: (v, p) => readNumberIn(v, p, 0, Infinity, 'a finite number > 0', true),
  consensus_precision: (v, p) => readIntegerAtLeast(v, p, 1),
  alpha_tao_ratio: readNumberOrNull,
  override_consensus_high: readNumberOrNull,
  override_consensus_low: readNumberOrNull,
};

/** Reads the config at `path` for a job of `flavour`; keys are checked in document order, then the flavour rule. */
export function readSimConfig(v: JsonValue, path: string, flavour: SimFlavour): SimConfig {
  const obj = readObject(v, path);
  const config: Record<string, unknown> = { ...DEFAULT_SIM_CONFIG };
  for (const key of Object.keys(obj)) {
    const p = keyPath(path, key);
    if (!Object.hasOwn(READERS, key)) throw new TraceError(p, 'unknown config key');
    config[key] = READERS[key as keyof SimConfig](obj[key], p);
  }
  const result = config as unknown as SimConfig;
  if (result.liquid_alpha_effective_weights && flavour === 'package') {
    throw new TraceError(keyPath(path, 'liquid_alpha_effective_weights'), 'true needs flavour "interactive" (the package has no effective-weights liquid alpha)');
  }
  return result;
}
