// The chain simulator's public surface: scenario in, state machine, reports, checks. Pure TS plus the
// ChainMath contract; the WASM wrappers are imported separately (wasm-chain-math.ts, node-math.ts).
export { createChain } from './create.ts';
export { stepBlock, type BlockReport, type ActionReport } from './block.ts';
export { applyAction, type ChainAction, type ScheduledAction } from './actions.ts';
export { runScenario, actionsAt, startChain } from './run.ts';
export { stateHash } from './hash.ts';
export { snapshot, restore } from './snapshot.ts';
export { holdingErrors, flowErrors, totals, type Totals } from './conservation.ts';
export { parseScenario, parseScenarioBytes, CHAIN_FORMAT, type Scenario } from './scenario.ts';
export { writeScenario } from './scenario-write.ts';
export { SIMPLIFICATIONS, type Simplification } from './simplifications.ts';
export { CHAIN_ERRORS, type ChainError, type ActionResult } from './errors.ts';
export type { ChainState, ChainEngines, SubnetState, NeuronState, ChainParams, ChainRules, SubnetHyperparameters } from './state.ts';
export type { ChainMath } from './math.ts';
