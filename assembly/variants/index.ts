// The research variants' exports (yuma-simulation, float64), re-exported by assembly/index.ts. The host
// (src/variants/wasm-variants.ts) calls simPrepare, writes params/stakes/weights through simInputPtr,
// calls simRun, then reads results through simOutputPtr. Pointers stay valid until the next simPrepare;
// the host must re-read `memory.buffer` after it (allocation may grow memory). Layout: ./layout.ts.

import { InputId, OutputId } from './layout';
import { SimBuffers } from './io';
import { simulate } from './simulate';

let buffers = new SimBuffers(0, 0, 0);

/** Allocates fresh buffers for a case of V validators, S servers and E epochs (each ≥ 1). */
export function simPrepare(validators: i32, servers: i32, epochs: i32): void {
  buffers = new SimBuffers(validators, servers, epochs);
}

/** Address of an input buffer by InputId: params f64[ParamId.Count], stakes f64[E·V], weights f64[E·V·S]. */
export function simInputPtr(id: i32): usize {
  switch (id) {
    case InputId.Params: return changetype<usize>(buffers.params);
    case InputId.Stakes: return changetype<usize>(buffers.stakes);
    case InputId.Weights: return changetype<usize>(buffers.weights);
    default: return 0;
  }
}

/** Runs the prepared case. Inputs must satisfy yuma-sim-case/1 (the host validates); outputs are then finite unless a reporting product overflows f64. */
export function simRun(): void {
  simulate(buffers);
}

/** Address of an output buffer by OutputId (all f64 except Degenerate, u8[E]). */
export function simOutputPtr(id: i32): usize {
  switch (id) {
    case OutputId.DividendsNormalized: return changetype<usize>(buffers.dividendsNormalized);
    case OutputId.DividendsPer1000Tao: return changetype<usize>(buffers.dividendsPer1000Tao);
    case OutputId.RelativeDividends: return changetype<usize>(buffers.relativeDividends);
    case OutputId.ServerIncentive: return changetype<usize>(buffers.serverIncentive);
    case OutputId.ServerConsensus: return changetype<usize>(buffers.serverConsensus);
    case OutputId.Bonds: return changetype<usize>(buffers.bonds);
    case OutputId.TotalDividends: return changetype<usize>(buffers.totalDividends);
    case OutputId.PctVsBase: return changetype<usize>(buffers.pctVsBase);
    case OutputId.Degenerate: return changetype<usize>(buffers.degenerate);
    default: return 0;
  }
}
