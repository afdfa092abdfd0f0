// ChainMath backed by the AssemblyScript core (assembly/chain/): marshals the coinbase and an epoch's
// distribution into the module's flat u64 buffers (layouts: assembly/chain/coinbase.ts, distribute.ts)
// and forwards scalar calls. Works in a worker and in node; one instance per ChainMath (its own linear memory).

import { instantiate } from '../generated/engine.js';
import { DEFAULT_FLOW_KNOBS } from './defaults.ts';
import type { ChainMath, CoinbaseIn, CoinbaseOut, CoinbaseSubnetOut, DistributionIn, DistributionOut, DistributionUidOut } from './math.ts';

type Exports = Awaited<ReturnType<typeof instantiate>>;
const U64 = (1n << 64n) - 1n;
/** Record slot of the flow state (assembly/chain/coinbase.ts). */
const FLOW = 19;

/** A signed 128-bit raw value as two's-complement (hi, lo) words, and back. */
const words128 = (v: bigint): [bigint, bigint] => [BigInt.asUintN(64, v >> 64n), BigInt.asUintN(64, v)];
const signed128 = (hi: bigint, lo: bigint): bigint => BigInt.asIntN(128, (hi << 64n) | lo);

/** Instantiates the compiled engine module and wraps its `chain*` exports. */
export async function createWasmChainMath(module: WebAssembly.Module): Promise<ChainMath> {
  const ex = await instantiate(module, { env: {} });
  const header = ex.chainCoinbaseHeader();
  const record = ex.chainCoinbaseRecord();
  const distHeader = ex.chainDistributionHeader();
  const distRecord = ex.chainDistributionRecord();
  const decayFactors = new Map<number, bigint>();
  return {
    blockEmission: (issuance) => ex.chainBlockEmission(issuance),
    halvings: (issuance) => ex.chainHalvings(issuance),
    coinbase: (input) => coinbase(ex, header, record, input),
    distribute: (input) => distribute(ex, distHeader, distRecord, input),
    swapTaoForAlpha: (t, a, x) => ex.chainSwapTaoForAlpha(t, a, x),
    swapAlphaForTao: (t, a, x) => ex.chainSwapAlphaForTao(t, a, x),
    movingPrice: (ema, t, a, b, h, ma) => ex.chainMovingPrice(ema, t, a, b, h, ma),
    movingPrices: (ma, subnets) => {
      const ptr = ex.chainMovingPriceBuffer(subnets.length);
      const buf = new BigUint64Array(ex.memory.buffer, ptr, 1 + subnets.length * 5);
      buf[0] = ma;
      subnets.forEach((s, i) => {
        buf.set([s.emaPrice, s.taoReserve, s.alphaReserve, s.blocksSinceStart, s.halvingBlocks], 1 + i * 5);
      });
      ex.chainMovingPrices(subnets.length);
      const out = new BigUint64Array(ex.memory.buffer, ptr, 1 + subnets.length * 5);
      return subnets.map((_, i) => out[1 + i * 5]);
    },
    maxUpscaleU16: (values) => {
      const ptr = ex.chainUpscaleBuffer(values.length);
      new Int32Array(ex.memory.buffer, ptr, values.length).set(values);
      ex.chainMaxUpscale(values.length);
      return Array.from(new Int32Array(ex.memory.buffer, ptr, values.length));
    },
    decayBurn: (burn, halfLife) => {
      let f = decayFactors.get(halfLife);
      if (f === undefined) decayFactors.set(halfLife, (f = ex.chainBurnDecayFactor(halfLife)));
      return ex.chainMulByQ32(burn, f);
    },
    bumpBurn: (burn, mult) => ex.chainBumpBurn(burn, (mult >> 64n) & U64, mult & U64),
  };
}

