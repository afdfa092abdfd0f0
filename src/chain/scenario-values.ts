// Value readers of yuma-chain/1: names, decimal fractions, and every parameter by its kind
// (hyperparams.ts). Each returns the model value or throws TraceError(path, fault). Pure.
import type { JsonObject, JsonValue } from '../model/json-parse.ts';
import { InexactNumber } from '../model/json-parse.ts';
import { TraceError, keyPath, quote } from '../model/trace-error.ts';
import { describe, optional, readBool, readInt, readObject, readU16, readU64 } from '../model/trace-fields.ts';
import { DEFAULT_CHAIN_PARAMS, U64_MAX } from './defaults.ts';
import { ROOT_PARAMETERS, SUBNET_HYPERPARAMETERS, type HyperparameterValue, type ValueKind } from './hyperparams.ts';
import type { ChainParams, SubnetHyperparameters } from './state.ts';

const NAME = /^[A-Za-z0-9_.:-]{1,64}$/;
const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/** An account name (coldkey or hotkey): 1–64 of A–Z a–z 0–9 _ . : - */
export function readName(v: JsonValue | undefined, path: string): string {
  if (typeof v !== 'string' || !NAME.test(v)) throw new TraceError(path, `expected a name (1–64 of A-Z a-z 0-9 _ . : -), got ${describe(v)}`);
  return v;
}

/** A string field with a default. */
export function readText(obj: JsonObject, key: string, path: string, fallback: string): string {
  const v = optional(obj, key);
  if (v === undefined) return fallback;
  if (typeof v !== 'string') throw new TraceError(keyPath(path, key), `expected a string, got ${describe(v)}`);
  return v;
}

/**
 * A non-negative decimal given as a string ("0.18") or a JSON integer, as raw = round(value · scale)
 * (round half up, exact on the decimal digits). `max` bounds the raw value.
 */
export function readDecimal(v: JsonValue, path: string, scale: bigint, max: bigint): bigint {
  const text = typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : typeof v === 'string' ? v : null;
  const m = text === null ? null : DECIMAL.exec(text);
  if (m === null) throw new TraceError(path, `expected a non-negative decimal string like "0.25", got ${describe(v)}`);
  const frac = m[2] ?? '';
  const denominator = 10n ** BigInt(frac.length);
  const raw = (BigInt(m[1] + frac) * scale * 2n + denominator) / (2n * denominator);
  if (raw > max) throw new TraceError(path, `${quote(text!)} is too large`);
  return raw;
}

/** Raw value and max for the decimal kinds. */
const DECIMAL_KINDS: Partial<Record<ValueKind, [bigint, bigint]>> = {
  u64_fraction: [U64_MAX, U64_MAX], // TaoWeight: value / (2^64 − 1), at most 1
  raw32: [1n << 32n, U64_MAX], // I96F32 stored as 32 fractional bits
  u64f64: [1n << 64n, (1n << 128n) - 1n],
  i64f64: [1n << 64n, (1n << 127n) - 1n], // signed: the magnitude of a negative value may reach 2^127
};

/** A signed I64F64 decimal ("-2.5" or "1000"): raw = ±round(|value| · 2^64). */
export function readSignedDecimal(v: JsonValue, path: string): bigint {
  if (typeof v === 'string' && v.startsWith('-')) return -readDecimal(v.slice(1), path, 1n << 64n, 1n << 127n);
  if (typeof v === 'number' && Number.isSafeInteger(v) && v < 0) return -readDecimal(-v, path, 1n << 64n, 1n << 127n);
  return readDecimal(v, path, 1n << 64n, (1n << 127n) - 1n);
}

