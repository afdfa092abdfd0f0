// The research-variant runner backed by the AssemblyScript core (assembly/variants/): writes a validated
// SimJob into the module's linear memory, runs it, reads the results back. Works in a worker and in
// node; knows nothing of the DOM. Buffer layout: assembly/variants/layout.ts (mirror: ./wasm-layout.ts).
import { instantiate } from '../generated/engine.js';
import { CONSENSUS_MODES, SIM_VERSIONS, type SimJob } from './sim-case.ts';
import type { SimResult } from './sim-result.ts';
import { SimInput, SimOutput, SimParam } from './wasm-layout.ts';

type Exports = Awaited<ReturnType<typeof instantiate>>;

/** Runs jobs synchronously in one wasm instance (not shared between threads). */
export interface VariantsEngine {
  /** Pure: the same job gives the same bits. The job must come from parseSimJob/readSimJob (validated). */
  run(job: SimJob): SimResult;
}

/** Instantiates the compiled engine module and wraps its research-variant exports. */
export async function createVariantsEngine(module: WebAssembly.Module): Promise<VariantsEngine> {
  return variantsEngineFromExports(await instantiate(module, { env: {} }));
}

/** A VariantsEngine over an existing instance (the epoch engine's exports live in the same instance). */
export function variantsEngineFromExports(ex: Exports): VariantsEngine {
  return { run: (job) => runJob(ex, job) };
}

/** The params buffer (assembly/variants/layout.ts): config with the case's overrides resolved. */
export function simParams(job: SimJob): Float64Array {
  const { config: c, simCase } = job;
  const p = new Float64Array(SimParam.Count);
  const reset = c.reset_bonds ? simCase.resetBonds : null;
  p[SimParam.Version] = SIM_VERSIONS.indexOf(job.version);
  p[SimParam.Flavour] = job.flavour === 'package' ? 0 : 1;
  p[SimParam.Kappa] = c.kappa;
  p[SimParam.BondPenalty] = c.bond_penalty;
  p[SimParam.BondMovingAvg] = c.bond_moving_avg;
  p[SimParam.LiquidAlpha] = c.liquid_alpha ? 1 : 0;
  p[SimParam.AlphaLow] = c.alpha_low;
  p[SimParam.AlphaHigh] = c.alpha_high;
  p[SimParam.Steepness] = c.alpha_sigmoid_steepness;
  p[SimParam.ConsensusMode] = CONSENSUS_MODES.indexOf(c.liquid_alpha_consensus_mode);
  p[SimParam.EffectiveWeights] = c.liquid_alpha_effective_weights ? 1 : 0;
  p[SimParam.DecayRate] = c.decay_rate;
  p[SimParam.CapacityAlpha] = c.capacity_alpha;
  p[SimParam.ResetServer] = reset ? reset.serverIndex : 0;
  // An epoch the case never reaches is "no reset"; it also keeps the value inside i32 for the wasm.
  p[SimParam.ResetEpoch] = reset && reset.epoch < simCase.numEpochs ? reset.epoch : -1;
  p[SimParam.WinnerTakesAll] = c.winner_takes_all || simCase.winnerTakesAll ? 1 : 0;
  p[SimParam.TotalEpochEmission] = c.total_epoch_emission;
  p[SimParam.ValidatorEmissionRatio] = c.validator_emission_ratio;
  p[SimParam.TotalSubnetStake] = c.total_subnet_stake;
  p[SimParam.BaseValidator] = simCase.baseValidator;
  return p;
}

function runJob(ex: Exports, job: SimJob): SimResult {
  const { simCase } = job;
  const v = simCase.validators.length;
  const s = simCase.servers.length;
  const epochs = simCase.numEpochs;
  ex.simPrepare(v, s, epochs);
  // Views are taken after simPrepare, which may grow (and so detach) memory.buffer.
  const buf = ex.memory.buffer;
  new Float64Array(buf, ex.simInputPtr(SimInput.Params), SimParam.Count).set(simParams(job));
  const stakes = new Float64Array(buf, ex.simInputPtr(SimInput.Stakes), epochs * v);
  const weights = new Float64Array(buf, ex.simInputPtr(SimInput.Weights), epochs * v * s);
  for (let e = 0; e < epochs; e++) {
    stakes.set(simCase.stakes[e], e * v);
    for (let i = 0; i < v; i++) weights.set(simCase.weights[e][i], (e * v + i) * s);
  }
  ex.simRun();
  const out = ex.memory.buffer;
  const read = (id: SimOutput, length: number) => new Float64Array(out, ex.simOutputPtr(id), length).slice();
  const degenerate = new Uint8Array(out, ex.simOutputPtr(SimOutput.Degenerate), epochs);
  const degenerateConsensusEpochs: number[] = [];
  degenerate.forEach((flag, e) => flag && degenerateConsensusEpochs.push(e));
  return {
    validators: v,
    servers: s,
    epochs,
    dividendsNormalized: read(SimOutput.DividendsNormalized, epochs * v),
    dividendsPer1000Tao: read(SimOutput.DividendsPer1000Tao, epochs * v),
    relativeDividends: read(SimOutput.RelativeDividends, epochs * v),
    serverIncentive: read(SimOutput.ServerIncentive, epochs * s),
    serverConsensus: read(SimOutput.ServerConsensus, epochs * s),
    bonds: read(SimOutput.Bonds, epochs * v * s),
    totalDividendsPer1000Tao: read(SimOutput.TotalDividends, v),
    pctVsBase: read(SimOutput.PctVsBase, v),
    degenerateConsensusEpochs,
  };
}
