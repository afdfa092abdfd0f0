// One block's coinbase for all subnets at once (chain.md §2.1–2.5; coinbase/run_coinbase.rs
// `get_subnet_terms`, `inject_and_maybe_swap`, `emit_to_subnets`): shares, tao_in / alpha_in / excess,
// the fee-free chain buy, the constant-price injection, alpha_out and the four pending buckets, all in
// U96F32 with the chain's floors. Works in place on a flat u64 buffer (layout below); no epochs here.
//
//   header  [0] E (rao)         [1] root TAO R       [2] TaoWeight (u64 fraction)  [3] SubnetOwnerCut (u16)
//           [4] share rule      [5] injection cap    [6] subnet count
//   out     [7] recycled TAO    [8] root sell flag   [9] TAO spent on subnets
//   flow    [10] FlowEmaSmoothingFactor  [11,12] FlowNormExponent (U64F64 hi, lo)
//           [13,14] TaoFlowCutoff (I64F64 hi, lo, two's complement)  [15] NetTaoFlowEnabled (0/1)
//   record i at HEADER + i·RECORD:
//     in/out [0] SubnetTAO   [1] SubnetAlphaIn   [2] SubnetAlphaOut
//     in     [3] EMA price (32 frac bits)  [4] MinerBurned (32 frac bits)
//            [5] flags: 1 emitting (start_call done, subtoken, registration allowed), 2 SubnetEmissionEnabled,
//                       4 OwnerCutEnabled
//     out    [6] T_i  [7] tao_in  [8] alpha_in  [9] excess TAO  [10] α bought by the chain buy
//            [11] alpha_out minted  [12] owner cut  [13] server  [14] validator  [15] root (to pending)
//            [16] root α recycled  [17] α dust (minted, credited to no bucket)  [18] root proportion (32 frac bits)
//     in/out [19] user TAO flow this block (i64)  [20,21] its EMA (I64F64 hi, lo)
//            [22] protocol TAO flow (i64)  [23,24] its EMA (I64F64 hi, lo) — flow rules only (./flow.ts)

import { U128, set, copy, cmp, addSat, subSat, min128 } from './u128';
import { u96FromInt, u96ToU64, u96Mul, u96Div, u64f64ToU96, u64f64FromRaw32, u96Raw32 } from './fixed128';
import { subnetEmissions, RULE_NET_TAO_FLOW } from './shares';
import { ensureFlow, flowConfig, userFlow, userEmaHi, userEmaLo, protoFlow, protoEmaHi, protoEmaLo } from './flow';
import { blockEmissionForIssuance } from './issuance';
import { spotPrice, swapTaoForAlpha } from './swap';

export const HEADER = 16;
export const RECORD = 25;
/** First record slot of the flow state; slots below it from [6] are outputs, cleared each run. */
const FLOW = 19;
/** Injection cap modes: root-proportion cap (main), min(α emission, E) (Dec 2025), α emission without chain buys (Feb 2025). */
export const CAP_ROOT_PROPORTION = 0;
export const CAP_MIN_ALPHA_TAO = 1;
export const CAP_ALPHA_EMISSION = 2;

let emitting = new StaticArray<bool>(0);
let enabled = new StaticArray<bool>(0);
let ema = new StaticArray<u64>(0);
let burned = new StaticArray<u64>(0);
let rpHi = new StaticArray<u64>(0);
let rpLo = new StaticArray<u64>(0);
let tHi = new StaticArray<u64>(0);
let tLo = new StaticArray<u64>(0);

const taoWeight = new U128();
const rootWeighted = new U128();
const cutPercent = new U128();
const half = new U128();
const a = new U128();
const b = new U128();
const c = new U128();
const tao = new U128();
const alphaIn = new U128();
const cap = new U128();
const price = new U128();
const alphaOut = new U128();

function ensure(count: i32): void {
  if (emitting.length >= count) return;
  emitting = new StaticArray<bool>(count); enabled = new StaticArray<bool>(count);
  ema = new StaticArray<u64>(count); burned = new StaticArray<u64>(count);
  rpHi = new StaticArray<u64>(count); rpLo = new StaticArray<u64>(count);
  tHi = new StaticArray<u64>(count); tLo = new StaticArray<u64>(count);
}

