// The `hyperparameters` object of yuma-trace/1: its snake_case keys, their types, and how they map onto Hyperparameters.
// Pure. Unknown keys are an error here (unlike everywhere else in a trace), so a typo never silently keeps a default.
import type { Hyperparameters } from './epoch.ts';
import type { JsonValue } from './json-parse.ts';
import { TraceError, keyPath } from './trace-error.ts';
import { readBool, readInt, readObject, readU16, readU64 } from './trace-fields.ts';

type Reader = (v: JsonValue, path: string) => number | bigint | boolean;

const u32: Reader = (v, p) => readInt(v, p, 0, 0xffffffff, 'u32');
const i16: Reader = (v, p) => readInt(v, p, -32768, 32767, 'i16');

/** Trace key → [model field, reader], in the order of the format's table. */
const KEYS: Record<string, [keyof Hyperparameters, Reader]> = {
  kappa: ['kappa', readU16],
  bonds_penalty: ['bondsPenalty', readU16],
  bonds_moving_average: ['bondsMovingAverage', readU64],
  tempo: ['tempo', readU16],
  activity_cutoff_factor_milli: ['activityCutoffFactorMilli', u32],
  max_allowed_validators: ['maxAllowedValidators', readU16],
  commit_reveal_enabled: ['commitRevealEnabled', readBool],
  yuma3_enabled: ['yuma3Enabled', readBool],
  liquid_alpha_enabled: ['liquidAlphaEnabled', readBool],
  alpha_low: ['alphaLow', readU16],
  alpha_high: ['alphaHigh', readU16],
  alpha_sigmoid_steepness: ['alphaSigmoidSteepness', i16],
  stake_threshold: ['stakeThreshold', readU64],
  legacy: ['legacy', readBool],
};

/** Reads an object of hyperparameter keys (every key optional) into the fields it sets. */
export function readHyperparameters(v: JsonValue, path: string): Partial<Hyperparameters> {
  const obj = readObject(v, path);
  const out: Partial<Record<keyof Hyperparameters, unknown>> = {};
  for (const key of Object.keys(obj)) {
    if (!Object.hasOwn(KEYS, key)) throw new TraceError(keyPath(path, key), 'unknown hyperparameter');
    const [field, read] = KEYS[key];
    out[field] = read(obj[key], keyPath(path, key));
  }
  return out as Partial<Hyperparameters>;
}
