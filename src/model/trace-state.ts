// The subnet state a trace replay walks through, and the effect of each non-epoch step on it (yuma-trace/1 "Steps").
// Pure. Rows are replaced, never edited in place, and the engine only ever sees copies (epochInput).
import type { EpochEngine, EpochInput, EpochOutput, SparseRowU16 } from './epoch.ts';
import type { Trace, TraceStep } from './trace.ts';

/** Everything an epoch reads at the current block, apart from the emission it distributes. */
export type SubnetState = Omit<EpochInput, 'raoEmission'>;

const copyRows = (rows: SparseRowU16[]): SparseRowU16[] => rows.map((row) => row.map(([j, v]) => [j, v]));

/** A deep copy: no array or row is shared with `s`. */
function copyState(s: SubnetState): SubnetState {
  return {
    ...s,
    hyperparameters: { ...s.hyperparameters },
    alphaStake: [...s.alphaStake],
    taoStake: [...s.taoStake],
    blockAtRegistration: [...s.blockAtRegistration],
    lastUpdate: [...s.lastUpdate],
    validatorPermit: [...s.validatorPermit],
    weights: copyRows(s.weights),
    bonds: copyRows(s.bonds),
    commitBlock: [...s.commitBlock],
  };
}

/** The state before the first step: the trace's starting values, copied; no uid has a commit block. */
export function initialState(trace: Trace): SubnetState {
  const { name: _name, startBlock, steps: _steps, ...start } = trace;
  return copyState({ ...start, block: startBlock, commitBlock: new Array(trace.n).fill(null) });
}

/** The epoch's input at the current block: a deep copy, so nothing the engine does can reach `state`. */
export function epochInput(state: SubnetState, raoEmission: bigint): EpochInput {
  return { ...copyState(state), raoEmission };
}

/** Persists what an epoch writes and a later epoch reads: bonds and validator permits (copied). Mutates `state`. */
export function persistEpoch(state: SubnetState, output: EpochOutput): void {
  state.bonds = copyRows(output.bonds);
  state.validatorPermit = [...output.newValidatorPermit];
}

/** Applies one non-epoch step at `state.block` (the caller has already moved the block). Mutates `state`. */
export function applyStep(state: SubnetState, step: Exclude<TraceStep, { op: 'epoch' }>, engine: EpochEngine): void {
  switch (step.op) {
    case 'set_weights': {
      // Stored as subtensor stores a submission (spec §11.1), by the engine under test.
      const stored = engine.maxUpscaleU16([...step.values]);
      if (stored.length !== step.values.length) throw new Error(`engine ${engine.name}: maxUpscaleU16 changed the length`);
      state.weights[step.uid] = step.uids.map((j, k) => [j, stored[k]]);
      state.lastUpdate[step.uid] = state.block;
      return;
    }
    case 'set_weights_raw':
      state.weights[step.uid] = step.row.map(([j, v]) => [j, v]);
      return;
    case 'set_stake':
      state.alphaStake[step.uid] = step.alphaStake;
      if (step.taoStake !== null) state.taoStake[step.uid] = step.taoStake;
      return;
    case 'set_hyperparameter':
      state.hyperparameters = { ...state.hyperparameters, ...step.values };
      return;
    case 'set_last_update':
      state.lastUpdate[step.uid] = step.value;
      return;
    case 'set_last_mechanism_step_block':
      state.lastMechanismStepBlock = step.value;
      return;
    case 'set_commit_block':
      state.commitBlock[step.uid] = step.value;
      return;
    case 'replace_neuron':
      replaceNeuron(state, step.uid, step.newAlphaStake);
      return;
    case 'reset_bonds':
      state.bonds = state.bonds.map((row) => (row.some(([j]) => j === step.uid) ? row.filter(([j]) => j !== step.uid) : row));
      return;
  }
}

/** Re-registration at the current block (spec §7 "Replace"). Bonds pointing at `uid` stay; the epoch masks them. */
function replaceNeuron(state: SubnetState, uid: number, newAlphaStake: bigint): void {
  state.blockAtRegistration[uid] = state.block;
  state.lastUpdate[uid] = state.block;
  state.validatorPermit[uid] = false;
  state.bonds[uid] = [];
  state.weights[uid] = [];
  // Every weight entry pointing at the uid is set to 0; the entry itself is kept.
  state.weights = state.weights.map((row) => (row.some(([j]) => j === uid) ? row.map(([j, v]) => [j, j === uid ? 0 : v]) : row));
  state.alphaStake[uid] = newAlphaStake;
  state.taoStake[uid] = 0n;
  state.commitBlock[uid] = null;
}
