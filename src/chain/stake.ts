// Stake pools: one per (hotkey, netuid), holding the hotkey's total α (TotalHotkeyAlpha) and integer
// shares per coldkey (chain.md §3.7). Dividends raise the pool value without minting shares, so every
// nominator gains pro rata; take, incentive and staking mint shares. Mutates the pools it is given.
import type { StakePool } from './state.ts';

/** The pool of `hotkey`, created empty when absent. */
export function poolOf(pools: Record<string, StakePool>, hotkey: string): StakePool {
  let p = pools[hotkey];
  if (p === undefined) pools[hotkey] = p = { total: 0n, totalShares: 0n, shares: {} };
  return p;
}

/** A coldkey's α in a pool: ⌊shares · total / totalShares⌋. */
export function stakeOf(pool: StakePool | undefined, coldkey: string): bigint {
  if (pool === undefined || pool.totalShares === 0n) return 0n;
  const s = pool.shares[coldkey];
  return s === undefined ? 0n : (s * pool.total) / pool.totalShares;
}

/** Adds `amount` to the pool and mints the coldkey's shares at the current share value (`increase_stake_for_hotkey_and_coldkey_on_subnet`). */
export function increaseStake(pools: Record<string, StakePool>, hotkey: string, coldkey: string, amount: bigint): void {
  if (amount === 0n) return;
  const p = poolOf(pools, hotkey);
  // An emptied pool restarts at one share per unit (old shares are worth nothing).
  if (p.total === 0n || p.totalShares === 0n) {
    p.shares = {};
    p.totalShares = 0n;
  }
  const minted = p.totalShares === 0n ? amount : (amount * p.totalShares) / p.total;
  p.shares[coldkey] = (p.shares[coldkey] ?? 0n) + minted;
  p.totalShares += minted;
  p.total += amount;
}

/** Adds `amount` to the pool value without minting shares (`increase_stake_for_hotkey_on_subnet`); a pool without shares gives it to `fallbackColdkey`. */
export function increaseHotkeyStake(pools: Record<string, StakePool>, hotkey: string, amount: bigint, fallbackColdkey: string): void {
  if (amount === 0n) return;
  const p = poolOf(pools, hotkey);
  if (p.totalShares === 0n) increaseStake(pools, hotkey, fallbackColdkey, amount);
  else p.total += amount;
}

/** Removes `amount` (≤ the coldkey's stake) and burns the matching shares, all of them when it is the whole stake. */
export function decreaseStake(pools: Record<string, StakePool>, hotkey: string, coldkey: string, amount: bigint): void {
  if (amount === 0n) return;
  const p = pools[hotkey];
  const own = p?.shares[coldkey];
  if (p === undefined || own === undefined) throw new Error(`decreaseStake: ${coldkey} has no stake on ${hotkey}`);
  const value = (own * p.total) / p.totalShares;
  if (amount > value) throw new Error(`decreaseStake: ${amount} exceeds the stake ${value}`);
  // Round the burned shares up so the remaining holders never lose value.
  const burned = amount === value ? own : (amount * p.totalShares + p.total - 1n) / p.total;
  const left = own - (burned > own ? own : burned);
  if (left === 0n) delete p.shares[coldkey];
  else p.shares[coldkey] = left;
  p.totalShares -= own - left;
  p.total -= amount;
  if (p.totalShares === 0n && p.total === 0n) delete pools[hotkey];
}

/** Every (coldkey, α) of a pool, coldkeys in code-point order. */
export function stakesOf(pool: StakePool): [string, bigint][] {
  return Object.keys(pool.shares)
    .sort()
    .map((ck) => [ck, stakeOf(pool, ck)]);
}