function coinbase(ex: Exports, header: number, record: number, input: CoinbaseIn): CoinbaseOut {
  const count = input.subnets.length;
  const ptr = ex.chainCoinbaseBuffer(count);
  const buf = new BigUint64Array(ex.memory.buffer, ptr, header + count * record);
  buf[0] = input.emission;
  buf[1] = input.rootTao;
  buf[2] = input.taoWeight;
  buf[3] = BigInt(input.ownerCut);
  buf[4] = BigInt(input.shareRule);
  buf[5] = BigInt(input.injectionCap);
  buf[6] = BigInt(count);
  const knobs = input.flow ?? DEFAULT_FLOW_KNOBS;
  buf[10] = knobs.emaSmoothingFactor;
  [buf[11], buf[12]] = words128(knobs.normExponent);
  [buf[13], buf[14]] = words128(knobs.cutoff);
  buf[15] = knobs.netEnabled ? 1n : 0n;
  for (let i = 0; i < count; i++) {
    const s = input.subnets[i];
    const r = header + i * record;
    buf[r] = s.taoReserve;
    buf[r + 1] = s.alphaIn;
    buf[r + 2] = s.alphaOut;
    buf[r + 3] = s.emaPrice;
    buf[r + 4] = s.minerBurned;
    buf[r + 5] = BigInt((s.emitting ? 1 : 0) | (s.emissionEnabled ? 2 : 0) | (s.ownerCutEnabled ? 4 : 0));
    const f = s.flow;
    buf[r + FLOW] = BigInt.asUintN(64, f?.user ?? 0n);
    [buf[r + FLOW + 1], buf[r + FLOW + 2]] = words128(f?.userEma ?? 0n);
    buf[r + FLOW + 3] = BigInt.asUintN(64, f?.protocol ?? 0n);
    [buf[r + FLOW + 4], buf[r + FLOW + 5]] = words128(f?.protocolEma ?? 0n);
  }
  ex.chainRunCoinbase();
  // The buffer does not move during the call (nothing allocates once it exists), but re-read to be safe.
  const out = new BigUint64Array(ex.memory.buffer, ptr, header + count * record);
  const subnets: CoinbaseSubnetOut[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = header + i * record;
    subnets[i] = {
      taoReserve: out[r], alphaIn: out[r + 1], alphaOut: out[r + 2],
      taoEmission: out[r + 6], taoIn: out[r + 7], alphaInjected: out[r + 8], excessTao: out[r + 9],
      alphaBought: out[r + 10], alphaEmitted: out[r + 11], ownerCut: out[r + 12], server: out[r + 13],
      validator: out[r + 14], root: out[r + 15], rootRecycled: out[r + 16], dust: out[r + 17],
      rootProportion: out[r + 18],
      flow: {
        user: BigInt.asIntN(64, out[r + FLOW]), userEma: signed128(out[r + FLOW + 1], out[r + FLOW + 2]),
        protocol: BigInt.asIntN(64, out[r + FLOW + 3]), protocolEma: signed128(out[r + FLOW + 4], out[r + FLOW + 5]),
      },
    };
  }
  return { recycledTao: out[7], rootSell: out[8] !== 0n, spentTao: out[9], subnets };
}

function distribute(ex: Exports, header: number, record: number, input: DistributionIn): DistributionOut {
  const count = input.uids.length;
  const ptr = ex.chainDistributionBuffer(count);
  const buf = new BigUint64Array(ex.memory.buffer, ptr, header + count * record);
  buf[0] = input.taoWeight;
  buf[1] = input.server;
  buf[2] = input.validator;
  buf[3] = input.root;
  buf[4] = BigInt(count);
  for (let i = 0; i < count; i++) {
    const u = input.uids[i];
    const r = header + i * record;
    buf[r] = u.validatorEmission;
    buf[r + 1] = u.serverEmission;
    buf[r + 2] = u.alphaStake;
    buf[r + 3] = u.rootStake;
    buf[r + 4] = BigInt(u.take);
    buf[r + 5] = u.ownerHotkey ? 1n : 0n;
  }
  ex.chainDistributeEmission();
  // Re-read: the run may grow its scratch arrays, and a grown memory detaches the old view.
  const out = new BigUint64Array(ex.memory.buffer, ptr, header + count * record);
  const uids: DistributionUidOut[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = header + i * record;
    uids[i] = { alphaTake: out[r + 6], alphaRest: out[r + 7], rootTake: out[r + 8], rootRest: out[r + 9], incentive: out[r + 10], withheld: out[r + 11] };
  }
  return { minerBurned: out[5], uids };
}
