// When a subnet's epoch runs (chain.md §2.7; coinbase/run_coinbase.rs `drain_pending`,
// coinbase/tempo_control.rs): the stateful "dynamic tempo" scheduler of main, or the legacy
// `(block + netuid + 1) mod (tempo + 1) == 0` rule as an option. Pure except `advance*`, which mutate.
import { MAX_BLOCKS_SINCE_LAST_STEP } from './defaults.ts';
import type { ChainRules, SubnetState } from './state.ts';

/** Whether the subnet's epoch is due at `block` (before the per-block cap). Tempo 0 never runs. */
export function isEpochDue(subnet: SubnetState, block: bigint, scheduler: ChainRules['scheduler']): boolean {
  const tempo = BigInt(subnet.hp.tempo);
  if (tempo === 0n) return false;
  if (scheduler === 'legacy') return blocksUntilNextEpochLegacy(subnet.netuid, tempo, block) === 0n;
  const s = subnet.sched;
  if (s.pendingEpochAt > 0n && block >= s.pendingEpochAt) return true;
  if (s.blocksSinceLastStep > MAX_BLOCKS_SINCE_LAST_STEP) return true;
  return block - s.lastEpochBlock >= tempo;
}

/** Legacy: tempo − ((block + netuid + 1) mod (tempo + 1)); the epoch runs when this is 0. */
export function blocksUntilNextEpochLegacy(netuid: number, tempo: bigint, block: bigint): bigint {
  if (tempo === 0n) return (1n << 64n) - 1n;
  return tempo - ((block + BigInt(netuid) + 1n) % (tempo + 1n));
}

/** Blocks until the next automatic epoch (the UI countdown and the admin freeze window). */
export function blocksUntilNextEpoch(subnet: SubnetState, block: bigint, scheduler: ChainRules['scheduler']): bigint {
  const tempo = BigInt(subnet.hp.tempo);
  if (scheduler === 'legacy') return blocksUntilNextEpochLegacy(subnet.netuid, tempo, block);
  const next = subnet.sched.lastEpochBlock + tempo;
  return next > block ? next - block : 0n;
}

/**
 * The epoch index a commit made now belongs to, with look-ahead: the next index when an epoch is still
 * due in this block (chain.md §3.5). Legacy: (block + netuid + 1) / (tempo + 1).
 */
export function currentEpochIndex(subnet: SubnetState, block: bigint, scheduler: ChainRules['scheduler']): bigint {
  if (scheduler === 'legacy') {
    const tempo = BigInt(subnet.hp.tempo);
    return (block + BigInt(subnet.netuid) + 1n) / (tempo + 1n);
  }
  return subnet.sched.epochIndex + (isEpochDue(subnet, block, scheduler) ? 1n : 0n);
}

/**
 * Netuids whose epoch is due this block but will be deferred by MaxEpochsPerBlock (`epochs_deferred_this_block`):
 * the due subnets past the cap, in netuid order. Empty under the legacy scheduler (no cap).
 */
export function deferredThisBlock(subnets: readonly SubnetState[], block: bigint, scheduler: ChainRules['scheduler'], cap: number): Set<number> {
  const out = new Set<number>();
  if (scheduler === 'legacy') return out;
  let due = 0;
  for (const s of subnets) {
    if (!isEpochDue(s, block, scheduler)) continue;
    if (due >= cap) out.add(s.netuid);
    else due++;
  }
  return out;
}

/** Consumes the slot: LastEpochBlock = block, PendingEpochAt = 0, SubnetEpochIndex += 1. Mutates. */
export function advanceSchedule(subnet: SubnetState, block: bigint, scheduler: ChainRules['scheduler']): void {
  const s = subnet.sched;
  s.lastEpochBlock = block;
  s.pendingEpochAt = 0n;
  s.epochIndex = scheduler === 'legacy' ? currentEpochIndex(subnet, block, 'legacy') : s.epochIndex + 1n;
}

/** LastEpochBlock of a subnet registered at `block`: the stagger `block − (netuid mod tempo)`, floored at 0. */
export function staggeredLastEpochBlock(netuid: number, tempo: number, block: bigint): bigint {
  const offset = tempo === 0 ? 0n : BigInt(netuid % tempo);
  return block > offset ? block - offset : 0n;
}
