// A sweep's request and result shapes and the parameters it can vary. Types and constants only, so the page can
// build a request and read a result without loading the replay code (sweep.ts runs it).
import type { Trace } from '../model/trace.ts';
import type { SimCase } from '../variants/sim-case.ts';
import type { CompareVersion } from './versions.ts';

/** Parameters a sweep can vary, each in real units 0..1 (kappa and the alphas as proportions, the EMA memory as bma / 1e6). */
export const SWEEP_PARAMETERS = ['kappa', 'bonds_penalty', 'bonds_moving_average', 'alpha_low', 'alpha_high'] as const;
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];

/** What is swept: a subnet on the chain's epoch (exact or twin), or a yuma-sim case under one version. */
export type SweepTarget =
  | { kind: 'trace'; trace: Trace; engine: 'exact' | 'float' }
  | { kind: 'case'; simCase: SimCase; version: CompareVersion };

export interface SweepRequest {
  target: SweepTarget;
  parameter: SweepParameter;
  from: number;
  to: number;
  /** Number of points, 2..500, evenly spaced from `from` to `to` inclusive. */
  points: number;
  /** uid on a trace; validator index on a case. */
  validator: number;
}

export interface SweepPoint { value: number; total: number }

export interface SweepResult {
  parameter: SweepParameter;
  validator: number;
  /** Unit of `total`: rao of validator emission summed over a trace's epochs, or dividends per 1,000 TAO on a case. */
  unit: 'rao' | 'per 1000 TAO';
  points: SweepPoint[];
  /** True when the token stopped the sweep early; `points` then holds the points done so far. */
  cancelled: boolean;
}

export interface SweepProgress { done: number; total: number; last: SweepPoint }

/** Checked between points; anything with an `aborted` flag (an AbortSignal, or a plain object the worker flips). */
export interface CancelToken { readonly aborted: boolean }