/** root_proportion = w·R / (w·R + A) in U96F32 (checked_div → 0); `rootWeighted` holds w·R. */
function rootProportion(out: U128, alphaIssuance: u64): U128 {
  addSat(a, rootWeighted, u96FromInt(b, alphaIssuance));
  if (!u96Div(out, rootWeighted, a)) set(out, 0, 0);
  return out;
}

/** Runs the coinbase on `buf` (layout above), in netuid order. */
export function runCoinbase(buf: StaticArray<u64>): void {
  const count = <i32>buf[6];
  const emission = buf[0];
  const capMode = <i32>buf[5];
  ensure(count);
  // tao_weight = U96F32(TaoWeight) ⊘ U96F32(u64::MAX); w·R; owner cut = U96F32(cut) ⊘ 65535; 0.5.
  if (!u96Div(taoWeight, u96FromInt(a, buf[2]), u96FromInt(b, u64.MAX_VALUE))) set(taoWeight, 0, 0);
  u96Mul(rootWeighted, u96FromInt(a, buf[1]), taoWeight);
  if (!u96Div(cutPercent, u96FromInt(a, buf[3]), u96FromInt(b, 65535))) set(cutPercent, 0, 0);
  set(half, 0, 1 << 31);
  ensureFlow(count);
  flowConfig.smoothing = buf[10];
  set(flowConfig.exponent, buf[11], buf[12]);
  set(flowConfig.cutoff, buf[13], buf[14]);
  flowConfig.netEnabled = buf[15] != 0;
  let emaSumHi: u64 = 0, emaSumLo: u64 = 0;
  for (let i = 0; i < count; i++) {
    const r = HEADER + i * RECORD;
    const flags = buf[r + 5];
    unchecked((emitting[i] = (flags & 1) != 0));
    unchecked((enabled[i] = (flags & 2) != 0));
    unchecked((ema[i] = buf[r + 3]));
    unchecked((burned[i] = buf[r + 4]));
    rootProportion(c, buf[r + 1] + buf[r + 2]);
    unchecked((rpHi[i] = c.hi)); unchecked((rpLo[i] = c.lo));
    for (let k = 6; k < FLOW; k++) buf[r + k] = 0;
    unchecked((userFlow[i] = buf[r + FLOW])); unchecked((userEmaHi[i] = buf[r + FLOW + 1])); unchecked((userEmaLo[i] = buf[r + FLOW + 2]));
    unchecked((protoFlow[i] = buf[r + FLOW + 3])); unchecked((protoEmaHi[i] = buf[r + FLOW + 4])); unchecked((protoEmaLo[i] = buf[r + FLOW + 5]));
    if ((flags & 1) != 0) {
      // Σ p̄ in U64F64, for the root sell flag (`get_network_root_sell_flag`).
      u64f64FromRaw32(a, buf[r + 3]);
      emaSumLo += a.lo;
      emaSumHi += a.hi + <u64>(emaSumLo < a.lo);
    }
  }
  const rootSell = emaSumHi > 1 || (emaSumHi == 1 && emaSumLo > 0);
  buf[8] = rootSell ? 1 : 0;
  const rule = <i32>buf[4];
  subnetEmissions(count, rule, emission, emitting, enabled, ema, burned, rpHi, rpLo, tHi, tLo);
  for (let i = 0; i < count; i++) {
    const r = HEADER + i * RECORD + FLOW;
    buf[r] = unchecked(userFlow[i]); buf[r + 1] = unchecked(userEmaHi[i]); buf[r + 2] = unchecked(userEmaLo[i]);
    buf[r + 3] = unchecked(protoFlow[i]); buf[r + 4] = unchecked(protoEmaHi[i]); buf[r + 5] = unchecked(protoEmaLo[i]);
  }
  let credit = emission;
  for (let i = 0; i < count; i++) {
    if (!unchecked(emitting[i])) continue;
    const r = HEADER + i * RECORD;
    credit = emitSubnet(buf, r, i, capMode, emission, credit, rootSell);
    // The May-2026 code counts what the protocol put into the pool (tao_in + chain buy) as protocol inflow.
    if (rule == RULE_NET_TAO_FLOW) buf[r + FLOW + 3] = <u64>addI64Sat(<i64>buf[r + FLOW + 3], buf[r + 7] + buf[r + 9]);
  }
  buf[7] = credit;
  buf[9] = emission - credit;
}

