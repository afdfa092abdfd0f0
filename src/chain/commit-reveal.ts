// Commit-reveal of weights as timelocked (v4) commits, without cryptography: the commit is stored as
// sealed plaintext and revealed automatically at the start of the block whose epoch reaches
// commit_epoch + RevealPeriodEpochs (chain.md §3.5; coinbase/reveal_commits.rs). Mutates the state.
import { MAX_UNREVEALED_COMMITS } from './defaults.ts';
import { fail, OK, type ActionResult, type ChainError } from './errors.ts';
import { currentEpochIndex, deferredThisBlock } from './schedule.ts';
import type { ChainEngines, ChainState } from './state.ts';
import { blocksSince, checkWeights, storeWeights, weightsSubnet, type WeightsCall } from './weights.ts';

export interface RevealReport {
  netuid: number;
  hotkey: string;
  commitEpoch: bigint;
  /** null: the weights were applied; else why set_weights refused them (the commit is dropped). */
  error: ChainError | null;
}

/** commit_timelocked_weights (hotkey-signed): stores the payload keyed by the current epoch (look-ahead); LastUpdate = now. */
export function commitWeights(state: ChainState, call: WeightsCall): ActionResult {
  const subnet = weightsSubnet(state, call.netuid);
  if (typeof subnet === 'string') return fail(subnet);
  if (!subnet.hp.commitRevealEnabled) return fail('CommitRevealDisabled');
  const uid = subnet.uids[call.hotkey];
  if (uid === undefined) return fail('HotKeyNotRegisteredInSubNet');
  const last = subnet.neurons[uid].lastUpdate;
  if (last !== 0n && blocksSince(state.block, last) < subnet.hp.weightsSetRateLimit) return fail('CommittingWeightsTooFast');
  const commitEpoch = currentEpochIndex(subnet, state.block, state.rules.scheduler);
  // At most MAX_UNREVEALED_COMMITS unrevealed commits per hotkey per epoch.
  let sameEpoch = 0;
  for (const c of subnet.commits) if (c.hotkey === call.hotkey && c.commitEpoch === commitEpoch) sameEpoch++;
  if (sameEpoch >= MAX_UNREVEALED_COMMITS) return fail('TooManyUnrevealedCommits');
  subnet.commits.push({
    hotkey: call.hotkey,
    commitEpoch,
    commitBlock: state.block,
    uids: [...call.uids],
    values: [...call.values],
    versionKey: call.versionKey,
  });
  subnet.neurons[uid].lastUpdate = state.block;
  return OK;
}

/**
 * Reveals, for every commit-reveal subnet not deferred by the epoch cap, the commits whose epoch is
 * current − RevealPeriodEpochs (current with look-ahead), in commit order, through the set_weights
 * checks; drops older ones.
 */
export function revealCommits(state: ChainState, engines: ChainEngines): RevealReport[] {
  const reports: RevealReport[] = [];
  // A subnet whose epoch the per-block cap defers reveals with that epoch, a block later.
  const deferred = deferredThisBlock(state.subnets, state.block, state.rules.scheduler, state.params.maxEpochsPerBlock);
  for (const subnet of state.subnets) {
    if (subnet.commits.length === 0 || deferred.has(subnet.netuid)) continue;
    const current = currentEpochIndex(subnet, state.block, state.rules.scheduler);
    const period = subnet.hp.revealPeriodEpochs;
    if (current < period) continue;
    const target = current - period;
    const keep = [];
    for (const c of subnet.commits) {
      if (c.commitEpoch > target) {
        keep.push(c);
        continue;
      }
      if (c.commitEpoch < target) continue; // expired: discarded
      const call = { hotkey: c.hotkey, netuid: subnet.netuid, uids: c.uids, values: c.values, versionKey: c.versionKey };
      const error = subnet.hp.commitRevealEnabled ? checkWeights(state, subnet, call, true) : 'CommitRevealDisabled';
      if (error === null) storeWeights(subnet, engines, call, null);
      reports.push({ netuid: subnet.netuid, hotkey: c.hotkey, commitEpoch: c.commitEpoch, error });
    }
    subnet.commits = keep;
  }
  return reports;
}
