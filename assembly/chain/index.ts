// The chain-math exports (all prefixed `chain`): issuance, the all-subnets coinbase and an epoch's
// distribution on flat buffers, constant-product swaps, the EMA price and the registration burn. The host
// wrapper is src/chain/wasm-chain-math.ts; the buffer layouts are documented in ./coinbase.ts and ./distribute.ts.

import { U128, set, mulShr, divShl, wideOverflow } from './u128';
import { blockEmissionForIssuance, halvings } from './issuance';
import { runCoinbase, HEADER, RECORD } from './coinbase';
import { distributeEmission, HEADER as DIST_HEADER, RECORD as DIST_RECORD } from './distribute';
import { swapTaoForAlpha, swapAlphaForTao } from './swap';
import { movingPrice } from './ema';
import { decayFactorQ32, mulByQ32, bumpBurn } from './burn';
import { vecU16MaxUpscaleToU16 } from '../vecmath';

let coinbaseBuf = new StaticArray<u64>(HEADER);
let distBuf = new StaticArray<u64>(DIST_HEADER);
let emaBuf = new StaticArray<u64>(0);
let upscaleBuf = new StaticArray<i32>(0);

/** EMA batch layout: [0] SubnetMovingAlpha (raw32), then per subnet 5 slots:
 *  [ema (in/out), SubnetTAO, SubnetAlphaIn, blocks since start_call, EMAPriceHalvingBlocks]. */
export const EMA_RECORD = 5;

/** Block emission (rao) for a total issuance; also a subnet's α emission for its α issuance. */
export function chainBlockEmission(issuance: u64): u64 { return blockEmissionForIssuance(issuance); }

/** The number of halvings k so far for an issuance (64 once the cap is reached). */
export function chainHalvings(issuance: u64): i32 { return halvings(issuance); }

/** Size of a coinbase record and header, in u64 slots. */
export function chainCoinbaseHeader(): i32 { return HEADER; }
export function chainCoinbaseRecord(): i32 { return RECORD; }

/** Address of a coinbase buffer for `count` subnets (reallocated only when it must grow). */
export function chainCoinbaseBuffer(count: i32): usize {
  const len = HEADER + count * RECORD;
  if (coinbaseBuf.length < len) coinbaseBuf = new StaticArray<u64>(len);
  return changetype<usize>(coinbaseBuf);
}

/** Runs the coinbase in place on the buffer from `chainCoinbaseBuffer`. */
export function chainRunCoinbase(): void { runCoinbase(coinbaseBuf); }

/** Size of a distribution record and header, in u64 slots. */
export function chainDistributionHeader(): i32 { return DIST_HEADER; }
export function chainDistributionRecord(): i32 { return DIST_RECORD; }

/** Address of a distribution buffer for `count` uids (reallocated only when it must grow). */
export function chainDistributionBuffer(count: i32): usize {
  const len = DIST_HEADER + count * DIST_RECORD;
  if (distBuf.length < len) distBuf = new StaticArray<u64>(len);
  return changetype<usize>(distBuf);
}

/** Runs one epoch's distribution arithmetic in place on the buffer from `chainDistributionBuffer`. */
export function chainDistributeEmission(): void { distributeEmission(distBuf); }

/** α out for `taoIn` TAO into a pool of reserves (taoReserve, alphaReserve). */
export function chainSwapTaoForAlpha(taoReserve: u64, alphaReserve: u64, taoIn: u64): u64 {
  return swapTaoForAlpha(taoReserve, alphaReserve, taoIn);
}

/** TAO out for `alphaIn` α into a pool. */
export function chainSwapAlphaForTao(taoReserve: u64, alphaReserve: u64, alphaIn: u64): u64 {
  return swapAlphaForTao(taoReserve, alphaReserve, alphaIn);
}

/** The new EMA price (32 fractional bits); see ./ema.ts. */
export function chainMovingPrice(emaRaw32: u64, taoReserve: u64, alphaReserve: u64, blocksSinceStart: u64, halvingBlocks: u64, movingAlphaRaw32: u64): u64 {
  return movingPrice(emaRaw32, taoReserve, alphaReserve, blocksSinceStart, halvingBlocks, movingAlphaRaw32);
}

/** Address of the EMA batch buffer for `count` subnets. */
export function chainMovingPriceBuffer(count: i32): usize {
  const len = 1 + count * EMA_RECORD;
  if (emaBuf.length < len) emaBuf = new StaticArray<u64>(len);
  return changetype<usize>(emaBuf);
}

/** Updates the EMA price of `count` subnets in the batch buffer, in place. */
export function chainMovingPrices(count: i32): void {
  const ma = emaBuf[0];
  for (let i = 0; i < count; i++) {
    const r = 1 + i * EMA_RECORD;
    emaBuf[r] = movingPrice(emaBuf[r], emaBuf[r + 1], emaBuf[r + 2], emaBuf[r + 3], emaBuf[r + 4], ma);
  }
}

/** Address of an i32 buffer of `len` values for chainMaxUpscale. */
export function chainUpscaleBuffer(len: i32): usize {
  if (upscaleBuf.length < len) upscaleBuf = new StaticArray<i32>(len);
  return changetype<usize>(upscaleBuf);
}

/** vec_u16_max_upscale_to_u16 (yuma-epoch.md §11.1) on the first `len` values of the upscale buffer, in place. */
export function chainMaxUpscale(len: i32): void {
  const v = new StaticArray<i64>(len);
  for (let i = 0; i < len; i++) unchecked((v[i] = <i64>upscaleBuf[i]));
  const out = vecU16MaxUpscaleToU16(v);
  for (let i = 0; i < len; i++) unchecked((upscaleBuf[i] = <i32>out[i]));
}

/** Per-block burn decay factor (Q32) for a half-life. */
export function chainBurnDecayFactor(halfLife: u32): u64 { return decayFactorQ32(halfLife); }
/** ⌊value · factor / 2^32⌋. */
export function chainMulByQ32(value: u64, factorQ32: u64): u64 { return mulByQ32(value, factorQ32); }
/** ⌊burn ⊗ mult⌋ with mult U64F64 (hi, lo). */
export function chainBumpBurn(burn: u64, multHi: u64, multLo: u64): u64 { return bumpBurn(burn, multHi, multLo); }

const ta = new U128();
const tb = new U128();
const tr = new U128();
let testOk = true;

/** Test hook: ⌊a·b / 2^shift⌋ (returns the low 64 bits; the high ones via chainTestHi). */
export function chainTestMulShr(aHi: u64, aLo: u64, bHi: u64, bLo: u64, shift: i32): u64 {
  mulShr(tr, set(ta, aHi, aLo), set(tb, bHi, bLo), shift);
  testOk = !wideOverflow;
  return tr.lo;
}
/** Test hook: trunc(a·2^shift / b) (low 64 bits; chainTestHi / chainTestOk for the rest). */
export function chainTestDivShl(aHi: u64, aLo: u64, bHi: u64, bLo: u64, shift: i32): u64 {
  testOk = divShl(tr, set(ta, aHi, aLo), set(tb, bHi, bLo), shift);
  return tr.lo;
}
export function chainTestHi(): u64 { return tr.hi; }
export function chainTestOk(): i32 { return testOk ? 1 : 0; }