/** get_subnet_terms + inject_and_maybe_swap + emit_to_subnets for one subnet; returns the credit left. */
function emitSubnet(buf: StaticArray<u64>, r: i32, i: i32, capMode: i32, emission: u64, credit: u64, rootSell: bool): u64 {
  const alphaEmission = blockEmissionForIssuance(buf[r + 1] + buf[r + 2]);
  u96FromInt(alphaOut, alphaEmission);
  u64f64ToU96(price, spotPrice(a, buf[r], buf[r + 1]));
  set(tao, unchecked(tHi[i]), unchecked(tLo[i]));
  const share = u96ToU64(tao);
  // alpha_in = T ⊘ p (0 when p = 0), capped; when the cap binds, tao_in = alpha_in ⊗ p.
  if (!u96Div(alphaIn, tao, price)) set(alphaIn, 0, 0);
  if (capMode == CAP_ROOT_PROPORTION) u96Mul(cap, set(c, unchecked(rpHi[i]), unchecked(rpLo[i])), alphaOut);
  else if (capMode == CAP_MIN_ALPHA_TAO) min128(cap, alphaOut, u96FromInt(b, emission));
  else copy(cap, alphaOut);
  if (cmp(alphaIn, cap) > 0) {
    copy(alphaIn, cap);
    if (capMode != CAP_ALPHA_EMISSION) u96Mul(tao, alphaIn, price);
  }
  subSat(c, set(b, unchecked(tHi[i]), unchecked(tLo[i])), tao);
  let taoIn = u96ToU64(tao);
  const alphaInU = u96ToU64(alphaIn);
  let excess = capMode == CAP_ALPHA_EMISSION ? 0 : u96ToU64(c);
  // Chain buy first: the excess TAO buys α fee-free; that α becomes protocol-owned (counted in alpha out).
  let bought: u64 = 0;
  if (excess > 0 && excess <= credit) {
    credit -= excess;
    bought = swapTaoForAlpha(buf[r], buf[r + 1], excess);
    buf[r] += excess;
    buf[r + 1] -= bought;
    buf[r + 2] += bought;
  } else excess = 0;
  if (taoIn <= credit) credit -= taoIn; else taoIn = 0;
  buf[r] += taoIn;
  buf[r + 1] += alphaInU;
  // alpha_out minted to SubnetAlphaOut, then split into the pending buckets.
  buf[r + 2] += alphaEmission;
  let ownerCut: u64 = 0;
  if ((buf[r + 5] & 4) != 0) {
    u96Mul(a, alphaOut, cutPercent);
    ownerCut = u96ToU64(a);
    subSat(alphaOut, alphaOut, a);
  }
  rootProportion(c, buf[r + 1] + buf[r + 2]);
  u96Mul(a, u96Mul(a, c, alphaOut), half);
  const rootAlpha = u96ToU64(a);
  u96Mul(b, alphaOut, half);
  const server = u96ToU64(b);
  subSat(b, subSat(b, alphaOut, b), a);
  const validator = u96ToU64(b);
  let root: u64 = 0, recycled: u64 = 0;
  if (rootSell) root = rootAlpha;
  else {
    recycled = rootAlpha;
    buf[r + 2] -= recycled;
  }
  buf[r + 6] = share; buf[r + 7] = taoIn; buf[r + 8] = alphaInU; buf[r + 9] = excess; buf[r + 10] = bought;
  buf[r + 11] = alphaEmission; buf[r + 12] = ownerCut; buf[r + 13] = server; buf[r + 14] = validator;
  buf[r + 15] = root; buf[r + 16] = recycled;
  buf[r + 17] = alphaEmission - ownerCut - server - validator - rootAlpha;
  buf[r + 18] = u96Raw32(c);
  return credit;
}

/** i64 saturating_add of a u64 amount (record_protocol_inflow: `flow.saturating_add(tao as i64)`). */
function addI64Sat(flow: i64, amount: u64): i64 {
  const add = <i64>amount; // the chain's `as i64` cast wraps amounts ≥ 2^63 (never reached: amounts ≤ E)
  const sum = flow + add;
  if (add > 0 && sum < flow) return i64.MAX_VALUE;
  if (add < 0 && sum > flow) return i64.MIN_VALUE;
  return sum;
}
