// add_stake, remove_stake and move_stake (chain.md §3.7; staking/add_stake.rs, remove_stake.rs,
// move_stake.rs): TAO ⇄ α through the subnet pool with the swap fee (to the block author), 1:1 on root;
// under a flow rule the TAO in and out of a pool is recorded as user flow.
// Every check runs on a quote before anything is written, so a failure changes nothing.
import { fail, OK, type ActionResult, type ChainError } from './errors.ts';
import { recordUserFlow } from './flow.ts';
import { decreaseStake, increaseStake, stakeOf } from './stake.ts';
import type { ChainEngines, ChainState, SubnetState } from './state.ts';

/** A priced swap: what goes into the pool, what comes out, and the fee taken from the input. */
interface Quote {
  netuid: number;
  amountIn: bigint;
  fee: bigint;
  amountOut: bigint;
}

const subnetOf = (state: ChainState, netuid: number) => state.subnets.find((s) => s.netuid === netuid);

/** The swap fee on an input: ⌊amount · FeeRate / 65535⌋. */
export const swapFee = (state: ChainState, amount: bigint) => (amount * BigInt(state.params.feeRate)) / 65535n;

/** The subnet for a staking call, or why not (root is netuid 0 and has no pool). */
function stakingSubnet(state: ChainState, netuid: number): SubnetState | null | ChainError {
  if (netuid === 0) return null;
  const subnet = subnetOf(state, netuid);
  if (subnet === undefined) return 'SubnetNotExists';
  if (!subnet.subtokenEnabled) return 'SubtokenDisabled';
  return subnet;
}

/** TAO → α on `subnet` (root when null): the α bought with `tao` minus the fee. */
function quoteBuy(state: ChainState, engines: ChainEngines, subnet: SubnetState | null, tao: bigint): Quote | ChainError {
  if (subnet === null) return { netuid: 0, amountIn: tao, fee: 0n, amountOut: tao };
  const fee = swapFee(state, tao);
  const out = engines.math.swapTaoForAlpha(subnet.taoReserve, subnet.alphaIn, tao - fee);
  if (out === 0n || out >= subnet.alphaIn) return 'InsufficientLiquidity';
  return { netuid: subnet.netuid, amountIn: tao, fee, amountOut: out };
}

/** α → TAO on `subnet` (root when null). */
function quoteSell(state: ChainState, engines: ChainEngines, subnet: SubnetState | null, alpha: bigint): Quote | ChainError {
  if (subnet === null) return { netuid: 0, amountIn: alpha, fee: 0n, amountOut: alpha };
  const fee = swapFee(state, alpha);
  const out = engines.math.swapAlphaForTao(subnet.taoReserve, subnet.alphaIn, alpha - fee);
  if (out === 0n || out >= subnet.taoReserve) return 'InsufficientLiquidity';
  return { netuid: subnet.netuid, amountIn: alpha, fee, amountOut: out };
}

/** Applies a buy: the pool takes the TAO (fee to the author), the α becomes (hotkey, coldkey) stake. */
function applyBuy(state: ChainState, subnet: SubnetState | null, q: Quote, hotkey: string, coldkey: string): void {
  if (subnet === null) {
    increaseStake(state.root.pools, hotkey, coldkey, q.amountOut);
    state.root.taoReserve += q.amountOut;
    return;
  }
  state.sinks.authorTao += q.fee;
  subnet.taoReserve += q.amountIn - q.fee;
  subnet.alphaIn -= q.amountOut;
  subnet.alphaOut += q.amountOut;
  increaseStake(subnet.pools, hotkey, coldkey, q.amountOut);
  // TAO that entered the pool (fee excluded) is user inflow (`stake_into_subnet`).
  recordUserFlow(subnet, q.amountIn - q.fee);
}

/** Applies a sell: the (hotkey, coldkey) stake shrinks by the input, the pool pays out TAO. */
function applySell(state: ChainState, subnet: SubnetState | null, q: Quote, hotkey: string, coldkey: string): void {
  if (subnet === null) {
    decreaseStake(state.root.pools, hotkey, coldkey, q.amountIn);
    state.root.taoReserve -= q.amountIn;
    return;
  }
  decreaseStake(subnet.pools, hotkey, coldkey, q.amountIn);
  subnet.authorAlpha += q.fee;
  subnet.alphaOut -= q.amountIn - q.fee;
  subnet.alphaIn += q.amountIn - q.fee;
  subnet.taoReserve -= q.amountOut;
  // TAO paid out is user outflow (`unstake_from_subnet`).
  recordUserFlow(subnet, -q.amountOut);
}

const poolsOf = (state: ChainState, subnet: SubnetState | null) => (subnet === null ? state.root.pools : subnet.pools);

