// The neuron registration price of every subnet (chain.md §3.1; subnets/registration.rs
// `update_registration_prices_for_networks`, `bump_registration_price_after_registration`): a per-block
// decay and a bump per registration, both clamped to [MinBurn, MaxBurn]. The arithmetic is ChainMath's.
import type { ChainEngines, ChainState, SubnetState } from './state.ts';

const ONE_U64F64 = 1n << 64n;

/** clamp(burn, MinBurn, MaxBurn) (min first, then max, as the chain checks them). */
export function clampBurn(subnet: SubnetState, burn: bigint): bigint {
  if (burn < subnet.hp.minBurn) return subnet.hp.minBurn;
  return burn > subnet.hp.maxBurn ? subnet.hp.maxBurn : burn;
}

/** Block step 2: every burn decays by f with f^BurnHalfLife = 1/2 (not at block ≤ 1); per-block counts reset. Mutates. */
export function updateRegistrationPrices(state: ChainState, engines: ChainEngines): void {
  for (const s of state.subnets) {
    let burn = s.burn;
    if (s.hp.burnHalfLife > 0 && state.block > 1n) burn = engines.math.decayBurn(burn, s.hp.burnHalfLife);
    s.burn = clampBurn(s, burn);
    s.registrationsThisBlock = 0;
  }
}

/** After a successful registration: burn ← clamp(burn ⊗ max(BurnIncreaseMult, 1)), effective at once. Mutates. */
export function bumpRegistrationPrice(subnet: SubnetState, engines: ChainEngines): void {
  const mult = subnet.hp.burnIncreaseMult < ONE_U64F64 ? ONE_U64F64 : subnet.hp.burnIncreaseMult;
  subnet.burn = clampBurn(subnet, engines.math.bumpBurn(subnet.burn, mult));
}
