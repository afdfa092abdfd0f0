// The arithmetic of one epoch's distribution (chain.md §2.8 steps 3–6; run_coinbase.rs `distribute_emission`,
// `calculate_dividend_distribution`, `distribute_dividends_and_incentives`) in U96F32 with the chain's floors,
// on a flat u64 buffer (layout below). Pure numbers: who owns what and where stake lands is src/chain/distribute.ts.
//
//   header [0] TaoWeight (u64 fraction)  [1] drained server S  [2] drained validator V  [3] drained root Rt
//          [4] uid count n
//   out    [5] MinerBurned (32 frac bits)
//   record uid at HEADER + uid·RECORD:
//     in  [0] validator emission  [1] server emission (incentive)  [2] α stake of the hotkey here
//         [3] root stake of the hotkey  [4] take (u16)  [5] flags: 1 owner hotkey (incentive withheld)
//     out [6] α take  [7] α rest  [8] root take  [9] root rest  [10] incentive credited  [11] incentive withheld
//
// Every sum is kept in 128 bits, so no input up to u64::MAX wraps; an output saturates at u64::MAX only when
// V + S does not fit u64 (never on chain, where every bucket is a slice of α issuance < 2^64).

import { U128, set, isZero } from './u128';
import { u96FromInt, u96ToU64, u96Mul, u96Div, addSat, subSat } from './fixed128';

export const HEADER = 6;
export const RECORD = 12;
export const FLAG_OWNER_HOTKEY: u64 = 1;

let alphaDivHi = new StaticArray<u64>(0);
let alphaDivLo = new StaticArray<u64>(0);
let rootDivHi = new StaticArray<u64>(0);
let rootDivLo = new StaticArray<u64>(0);

const taoWeight = new U128();
const validatorAlpha = new U128();
const rootBucket = new U128();
const totalAlphaDivs = new U128();
const totalRootDivs = new U128();
const take = new U128();
const a = new U128();
const b = new U128();
const c = new U128();
const d = new U128();

function ensure(count: i32): void {
  if (alphaDivHi.length >= count) return;
  alphaDivHi = new StaticArray<u64>(count); alphaDivLo = new StaticArray<u64>(count);
  rootDivHi = new StaticArray<u64>(count); rootDivLo = new StaticArray<u64>(count);
}

/** out := U96F32 of the 128-bit integer (hi, lo) < 2^96: raw = v·2^32. */
function u96FromWide(out: U128, hi: u64, lo: u64): U128 { return set(out, (hi << 32) | (lo >> 32), lo << 32); }

/** Distributes on `buf` (layout above), in uid order; reads only the inputs and writes only the outputs. */
export function distributeEmission(buf: StaticArray<u64>): void {
  // One bounds check here stands for all the unchecked accesses below.
  if (buf[4] > <u64>i32.MAX_VALUE || <i64>HEADER + <i64>buf[4] * RECORD > <i64>buf.length) {
    abort('distribution buffer shorter than its uid count');
  }
  const count = <i32>buf[4];
  ensure(count);
  const incentiveSumIsZero = incentives(buf, count);
  // If no miner earned anything, validators also receive the miners' half: V' = V + S (exact in 128 bits).
  u96FromInt(validatorAlpha, unchecked(buf[2]));
  if (incentiveSumIsZero) addSat(validatorAlpha, validatorAlpha, u96FromInt(a, unchecked(buf[1])));
  u96FromInt(rootBucket, unchecked(buf[3]));
  // tao_weight = U96F32(TaoWeight) ⊘ U96F32(u64::MAX).
  if (!u96Div(taoWeight, u96FromInt(a, unchecked(buf[0])), u96FromInt(b, u64.MAX_VALUE))) set(taoWeight, 0, 0);
  splitDividends(buf, count);
  let takeU16: u64 = u64.MAX_VALUE;
  for (let uid = 0; uid < count; uid++) {
    const r = HEADER + uid * RECORD;
    // take = U96F32(Delegates[h]) ⊘ 65535 (recomputed only when it differs from the previous uid's).
    if (unchecked(buf[r + 4]) != takeU16) {
      takeU16 = unchecked(buf[r + 4]);
      if (!u96Div(take, u96FromInt(a, takeU16), u96FromInt(b, 65535))) set(take, 0, 0);
    }
    // V' ∝ alpha_div_h and Rt ∝ root_div_h, each split into take and rest.
    creditShare(buf, r + 6, unchecked(alphaDivHi[uid]), unchecked(alphaDivLo[uid]), totalAlphaDivs, validatorAlpha);
    creditShare(buf, r + 8, unchecked(rootDivHi[uid]), unchecked(rootDivLo[uid]), totalRootDivs, rootBucket);
  }
}

