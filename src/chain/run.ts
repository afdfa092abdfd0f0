// Runs a scenario for a number of blocks: createChain, then stepBlock with each block's scheduled
// actions. Used by the headless runner, the tests and the benchmark; the worker steps blocks itself.
import type { ScheduledAction, ChainAction } from './actions.ts';
import { stepBlock, type BlockReport } from './block.ts';
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

/** Creates the chain and steps it; returns the final state. */
export function runScenario(scenario: Scenario, engines: ChainEngines, options: RunOptions = {}): ChainState {
  const state = createChain(scenario);
  const blocks = options.blocks ?? scenario.blocks;
  let next = 0;
  for (let k = 0; k < blocks; k++) {
    const [actions, after] = actionsAt(scenario.actions, next, state.block + 1n);
    next = after;
    const report = stepBlock(state, engines, actions);
    options.onBlock?.(report, state);
  }
  return state;
}
