// A saved chain's timeline as one yuma-chain/1 scenario: the starting scenario with the user's logged actions merged
// into `actions` at the blocks they were applied, and `blocks` up to a given block. Pure. Running the result (runScenario,
// the CLI, a new saved chain) computes the same states, because it keeps the order the chain view's session uses
// (src/engine/chain-run.ts): at every block the scenario's own actions first, then the logged ones in log order.
import type { ScheduledAction } from './actions.ts';
import type { Scenario } from './scenario.ts';

/** Most blocks a yuma-chain/1 document may ask the runner to step (the reader's limit for `blocks`). */
export const MAX_SCENARIO_BLOCKS = 10_000_000;

/**
 * `scenario` with `log` (the user's actions, ordered by block then log order) merged into its actions and `blocks` =
 * `block` − start block. Throws a plain Error when `block` is before the start or more than MAX_SCENARIO_BLOCKS after it.
 */
export function scenarioWithLog(scenario: Scenario, log: readonly ScheduledAction[], block: bigint): Scenario {
  const blocks = block - scenario.startBlock;
  if (blocks < 0n || blocks > BigInt(MAX_SCENARIO_BLOCKS)) {
    throw new Error(`Block ${block} is ${blocks < 0n ? 'before the start block' : `more than ${MAX_SCENARIO_BLOCKS.toLocaleString('en')} blocks after the start`}: a yuma-chain/1 file cannot describe it.`);
  }
  const script = scenario.actions;
  const actions: ScheduledAction[] = [];
  let i = 0;
  for (const entry of log) {
    while (i < script.length && script[i].block <= entry.block) actions.push(script[i++]);
    actions.push({ block: entry.block, action: entry.action });
  }
  while (i < script.length) actions.push(script[i++]);
  return { ...scenario, actions, blocks: Number(blocks) };
}
