// The extrinsics a scenario can schedule (chain.md §5.5) and `applyAction`, which validates one with
// the chain's own errors and applies it. A failed action leaves the state exactly as it was.
import { commitWeights } from './commit-reveal.ts';
import { dissolveNetwork } from './dissolve.ts';
import { fail, type ActionResult } from './errors.ts';
import { setRootParam, setSubnetHyperparameter, type HyperparameterValue } from './hyperparams.ts';
import { registerNetwork, startCall, triggerEpoch } from './network.ts';
import { burnedRegister } from './registration.ts';
import { addStake, moveStake, removeStake } from './staking.ts';
import type { ChainEngines, ChainState } from './state.ts';
import { decreaseTake, increaseTake } from './takes.ts';
import { setWeights } from './weights.ts';

export type ChainAction =
  | { op: 'set_weights'; hotkey: string; netuid: number; uids: number[]; values: number[]; versionKey: bigint }
  | { op: 'commit_weights'; hotkey: string; netuid: number; uids: number[]; values: number[]; versionKey: bigint }
  | { op: 'add_stake'; coldkey: string; hotkey: string; netuid: number; amount: bigint; limitPrice: bigint | null }
  | { op: 'remove_stake'; coldkey: string; hotkey: string; netuid: number; amount: bigint }
  | { op: 'move_stake'; coldkey: string; originHotkey: string; destinationHotkey: string; originNetuid: number; destinationNetuid: number; amount: bigint }
  | { op: 'burned_register'; coldkey: string; hotkey: string; netuid: number }
  | { op: 'register_network'; coldkey: string; hotkey: string }
  /** Root origin: dissolve a subnet now (chain.md §3.2), paying stakers and recycling the protocol's share. */
  | { op: 'dissolve_network'; netuid: number }
  | { op: 'start_call'; coldkey: string; netuid: number }
  | { op: 'trigger_epoch'; coldkey: string; netuid: number }
  /** `coldkey` null = the root (sudo) origin; otherwise the signer, which must own the subnet. */
  | { op: 'set_hyperparameter'; coldkey: string | null; netuid: number; name: string; value: HyperparameterValue }
  /** A global parameter or subnet flag only root may set (chain.md §4.2, §2.1). */
  | { op: 'sudo_set'; name: string; netuid: number | null; value: HyperparameterValue }
  | { op: 'decrease_take' | 'increase_take'; coldkey: string; hotkey: string; take: number }
  | { op: 'set_root_claim_type'; coldkey: string; claimType: 'swap' | 'keep' };

/** An action scheduled at a block (it runs after that block's block step). */
export interface ScheduledAction {
  block: bigint;
  action: ChainAction;
}

/** Validates and applies one extrinsic at the current block. Mutates only on success. */
export function applyAction(state: ChainState, engines: ChainEngines, action: ChainAction): ActionResult {
  switch (action.op) {
    case 'set_weights': return setWeights(state, engines, action);
    case 'commit_weights': return commitWeights(state, action);
    case 'add_stake': return addStake(state, engines, action);
    case 'remove_stake': return removeStake(state, engines, action);
    case 'move_stake': return moveStake(state, engines, action);
    case 'burned_register': return burnedRegister(state, engines, action);
    case 'register_network': return registerNetwork(state, action);
    case 'dissolve_network': return dissolveNetwork(state, action);
    case 'start_call': return startCall(state, action);
    case 'trigger_epoch': return triggerEpoch(state, action);
    case 'set_hyperparameter': return setSubnetHyperparameter(state, action);
    case 'sudo_set': return setRootParam(state, action);
    case 'decrease_take': return decreaseTake(state, action);
    case 'increase_take': return increaseTake(state, action);
    case 'set_root_claim_type':
      state.rootClaimType[action.coldkey] = action.claimType;
      return { ok: true };
    default: return fail('InvalidValue');
  }
}
