// The TAO-flow share rule (chain.md §2.2, Nov 2025 – Jun 2026; coinbase/subnet_emissions.rs `get_ema_flow`,
// `get_lower_limit`, `inplace_pow_normalize`, `safe_pow`, `get_shares_flow`), for the emitting subnets:
//   1. EMA per subnet, I64F64:  S ← (1 − a)·S + a·f,  a = FlowEmaSmoothingFactor / i64::MAX,
//      f = the block's accumulated user TAO flow (staked in − out, rao), which is then reset to 0.
//      net_tao_flow (May 2026) also keeps a protocol-flow EMA P the same way and, with NetTaoFlowEnabled,
//      uses S − c·P⁺ (P when P ≤ 0), c = min(Σ S⁺ / Σ P⁺, 1) (0 when Σ P⁺ = 0).
//   2. Lower limit L = max(TaoFlowCutoff, min(min_i S_i, 0)); z_i = S_i − L when S_i > L, else 0 (U64F64).
//   3. z scaled so max z = 1, then by k = sqrt(i32::MAX / (n · max²)) (bisection sqrt, ε = 1/1000), and
//      share_i = pow(k·z_i, p) / Σ pow(k·z_j, p), pow = exp(p · ln x) in I32F32 (0 when ln fails, i32::MAX
//      when exp overflows — the chain's own fallbacks). When n · max² < i32::MAX / u64::MAX the scaled z stand.

import { U128, set, copy, cmp, addSat, subSat } from './u128';
import { u64f64FromInt, u64f64Mul, u64f64Div } from './fixed128';
import { fromInt, fromU64, scmp, sadd, ssub, smul, sdiv, smax, smin } from './i64f64';
import { qmul } from '../fixed';
import { ln, exp, transcendentalError } from '../transcendental';

/** Per-subnet flow state, filled from the coinbase buffer (assembly/chain/coinbase.ts) and written back. */
export let userFlow = new StaticArray<u64>(0);
export let userEmaHi = new StaticArray<u64>(0);
export let userEmaLo = new StaticArray<u64>(0);
export let protoFlow = new StaticArray<u64>(0);
export let protoEmaHi = new StaticArray<u64>(0);
export let protoEmaLo = new StaticArray<u64>(0);

/** The root-settable knobs, set by the coinbase from its header: FlowEmaSmoothingFactor (u64, / i64::MAX),
 *  FlowNormExponent (U64F64), TaoFlowCutoff (I64F64, rao per block), NetTaoFlowEnabled. */
export class FlowConfig {
  smoothing: u64 = 0;
  exponent: U128 = new U128();
  cutoff: U128 = new U128();
  netEnabled: bool = true;
}
export const flowConfig = new FlowConfig();

export function ensureFlow(count: i32): void {
  if (userFlow.length >= count) return;
  userFlow = new StaticArray<u64>(count); userEmaHi = new StaticArray<u64>(count); userEmaLo = new StaticArray<u64>(count);
  protoFlow = new StaticArray<u64>(count); protoEmaHi = new StaticArray<u64>(count); protoEmaLo = new StaticArray<u64>(count);
}

let zHi = new StaticArray<u64>(0);
let zLo = new StaticArray<u64>(0);
const alpha = new U128();
const oneMinus = new U128();
const t = new U128();
const u = new U128();
const v = new U128();
const w = new U128();
const lower = new U128();
const zero = new U128();
const one = new U128();

/** S ← (1 − a) ⊗ S + a ⊗ f on (hi[i], lo[i]); `oneMinus` and `alpha` hold 1 − a and a. */
function emaStep(hi: StaticArray<u64>, lo: StaticArray<u64>, i: i32, flow: i64): void {
  smul(u, oneMinus, set(t, unchecked(hi[i]), unchecked(lo[i])));
  smul(v, alpha, fromInt(t, flow));
  sadd(u, u, v);
  unchecked((hi[i] = u.hi));
  unchecked((lo[i] = u.lo));
}

/**
 * Updates the flow EMAs of the emitting subnets and writes their shares (U64F64, summing to ≈ 1, or all 0)
 * into shareHi/shareLo; non-emitting subnets get 0 and keep their accumulated flow. `net` selects the
 * May-2026 code (protocol EMA kept; net flow when NetTaoFlowEnabled). Knobs from `flowConfig`.
 */
