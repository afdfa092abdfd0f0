// decrease_take / increase_take (chain.md §3.7; staking/decrease_take.rs, increase_take.rs): a
// hotkey's delegate take, set by its owner coldkey; increases are bounded and rate-limited.
import { fail, OK, type ActionResult } from './errors.ts';
import type { ChainState } from './state.ts';

type TakeCall = { coldkey: string; hotkey: string; take: number };

/** Lower the take, any time, down to MinDelegateTake. */
export function decreaseTake(state: ChainState, a: TakeCall): ActionResult {
  const hk = state.hotkeys[a.hotkey];
  if (hk === undefined) return fail('HotKeyAccountNotExists');
  if (hk.owner !== a.coldkey) return fail('NonAssociatedColdKey');
  if (a.take >= hk.take) return fail('DelegateTakeTooHigh');
  if (a.take < state.params.minDelegateTake) return fail('DelegateTakeTooLow');
  hk.take = a.take;
  return OK;
}

/** Raise the take up to MaxDelegateTake, at most once per TxDelegateTakeRateLimit blocks. */
export function increaseTake(state: ChainState, a: TakeCall): ActionResult {
  const hk = state.hotkeys[a.hotkey];
  if (hk === undefined) return fail('HotKeyAccountNotExists');
  if (hk.owner !== a.coldkey) return fail('NonAssociatedColdKey');
  if (a.take <= hk.take) return fail('DelegateTakeTooLow');
  if (a.take > state.params.maxDelegateTake) return fail('DelegateTakeTooHigh');
  if (hk.lastTakeIncrease !== 0n && state.block - hk.lastTakeIncrease < state.params.txDelegateTakeRateLimit) return fail('DelegateTxRateLimitExceeded');
  hk.take = a.take;
  hk.lastTakeIncrease = state.block;
  return OK;
}
