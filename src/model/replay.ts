// Replays a validated trace (trace.ts) against an epoch engine, step by step, and collects every epoch's output.
// Pure apart from the engine it is given; the engine never sees the replay's own state (trace-state.ts copies it).
import type { EpochEngine, EpochOutput } from './epoch.ts';
import type { Trace } from './trace.ts';
import { applyStep, epochInput, initialState, persistEpoch } from './trace-state.ts';

export { toResultJson } from './trace-result.ts';

/** One `epoch` step's outcome. */
export interface TraceEpoch {
  /** Block the epoch ran at. */
  block: bigint;
  output: EpochOutput;
}

/** The outcome of a replay: one TraceEpoch per `epoch` step, in order. */
export interface TraceResult {
  name: string;
  n: number;
  epochs: TraceEpoch[];
}

/**
 * Applies `trace.steps` in order (yuma-trace/1 "Steps"); each epoch's bonds and permits are persisted before the next
 * step. Deterministic: the same trace and engine give the same result, and `trace` is not modified. Throws a plain
 * Error (never TraceError) when the engine misbehaves, e.g. returns vectors of the wrong length.
 */
export function replayTrace(trace: Trace, engine: EpochEngine, options: { intermediates?: boolean } = {}): TraceResult {
  const state = initialState(trace);
  const epochs: TraceEpoch[] = [];
  for (const step of trace.steps) {
    if (step.block !== null) state.block = step.block;
    if (step.op !== 'epoch') {
      applyStep(state, step, engine);
      continue;
    }
    const output = engine.runEpoch(epochInput(state, step.raoEmission), { intermediates: options.intermediates === true });
    checkOutput(output, trace.n, engine.name);
    persistEpoch(state, output);
    epochs.push({ block: state.block, output });
  }
  return { name: trace.name, n: trace.n, epochs };
}

const VECTORS = [
  'emission',
  'serverEmission',
  'validatorEmission',
  'incentive',
  'dividends',
  'consensus',
  'validatorTrust',
  'stakeWeight',
  'active',
  'newValidatorPermit',
  'bonds',
] as const;

function checkOutput(output: EpochOutput, n: number, engineName: string): void {
  for (const key of VECTORS) {
    const v = output[key];
    if (!Array.isArray(v) || v.length !== n) {
      throw new Error(`engine ${engineName}: output.${key} has length ${Array.isArray(v) ? v.length : 'none'}, expected n = ${n}`);
    }
  }
}