/** A parameter value of `kind` from JSON. */
export function readValue(kind: ValueKind, v: JsonValue, path: string): HyperparameterValue {
  switch (kind) {
    case 'u16': return readU16(v, path);
    case 'u32': return readInt(v, path, 0, 0xffffffff, 'u32');
    case 'i16': return readInt(v, path, -32768, 32767, 'i16');
    case 'u64': return readU64(v, path);
    case 'bool': return readBool(v, path);
    case 'recycle_or_burn':
      if (v !== 'recycle' && v !== 'burn') throw new TraceError(path, `expected "burn" or "recycle", got ${describe(v)}`);
      return v;
    case 'alpha_values': {
      if (!Array.isArray(v) || v.length !== 2) throw new TraceError(path, `expected [alpha_low, alpha_high], got ${describe(v)}`);
      return [readU16(v[0], `${path}[0]`), readU16(v[1], `${path}[1]`)];
    }
    default: {
      const [scale, max] = DECIMAL_KINDS[kind]!;
      if (v instanceof InexactNumber) throw new TraceError(path, `write ${v.text} as a decimal string ("${v.text}")`);
      return kind === 'i64f64' ? readSignedDecimal(v, path) : readDecimal(v, path, scale, max);
    }
  }
}

/** Chain parameters not settable by root at runtime but fixed per scenario. */
const SCENARIO_ONLY_PARAMS: Record<string, { kind: ValueKind; field: keyof ChainParams }> = {
  min_stake: { kind: 'u64', field: 'minStake' },
  weights_version_key_rate_limit: { kind: 'u16', field: 'weightsVersionKeyRateLimit' },
  network_lock_reduction_interval: { kind: 'u64', field: 'networkLockReductionInterval' },
  tx_delegate_take_rate_limit: { kind: 'u64', field: 'txDelegateTakeRateLimit' },
};

/** Every chain parameter key of a scenario's `params`, with its kind and field. */
export const PARAM_KEYS = { ...ROOT_PARAMETERS, ...SCENARIO_ONLY_PARAMS };

/** `params`: DEFAULT_CHAIN_PARAMS with the given keys replaced; unknown keys are an error. */
export function readParams(v: JsonValue | undefined, path: string): ChainParams {
  const out: ChainParams = { ...DEFAULT_CHAIN_PARAMS };
  if (v === undefined) return out;
  const obj = readObject(v, path);
  for (const key of Object.keys(obj)) {
    const spec = PARAM_KEYS[key];
    if (spec === undefined) throw new TraceError(keyPath(path, key), `unknown chain parameter ${quote(key)}`);
    (out as unknown as Record<string, HyperparameterValue>)[spec.field] = readValue(spec.kind, obj[key], keyPath(path, key));
  }
  return out;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The hyperparameter keys a scenario may set on a subnet (subnet_emission_enabled is a subnet field instead). */
export const HYPERPARAMETER_KEYS = Object.keys(SUBNET_HYPERPARAMETERS).filter((k) => k !== 'subnet_emission_enabled');

/** Writes one hyperparameter value into `hp` under its model field. */
export function assignHyperparameter(hp: SubnetHyperparameters, name: string, value: HyperparameterValue): void {
  if (name === 'alpha_values') [hp.alphaLow, hp.alphaHigh] = value as [number, number];
  else if (name === 'commit_reveal_weights_enabled') hp.commitRevealEnabled = value as boolean;
  else (hp as unknown as Record<string, HyperparameterValue>)[camel(name)] = value;
}

/** A subnet's `hyperparameters`: defaults with the given keys replaced. */
export function readHyperparameterObject(v: JsonValue | undefined, path: string, defaults: SubnetHyperparameters): SubnetHyperparameters {
  const hp = { ...defaults };
  if (v === undefined) return hp;
  const obj = readObject(v, path);
  for (const key of Object.keys(obj)) {
    if (!HYPERPARAMETER_KEYS.includes(key)) throw new TraceError(keyPath(path, key), `unknown hyperparameter ${quote(key)}`);
    assignHyperparameter(hp, key, readValue(SUBNET_HYPERPARAMETERS[key].kind, obj[key], keyPath(path, key)));
  }
  return hp;
}