/** add_stake(hotkey, netuid, amount TAO), optionally with a maximum price (rao per α) after the swap. */
export function addStake(state: ChainState, engines: ChainEngines, a: { coldkey: string; hotkey: string; netuid: number; amount: bigint; limitPrice: bigint | null }): ActionResult {
  const subnet = stakingSubnet(state, a.netuid);
  if (typeof subnet === 'string') return fail(subnet);
  if (a.amount < state.params.minStake + (subnet === null ? 0n : swapFee(state, a.amount))) return fail('AmountTooLow');
  if ((state.balances[a.coldkey] ?? 0n) < a.amount) return fail('NotEnoughBalanceToStake');
  if (state.hotkeys[a.hotkey] === undefined) return fail('HotKeyAccountNotExists');
  const q = quoteBuy(state, engines, subnet, a.amount);
  if (typeof q === 'string') return fail(q);
  if (subnet !== null && a.limitPrice !== null) {
    const priceAfter = ((subnet.taoReserve + q.amountIn - q.fee) * 1_000_000_000n) / (subnet.alphaIn - q.amountOut);
    if (priceAfter > a.limitPrice) return fail('SlippageTooHigh');
  }
  state.balances[a.coldkey] -= a.amount;
  applyBuy(state, subnet, q, a.hotkey, a.coldkey);
  return OK;
}

/** remove_stake(hotkey, netuid, amount α): a partial removal must leave ≥ DefaultMinStake worth or nothing. */
export function removeStake(state: ChainState, engines: ChainEngines, a: { coldkey: string; hotkey: string; netuid: number; amount: bigint }): ActionResult {
  const subnet = stakingSubnet(state, a.netuid);
  if (typeof subnet === 'string') return fail(subnet);
  if (state.hotkeys[a.hotkey] === undefined) return fail('HotKeyAccountNotExists');
  const stake = stakeOf(poolsOf(state, subnet)[a.hotkey], a.coldkey);
  if (a.amount === 0n || stake < a.amount) return fail('NotEnoughStakeToWithdraw');
  const q = quoteSell(state, engines, subnet, a.amount);
  if (typeof q === 'string') return fail(q);
  if (q.amountOut < state.params.minStake || !leavesEnough(state, subnet, stake - a.amount)) return fail('AmountTooLow');
  applySell(state, subnet, q, a.hotkey, a.coldkey);
  state.balances[a.coldkey] = (state.balances[a.coldkey] ?? 0n) + q.amountOut;
  return OK;
}

/** A remaining stake is 0 or worth ≥ DefaultMinStake at the spot price. */
function leavesEnough(state: ChainState, subnet: SubnetState | null, rest: bigint): boolean {
  if (rest === 0n) return true;
  const value = subnet === null ? rest : subnet.alphaIn === 0n ? 0n : (rest * subnet.taoReserve) / subnet.alphaIn;
  return value >= state.params.minStake;
}

/** move_stake: α of (origin hotkey, origin netuid) to (destination hotkey, destination netuid), through TAO when the subnets differ. */
export function moveStake(
  state: ChainState, engines: ChainEngines,
  a: { coldkey: string; originHotkey: string; destinationHotkey: string; originNetuid: number; destinationNetuid: number; amount: bigint },
): ActionResult {
  const origin = stakingSubnet(state, a.originNetuid);
  if (typeof origin === 'string') return fail(origin);
  const destination = stakingSubnet(state, a.destinationNetuid);
  if (typeof destination === 'string') return fail(destination);
  if (state.hotkeys[a.originHotkey] === undefined || state.hotkeys[a.destinationHotkey] === undefined) return fail('HotKeyAccountNotExists');
  const stake = stakeOf(poolsOf(state, origin)[a.originHotkey], a.coldkey);
  if (a.amount === 0n || stake < a.amount) return fail('NotEnoughStakeToWithdraw');
  if (!leavesEnough(state, origin, stake - a.amount)) return fail('AmountTooLow');
  if (a.originNetuid === a.destinationNetuid) {
    decreaseStake(poolsOf(state, origin), a.originHotkey, a.coldkey, a.amount);
    increaseStake(poolsOf(state, origin), a.destinationHotkey, a.coldkey, a.amount);
    return OK;
  }
  const sell = quoteSell(state, engines, origin, a.amount);
  if (typeof sell === 'string') return fail(sell);
  if (sell.amountOut < state.params.minStake) return fail('AmountTooLow');
  // The buy is quoted on the destination pool as it is (origin ≠ destination, so the sell does not move it).
  const buy = quoteBuy(state, engines, destination, sell.amountOut);
  if (typeof buy === 'string') return fail(buy);
  applySell(state, origin, sell, a.originHotkey, a.coldkey);
  applyBuy(state, destination, buy, a.destinationHotkey, a.coldkey);
  return OK;
}