/**
 * Miners' incentive: credited as is, or withheld for owner hotkeys; MinerBurned = Σ withheld ⊘ Σ incentive
 * (0 when nothing was earned). Returns whether Σ incentive = 0.
 */
function incentives(buf: StaticArray<u64>, count: i32): bool {
  let sumHi: u64 = 0, sumLo: u64 = 0, heldHi: u64 = 0, heldLo: u64 = 0;
  for (let uid = 0; uid < count; uid++) {
    const r = HEADER + uid * RECORD;
    const amount = unchecked(buf[r + 1]);
    sumLo += amount;
    sumHi += <u64>(sumLo < amount);
    const owner = (unchecked(buf[r + 5]) & FLAG_OWNER_HOTKEY) != 0;
    unchecked((buf[r + 10] = owner ? 0 : amount));
    unchecked((buf[r + 11] = owner ? amount : 0));
    if (owner) {
      heldLo += amount;
      heldHi += <u64>(heldLo < amount);
    }
  }
  if (!u96Div(c, u96FromWide(a, heldHi, heldLo), u96FromWide(b, sumHi, sumLo))) set(c, 0, 0);
  unchecked((buf[5] = c.lo)); // ≤ 1.0, so the raw value fits 64 bits
  return (sumHi | sumLo) == 0;
}

/**
 * Each hotkey's dividend d_h split by its own stake: root_frac = w·root_h ⊘ (α_h + w·root_h) (0 when both are 0),
 * root_div = d_h ⊗ root_frac, alpha_div = d_h ⊖ root_div; also their totals.
 */
function splitDividends(buf: StaticArray<u64>, count: i32): void {
  set(totalAlphaDivs, 0, 0);
  set(totalRootDivs, 0, 0);
  for (let uid = 0; uid < count; uid++) {
    const r = HEADER + uid * RECORD;
    const dividend = unchecked(buf[r]);
    // Shortcuts that give the same bits: a zero dividend splits into two zeros, and zero root weight
    // makes root_div 0.
    if (dividend == 0) {
      unchecked((rootDivHi[uid] = 0)); unchecked((rootDivLo[uid] = 0));
      unchecked((alphaDivHi[uid] = 0)); unchecked((alphaDivLo[uid] = 0));
      continue;
    }
    u96FromInt(d, dividend);
    if (unchecked(buf[r + 3]) == 0 || isZero(taoWeight)) set(c, 0, 0);
    else {
      u96Mul(a, u96FromInt(a, unchecked(buf[r + 3])), taoWeight);
      addSat(b, u96FromInt(b, unchecked(buf[r + 2])), a);
      if (!u96Div(c, a, b)) set(c, 0, 0);
      u96Mul(c, d, c);
    }
    subSat(d, d, c);
    unchecked((rootDivHi[uid] = c.hi)); unchecked((rootDivLo[uid] = c.lo));
    unchecked((alphaDivHi[uid] = d.hi)); unchecked((alphaDivLo[uid] = d.lo));
    addSat(totalRootDivs, totalRootDivs, c);
    addSat(totalAlphaDivs, totalAlphaDivs, d);
  }
}

/**
 * amount = bucket ⊗ (part ⊘ total) with a 0 share when total = 0 (checked_div → 0); writes the take
 * ⌊take ⊗ amount⌋ to buf[at] and the rest ⌊amount ⊖ take⌋ to buf[at + 1]: the rest is floored once, from the
 * unfloored take. A zero part skips the wide arithmetic (its share is 0 either way).
 */
function creditShare(buf: StaticArray<u64>, at: i32, partHi: u64, partLo: u64, total: U128, bucket: U128): void {
  if ((partHi | partLo) == 0 || !u96Div(c, set(c, partHi, partLo), total)) {
    unchecked((buf[at] = 0));
    unchecked((buf[at + 1] = 0));
    return;
  }
  u96Mul(c, bucket, c);
  unchecked((buf[at] = u96ToU64(u96Mul(d, take, c))));
  unchecked((buf[at + 1] = u96ToU64(subSat(c, c, d))));
}
