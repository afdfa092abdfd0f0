// Sweeps: one parameter varied over a range, one validator's total dividends at each point, for the chain-exact
// engine (or its twin) on a yuma-trace subnet, or for any version on a yuma-sim case. Pure apart from the engines;
// between points it yields to the event loop and checks a cancel token, so a worker can stop it.
import { DEFAULT_HYPERPARAMETERS, type EpochEngine, type Hyperparameters } from '../model/epoch.ts';
import { replayTrace } from '../model/replay.ts';
import type { Trace } from '../model/trace.ts';
import type { SimConfig } from '../variants/sim-case.ts';
import type { CancelToken, SweepParameter, SweepProgress, SweepRequest, SweepResult } from './sweep-types.ts';
import { runVersion, type CompareEngines } from './versions.ts';

export { SWEEP_PARAMETERS } from './sweep-types.ts';
export type { CancelToken, SweepParameter, SweepPoint, SweepProgress, SweepRequest, SweepResult, SweepTarget } from './sweep-types.ts';

/** `points` values evenly spaced over [from, to], both ends included. */
export function sweepValues(from: number, to: number, points: number): number[] {
  if (!Number.isInteger(points) || points < 2 || points > 500) throw new Error(`a sweep has 2 to 500 points, not ${points}`);
  if (!Number.isFinite(from) || !Number.isFinite(to) || from < 0 || to > 1 || from > 1 || to < 0) throw new Error('a sweep range lies within 0..1');
  return Array.from({ length: points }, (_, k) => (k === points - 1 ? to : from + ((to - from) * k) / (points - 1)));
}

const U16 = (x: number) => Math.min(65535, Math.max(0, Math.round(x * 65535)));
const CHAIN_KEYS = { kappa: 'kappa', bonds_penalty: 'bondsPenalty', bonds_moving_average: 'bondsMovingAverage', alpha_low: 'alphaLow', alpha_high: 'alphaHigh' } as const;
const CONFIG_KEYS = { kappa: 'kappa', bonds_penalty: 'bond_penalty', bonds_moving_average: 'bond_moving_avg', alpha_low: 'alpha_low', alpha_high: 'alpha_high' } as const;

/** The chain hyperparameter value of `x`: u16 proportions for kappa, bonds penalty and the alphas; bma = round(x·1e6). */
export function chainValue(parameter: SweepParameter, x: number): Partial<Hyperparameters> {
  const key = CHAIN_KEYS[parameter];
  return key === 'bondsMovingAverage' ? { bondsMovingAverage: BigInt(Math.round(x * 1e6)) } : { [key]: U16(x) };
}

/** A trace whose starting hyperparameters carry the swept value (a later set_hyperparameter step of the same key still wins). */
export function withHyperparameter(trace: Trace, parameter: SweepParameter, x: number): Trace {
  return { ...trace, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, ...trace.hyperparameters, ...chainValue(parameter, x) } };
}

/** A config with the swept value (config keys of yuma-sim-case §5.1). */
export function withConfig(config: SimConfig, parameter: SweepParameter, x: number): SimConfig {
  return { ...config, [CONFIG_KEYS[parameter]]: x };
}

/**
 * The engine with set_weights storage memoised: every point of a sweep replays the same submissions, and how
 * the chain stores a submission does not depend on any swept parameter (spec §11.1), so each row is upscaled once.
 */
export function withStoredWeightsCache(engine: EpochEngine): EpochEngine {
  // Keyed by an FNV-1a hash of the values; each bucket checks the values themselves, so a collision costs a call, never a wrong row.
  const stored = new Map<number, { values: number[]; out: number[] }[]>();
  return {
    name: engine.name,
    runEpoch: (input, options) => engine.runEpoch(input, options),
    maxUpscaleU16(values) {
      let h = 0x811c9dc5 ^ values.length;
      for (const v of values) h = Math.imul(h ^ v, 0x01000193);
      const bucket = stored.get(h) ?? [];
      let hit = bucket.find((b) => b.values.length === values.length && b.values.every((v, k) => v === values[k]));
      if (!hit) {
        hit = { values: [...values], out: engine.maxUpscaleU16(values) };
        bucket.push(hit);
        stored.set(h, bucket);
      }
      return [...hit.out];
    },
  };
}

/** The validator's total at one parameter value; `engine` overrides the target's (e.g. a cached one). */
export function sweepPoint(request: SweepRequest, x: number, engines: CompareEngines, engine?: EpochEngine): number {
  const { target, parameter, validator } = request;
  if (target.kind === 'trace') {
    engine ??= target.engine === 'exact' ? engines.exact : engines.twin;
    const run = replayTrace(withHyperparameter(target.trace, parameter, x), engine);
    return run.epochs.reduce((t, { output }) => t + Number(output.validatorEmission[validator]), 0);
  }
  const version = { ...target.version, config: withConfig(target.version.config, parameter, x) };
  return runVersion(target.simCase, version, engines).totals[validator];
}

/**
 * Lets queued messages (a cancel) run: a MessageChannel round trip, a macrotask without the 4 ms clamp that nested
 * setTimeout(0) gets in browsers and workers; setTimeout where MessageChannel is missing.
 */
function yieldToEvents(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });
}

/**
 * Runs the sweep point by point. After each point it reports progress, yields to the event loop (so a
 * cancel message can arrive) and stops with `cancelled: true` when the token is aborted.
 */
export async function runSweep(
  request: SweepRequest, engines: CompareEngines,
  options: { onProgress?: (p: SweepProgress) => void; token?: CancelToken } = {},
): Promise<SweepResult> {
  const values = sweepValues(request.from, request.to, request.points);
  const n = request.target.kind === 'trace' ? request.target.trace.n : request.target.simCase.validators.length;
  if (!Number.isInteger(request.validator) || request.validator < 0 || request.validator >= n) throw new Error(`validator ${request.validator} out of range (0..${n - 1})`);
  const result: SweepResult = {
    parameter: request.parameter, validator: request.validator, unit: request.target.kind === 'trace' ? 'rao' : 'per 1000 TAO', points: [], cancelled: false,
  };
  const { target } = request;
  const engine = target.kind === 'trace' ? withStoredWeightsCache(target.engine === 'exact' ? engines.exact : engines.twin) : undefined;
  for (const value of values) {
    if (options.token?.aborted) { result.cancelled = true; break; }
    const point = { value, total: sweepPoint(request, value, engines, engine) };
    result.points.push(point);
    options.onProgress?.({ done: result.points.length, total: values.length, last: point });
    await yieldToEvents();
  }
  return result;
}
