// Runs a scenario for a number of blocks: createChain and the actions at the start block, then stepBlock with each
// block's scheduled actions. Used by the headless runner, the tests and the benchmark; the worker steps blocks itself.
import { applyAction, type ScheduledAction, type ChainAction } from './actions.ts';
import { stepBlock, type ActionReport, type BlockReport } from './block.ts';
import { createChain } from './create.ts';
import type { Scenario } from './scenario.ts';
import type { ChainEngines, ChainState } from './state.ts';

export interface RunOptions {
  /** Blocks to step (default: the scenario's `blocks`). */
  blocks?: number;
  /** Called after every block with the live state (must not keep references it later reads as stable). */
  onBlock?: (report: BlockReport, state: ChainState) => void;
}

/** The actions scheduled at `block`, in order, from a block-sorted list starting at `from`; returns them and the next index. */
export function actionsAt(actions: readonly ScheduledAction[], from: number, block: bigint): [ChainAction[], number] {
  const out: ChainAction[] = [];
  let i = from;
  while (i < actions.length && actions[i].block < block) i++;
  while (i < actions.length && actions[i].block === block) out.push(actions[i++].action);
  return [out, i];
}

/**
 * The chain at the start block with the scenario's actions scheduled at that block applied, in order (they act on the
 * starting state, as an action applied before the first step would). Returns the state, the index of the first
 * scheduled action after the start block, and what each start action did.
 */
export function startChain(scenario: Scenario, engines: ChainEngines): { state: ChainState; next: number; actions: ActionReport[] } {
  const state = createChain(scenario);
  const [start, next] = actionsAt(scenario.actions, 0, state.block);
  const actions = start.map((action, index): ActionReport => {
    const result = applyAction(state, engines, action);
    return { index, op: action.op, ok: result.ok, error: result.ok ? null : result.error };
  });
  return { state, next, actions };
}

/** Creates the chain and steps it; returns the final state. */
export function runScenario(scenario: Scenario, engines: ChainEngines, options: RunOptions = {}): ChainState {
  const { state, next: first } = startChain(scenario, engines);
  const blocks = options.blocks ?? scenario.blocks;
  let next = first;
  for (let k = 0; k < blocks; k++) {
    const [actions, after] = actionsAt(scenario.actions, next, state.block + 1n);
    next = after;
    const report = stepBlock(state, engines, actions);
    options.onBlock?.(report, state);
  }
  return state;
}
