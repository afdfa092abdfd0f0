// Each emitting subnet's share of the block emission (chain.md §2.2, coinbase/subnet_emissions.rs):
// U64F64 weights normalised to sum 1, then T_i = U96F32(U64F64(E) ⊗ share_i). Rules (scenario-pinned):
//   0 price_ema_minerburn  w = p̄·(1 − MinerBurned)   (main, spec 425; falls back to p̄ when Σw = 0)
//   1 price_ema            w = p̄                      (Feb 2025 … Nov 2025)
//   2 root_prop_minerburn  w = rp·p̄·(1 − MinerBurned) (tags 421–424)
//   3 tao_flow             shares from the user TAO-flow EMA (Nov 2025 … May 2026; ./flow.ts)
//   4 net_tao_flow         the same on user − normalised protocol flow (May … Jun 2026; ./flow.ts)
// Subnets with SubnetEmissionEnabled = false get 0 and the rest are renormalised.

import { U128, set, copy, isZero, addSat, subSat } from './u128';
import { u64f64FromRaw32, u64f64FromInt, u64f64Mul, u64f64Div, u96ToU64f64, u64f64ToU96 } from './fixed128';
import { flowShares } from './flow';

export const RULE_PRICE_EMA_MINERBURN = 0;
export const RULE_PRICE_EMA = 1;
export const RULE_ROOT_PROP_MINERBURN = 2;
export const RULE_TAO_FLOW = 3;
export const RULE_NET_TAO_FLOW = 4;

let weightHi = new StaticArray<u64>(0);
let weightLo = new StaticArray<u64>(0);
const w = new U128();
const t = new U128();
const total = new U128();
const ONE64 = new U128();
const enabledTotal = new U128();
const e = new U128();

function ensure(count: i32): void {
  if (weightHi.length >= count) return;
  weightHi = new StaticArray<u64>(count);
  weightLo = new StaticArray<u64>(count);
}

// @ts-ignore: decorator
@inline function load(out: U128, i: i32): U128 { return set(out, unchecked(weightHi[i]), unchecked(weightLo[i])); }
// @ts-ignore: decorator
@inline function store(i: i32, v: U128): void { unchecked((weightHi[i] = v.hi)); unchecked((weightLo[i] = v.lo)); }

/**
 * Writes T_i (U96F32 raw, 128 bits) into tHi/tLo for every subnet; 0 for non-emitting ones.
 * emaRaw32 / minerBurnedRaw32 are 32-fractional-bit values; rootPropU96 the subnets' root proportions.
 */
export function subnetEmissions(
  count: i32, rule: i32, emission: u64, emitting: StaticArray<bool>, enabled: StaticArray<bool>,
  emaRaw32: StaticArray<u64>, minerBurnedRaw32: StaticArray<u64>, rootPropHi: StaticArray<u64>, rootPropLo: StaticArray<u64>,
  tHi: StaticArray<u64>, tLo: StaticArray<u64>,
): void {
  ensure(count);
  if (rule == RULE_TAO_FLOW || rule == RULE_NET_TAO_FLOW) flowShares(count, rule == RULE_NET_TAO_FLOW, emitting, weightHi, weightLo);
  else priceShares(count, rule, emitting, emaRaw32, minerBurnedRaw32, rootPropHi, rootPropLo);
  // Emission-disabled subnets get 0; the others are renormalised below when any is disabled.
  let anyDisabled = false;
  set(enabledTotal, 0, 0);
  for (let i = 0; i < count; i++) {
    load(w, i);
    if (unchecked(emitting[i]) && !unchecked(enabled[i])) { anyDisabled = true; set(w, 0, 0); }
    store(i, w);
    addSat(enabledTotal, enabledTotal, w);
  }
  set(t, 0, 0);
  u64f64FromInt(e, emission);
  for (let i = 0; i < count; i++) {
    load(w, i);
    if (anyDisabled && !u64f64Div(w, copy(t, w), enabledTotal)) set(w, 0, 0);
    u64f64ToU96(t, u64f64Mul(t, e, w));
    unchecked((tHi[i] = t.hi));
    unchecked((tLo[i] = t.lo));
  }
}

/** The price-EMA rules 0–2: weights normalised to sum 1 (checked: 0 when Σw = 0), stored as the shares. */
function priceShares(
  count: i32, rule: i32, emitting: StaticArray<bool>, emaRaw32: StaticArray<u64>, minerBurnedRaw32: StaticArray<u64>,
  rootPropHi: StaticArray<u64>, rootPropLo: StaticArray<u64>,
): void {
  set(ONE64, 1, 0);
  set(total, 0, 0);
  for (let i = 0; i < count; i++) {
    set(w, 0, 0);
    if (unchecked(emitting[i])) {
      u64f64FromRaw32(w, unchecked(emaRaw32[i]));
      if (rule != RULE_PRICE_EMA) {
        subSat(t, ONE64, u64f64FromRaw32(t, unchecked(minerBurnedRaw32[i])));
        u64f64Mul(w, w, t);
      }
      if (rule == RULE_ROOT_PROP_MINERBURN) {
        u96ToU64f64(t, set(t, unchecked(rootPropHi[i]), unchecked(rootPropLo[i])));
        u64f64Mul(w, w, t);
      }
    }
    store(i, w);
    addSat(total, total, w);
  }
  // All weights zero (e.g. every subnet fully burning): fall back to the plain EMA-price shares.
  if (isZero(total) && rule != RULE_PRICE_EMA) {
    for (let i = 0; i < count; i++) {
      set(w, 0, 0);
      if (unchecked(emitting[i])) u64f64FromRaw32(w, unchecked(emaRaw32[i]));
      store(i, w);
      addSat(total, total, w);
    }
  }
  // share_i = w_i ⊘ Σw (checked: 0 when Σw = 0).
  for (let i = 0; i < count; i++) {
    if (!u64f64Div(w, load(w, i), total)) set(w, 0, 0);
    store(i, w);
  }
}

