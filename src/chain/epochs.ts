// Drain and epochs inside the coinbase (chain.md §2.7, §2.8; run_coinbase.rs `drain_pending`,
// `distribute_emissions_to_subnets`): every subnet in netuid order counts a block, due subnets under
// the per-block cap drain their buckets and consume the slot, over-cap ones are deferred one block;
// then each drained subnet runs the Yuma epoch on S + V + Rt and is distributed. Mutates the state.
import type { EpochOutput } from '../model/epoch.ts';
import { distributeEmission, type Distribution } from './distribute.ts';
import { buildEpochInput } from './epoch-input.ts';
import { advanceSchedule, isEpochDue } from './schedule.ts';
import type { ChainEngines, ChainState, PendingBuckets, SubnetState } from './state.ts';

/** One epoch that ran this block. */
export interface EpochReport {
  netuid: number;
  block: bigint;
  /** The epoch index after this slot. */
  epochIndex: bigint;
  /** S + V + Rt handed to the epoch. */
  raoEmission: bigint;
  hotkeys: string[];
  output: EpochOutput;
  distribution: Distribution;
}

export interface EpochsReport {
  ran: EpochReport[];
  /** Netuids due this block but deferred by MaxEpochsPerBlock. */
  deferred: number[];
}

/** `drain_pending` then the epoch and distribution of each drained subnet. */
export function runEpochs(state: ChainState, engines: ChainEngines): EpochsReport {
  const block = state.block;
  const scheduler = state.rules.scheduler;
  const drained: [SubnetState, PendingBuckets][] = [];
  const deferred: number[] = [];
  for (const subnet of state.subnets) {
    subnet.sched.blocksSinceLastStep += 1n;
    if (!isEpochDue(subnet, block, scheduler)) continue;
    // The legacy rule ran every due subnet; the stateful scheduler caps epochs per block.
    if (scheduler === 'stateful' && drained.length >= state.params.maxEpochsPerBlock) {
      subnet.sched.pendingEpochAt = block + 1n;
      deferred.push(subnet.netuid);
      continue;
    }
    subnet.sched.blocksSinceLastStep = 0n;
    drained.push([subnet, { ...subnet.pending }]);
    subnet.pending = { server: 0n, validator: 0n, root: 0n, owner: 0n };
    advanceSchedule(subnet, block, scheduler);
  }
  const ran: EpochReport[] = [];
  for (const [subnet, buckets] of drained) {
    const raoEmission = buckets.server + buckets.validator + buckets.root;
    const input = buildEpochInput(state, subnet, raoEmission, subnet.sched.epochIndex);
    const output = engines.epoch.runEpoch(input);
    storeOutputs(subnet, output);
    const distribution = distributeEmission(state, subnet, output, buckets, engines.math);
    subnet.sched.lastMechanismStepBlock = block;
    ran.push({
      netuid: subnet.netuid, block, epochIndex: subnet.sched.epochIndex, raoEmission,
      hotkeys: subnet.neurons.map((n) => n.hotkey), output, distribution,
    });
  }
  return { ran, deferred };
}

/** Writes the epoch's per-uid outputs (Emission, Incentive, …, new ValidatorPermit, Bonds) to the neurons. */
function storeOutputs(subnet: SubnetState, out: EpochOutput): void {
  for (let uid = 0; uid < subnet.neurons.length; uid++) {
    const n = subnet.neurons[uid];
    n.emission = out.emission[uid];
    n.incentive = out.incentive[uid];
    n.dividends = out.dividends[uid];
    n.consensus = out.consensus[uid];
    n.validatorTrust = out.validatorTrust[uid];
    n.stakeWeight = out.stakeWeight[uid];
    n.active = out.active[uid];
    n.validatorPermit = out.newValidatorPermit[uid];
    n.bonds = out.bonds[uid];
  }
}
