// The subnet EMA price update run after the coinbase for emitting subnets (chain.md §2.4,
// staking/stake_utils.rs `update_moving_price`), in U64F64 and stored as I96F32 (32 fractional bits):
//   a = SubnetMovingAlpha · b / (b + H),  p̄ ← (1 − a)·p̄ + a·min(p_spot, 1)

import { U128, set, addSat, subSat, min128 } from './u128';
import { u64f64FromInt, u64f64FromRaw32, u64f64Mul, u64f64Div, u64f64ToU96, u96Raw32 } from './fixed128';
import { spotPrice } from './swap';

const a = new U128();
const b = new U128();
const c = new U128();
const one = new U128();
const p = new U128();

/**
 * New EMA price (32 fractional bits). `movingAlphaRaw32` is SubnetMovingAlpha (I96F32 raw);
 * `blocksSinceStart` = block − (FirstEmissionBlockNumber − 1); `halvingBlocks` = EMAPriceHalvingBlocks.
 */
export function movingPrice(emaRaw32: u64, taoReserve: u64, alphaReserve: u64, blocksSinceStart: u64, halvingBlocks: u64, movingAlphaRaw32: u64): u64 {
  set(one, 1, 0);
  // a = ma ⊗ (b ⊘ (b + H))
  u64f64FromInt(b, blocksSinceStart);
  addSat(c, b, u64f64FromInt(c, halvingBlocks));
  if (!u64f64Div(a, b, c)) set(a, 0, 0);
  u64f64Mul(a, u64f64FromRaw32(b, movingAlphaRaw32), a);
  // current = a ⊗ min(p, 1); moving = (1 − a) ⊗ p̄
  min128(p, spotPrice(p, taoReserve, alphaReserve), one);
  u64f64Mul(p, a, p);
  subSat(b, one, a);
  u64f64Mul(b, b, u64f64FromRaw32(c, emaRaw32));
  addSat(b, p, b);
  return u96Raw32(u64f64ToU96(c, b));
}