export function flowShares(count: i32, net: bool, emitting: StaticArray<bool>, shareHi: StaticArray<u64>, shareLo: StaticArray<u64>): void {
  const smoothing = flowConfig.smoothing;
  const netEnabled = flowConfig.netEnabled;
  if (zHi.length < count) { zHi = new StaticArray<u64>(count); zLo = new StaticArray<u64>(count); }
  set(zero, 0, 0);
  set(one, 1, 0);
  // a = I64F64(FlowEmaSmoothingFactor) ⊘ I64F64(i64::MAX)
  sdiv(alpha, fromU64(t, smoothing), fromInt(u, i64.MAX_VALUE));
  ssub(oneMinus, one, alpha);
  let n = 0;
  for (let i = 0; i < count; i++) {
    if (!unchecked(emitting[i])) continue;
    n++;
    emaStep(userEmaHi, userEmaLo, i, <i64>unchecked(userFlow[i]));
    unchecked((userFlow[i] = 0));
    if (net) {
      emaStep(protoEmaHi, protoEmaLo, i, <i64>unchecked(protoFlow[i]));
      unchecked((protoFlow[i] = 0));
    }
  }
  // Net flow: c = min(Σ S⁺ / Σ P⁺, 1), 0 when Σ P⁺ = 0; the flow is S − c·P for P > 0, S − P otherwise.
  const useNet = net && netEnabled;
  set(w, 0, 0);
  if (useNet) {
    set(u, 0, 0);
    set(v, 0, 0);
    for (let i = 0; i < count; i++) {
      if (!unchecked(emitting[i])) continue;
      sadd(u, u, smax(t, set(t, unchecked(userEmaHi[i]), unchecked(userEmaLo[i])), zero));
      sadd(v, v, smax(t, set(t, unchecked(protoEmaHi[i]), unchecked(protoEmaLo[i])), zero));
    }
    if (scmp(v, zero) > 0) {
      sdiv(w, u, v);
      smin(w, w, one);
    }
  }
  // Each emitting subnet's flow S_i into (zHi, zLo) as I64F64; the lower limit on the way.
  set(lower, 0, 0);
  for (let i = 0; i < count; i++) {
    if (!unchecked(emitting[i])) continue;
    set(u, unchecked(userEmaHi[i]), unchecked(userEmaLo[i]));
    if (useNet) {
      set(v, unchecked(protoEmaHi[i]), unchecked(protoEmaLo[i]));
      if (scmp(v, zero) > 0) smul(v, w, v);
      ssub(u, u, v);
    }
    unchecked((zHi[i] = u.hi));
    unchecked((zLo[i] = u.lo));
    smin(lower, lower, u);
  }
  smax(lower, flowConfig.cutoff, lower);
  for (let i = 0; i < count; i++) {
    unchecked((shareHi[i] = 0));
    unchecked((shareLo[i] = 0));
    if (!unchecked(emitting[i])) continue;
    set(u, unchecked(zHi[i]), unchecked(zLo[i]));
    // z_i = U64F64(S_i − L) when S_i > L (a positive I64F64 has the same raw bits in U64F64).
    if (scmp(u, lower) > 0) {
      ssub(u, u, lower);
      unchecked((shareHi[i] = u.hi));
      unchecked((shareLo[i] = u.lo));
    }
  }
  powNormalize(count, n, emitting, flowConfig.exponent, shareHi, shareLo);
}

const maxZ = new U128();
const factor = new U128();
const sum = new U128();
const x = new U128();

/** `inplace_pow_normalize` over the emitting subnets' z (U64F64), in place. */
function powNormalize(count: i32, n: i32, emitting: StaticArray<bool>, p: U128, hi: StaticArray<u64>, lo: StaticArray<u64>): void {
  // Pre-scale so the largest z is 1: factor = 1 ⊘ max (0 when max = 0).
  set(maxZ, 0, 0);
  for (let i = 0; i < count; i++) if (unchecked(emitting[i]) && cmp(set(x, unchecked(hi[i]), unchecked(lo[i])), maxZ) > 0) copy(maxZ, x);
  if (!u64f64Div(factor, one, maxZ)) set(factor, 0, 0);
  set(maxZ, 0, 0);
  for (let i = 0; i < count; i++) {
    if (!unchecked(emitting[i])) continue;
    u64f64Mul(x, factor, set(x, unchecked(hi[i]), unchecked(lo[i])));
    unchecked((hi[i] = x.hi));
    unchecked((lo[i] = x.lo));
    if (cmp(x, maxZ) > 0) copy(maxZ, x);
  }
  // max_times_count = n ⊗ max²; precision_min = i32::MAX ⊘ u64::MAX (raw 2147483647).
  u64f64Mul(t, maxZ, maxZ);
  u64f64Mul(t, u64f64FromInt(u, <u64>n), t);
  if (cmp(t, set(u, 0, 2147483647)) < 0) return;
  if (!u64f64Div(u, u64f64FromInt(u, 2147483647), t)) set(u, 0, 0);
  sqrtBisect(factor, u);
  set(sum, 0, 0);
  for (let i = 0; i < count; i++) {
    if (!unchecked(emitting[i])) continue;
    safePow(x, u64f64Mul(x, factor, set(x, unchecked(hi[i]), unchecked(lo[i]))), p);
    addSat(sum, sum, x);
  }
  for (let i = 0; i < count; i++) {
    if (!unchecked(emitting[i])) continue;
    safePow(x, u64f64Mul(x, factor, set(x, unchecked(hi[i]), unchecked(lo[i]))), p);
    if (!u64f64Div(x, x, sum)) set(x, 0, 0);
    unchecked((hi[i] = x.hi));
    unchecked((lo[i] = x.lo));
  }
}

const lo2 = new U128();
const hi2 = new U128();
const mid = new U128();
const check = new U128();
const two = new U128();
const eps = new U128();

/** safe_math `checked_sqrt(ε = 1/1000)` in U64F64: bisection until |value ⊘ mid − mid| ≤ ε, at most 129 rounds. */
function sqrtBisect(out: U128, value: U128): void {
  set(two, 2, 0);
  if (!u64f64Div(eps, one, u64f64FromInt(eps, 1000))) set(eps, 0, 0);
  if (cmp(value, one) > 0) { copy(hi2, value); set(lo2, 0, 0); } else { copy(hi2, one); copy(lo2, value); }
  u64f64Div(mid, addSat(mid, hi2, lo2), two);
  if (!u64f64Div(check, value, mid)) set(check, 0, 0);
  for (let iteration = 0; ; ) {
    const diff = cmp(check, mid) >= 0 ? subSat(t, check, mid) : subSat(t, mid, check);
    if (cmp(diff, eps) <= 0) break;
    if (cmp(check, mid) < 0) copy(hi2, mid); else copy(lo2, mid);
    u64f64Div(mid, addSat(mid, hi2, lo2), two);
    if (!u64f64Div(check, value, mid)) set(check, 0, 0);
    iteration++;
    if (iteration > 128) break;
  }
  copy(out, mid);
}

const I32F32_INT_MAX: i64 = <i64>2147483647 << 32;

/** `safe_pow`: U64F64(I32F32(exp(I32F32(p) ⊗ ln(I32F32(val))))); 0 when ln fails, i32::MAX when exp does. */
function safePow(out: U128, val: U128, p: U128): U128 {
  const xq = toI32F32(val);
  const l = ln(xq);
  if (transcendentalError) return set(out, 0, 0);
  // I32F32(p) ⊗ ln x: saturating, floored (the epoch's qmul).
  const e = exp(qmul(toI32F32(p), l));
  const r = transcendentalError ? I32F32_INT_MAX : e;
  // U64F64::saturating_from_num of a non-negative I32F32: widen the 32 fractional bits to 64.
  if (r <= 0) return set(out, 0, 0);
  return set(out, <u64>r >> 32, <u64>r << 32);
}

/** I32F32::saturating_from_num of a U64F64: drop 32 fractional bits (floor), saturate at I32F32::MAX. */
function toI32F32(a: U128): i64 {
  if ((a.hi >> 31) != 0) return i64.MAX_VALUE;
  return <i64>((a.hi << 32) | (a.lo >> 32));
}
