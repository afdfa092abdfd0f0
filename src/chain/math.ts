// ChainMath: the contract between the chain state machine (src/chain/) and the exact block-level
// arithmetic of the AssemblyScript core (assembly/chain/). Types only; the one implementation is
// wasm-chain-math.ts.

/** One subnet's coinbase inputs (chain units: rao, α units, 32-fractional-bit prices). */
export interface CoinbaseSubnetIn {
  taoReserve: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  /** SubnetMovingPrice, I96F32 raw (value = raw / 2^32). */
  emaPrice: bigint;
  /** MinerBurned fraction, raw / 2^32. */
  minerBurned: bigint;
  /** In `subnets_to_emit_to`: started, subtoken enabled, registration allowed. */
  emitting: boolean;
  /** SubnetEmissionEnabled (TAO-side share). */
  emissionEnabled: boolean;
  ownerCutEnabled: boolean;
  /** TAO-flow state (flow rules only; absent = zeros): this block's user and protocol flows (i64 rao) and their EMAs (I64F64 raw, signed). */
  flow?: SubnetFlow;
}

/** A subnet's TAO-flow accumulators and EMAs (chain.md §2.2 flow rules). */
export interface SubnetFlow {
  /** SubnetTaoFlow: user TAO staked in − out since the last EMA update (rao, i64). */
  user: bigint;
  /** SubnetEmaTaoFlow, I64F64 raw (value = raw / 2^64, may be negative). */
  userEma: bigint;
  /** SubnetProtocolFlow: protocol TAO in (tao_in, chain buys) − out (root sells), rao, i64. */
  protocol: bigint;
  /** SubnetEmaProtocolFlow, I64F64 raw. */
  protocolEma: bigint;
}

/** The root-settable flow knobs (chain.md §4.2). */
export interface FlowKnobs {
  /** FlowEmaSmoothingFactor: the EMA weight a = value / i64::MAX. */
  emaSmoothingFactor: bigint;
  /** FlowNormExponent p, U64F64 raw (1 ≤ p ≤ 2). */
  normExponent: bigint;
  /** TaoFlowCutoff, I64F64 raw (rao per block, signed). */
  cutoff: bigint;
  netEnabled: boolean;
}

/** One subnet's coinbase results; the reserves are the values after this block's injection. */
export interface CoinbaseSubnetOut {
  taoReserve: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  /** T_i: this subnet's TAO emission (rao, floored). */
  taoEmission: bigint;
  taoIn: bigint;
  alphaInjected: bigint;
  excessTao: bigint;
  alphaBought: bigint;
  alphaEmitted: bigint;
  ownerCut: bigint;
  server: bigint;
  validator: bigint;
  root: bigint;
  rootRecycled: bigint;
  /** α minted as alpha_out but floored out of every bucket (≤ a few units). */
  dust: bigint;
  /** Root proportion after injection, raw / 2^32. */
  rootProportion: bigint;
  /** The flow state after this block (flow rules: EMAs updated, user flow reset, protocol inflow added). */
  flow: SubnetFlow;
}

export interface CoinbaseIn {
  emission: bigint;
  rootTao: bigint;
  taoWeight: bigint;
  ownerCut: number;
  /** 0 price_ema_minerburn, 1 price_ema, 2 root_prop_minerburn, 3 tao_flow, 4 net_tao_flow. */
  shareRule: number;
  /** Flow knobs (read by the flow rules; absent = the defaults). */
  flow?: FlowKnobs;
  /** 0 root proportion, 1 min(α emission, E), 2 α emission without chain buys. */
  injectionCap: number;
  subnets: CoinbaseSubnetIn[];
}

export interface CoinbaseOut {
  /** Unspent credit, recycled (TotalIssuance −= it). */
  recycledTao: bigint;
  rootSell: boolean;
  spentTao: bigint;
  subnets: CoinbaseSubnetOut[];
}

/** One uid's inputs to an epoch's distribution: its epoch amounts and its hotkey's standing (α units, rao). */
export interface DistributionUidIn {
  validatorEmission: bigint;
  /** The miner's incentive α. */
  serverEmission: bigint;
  /** The hotkey's total α stake on this subnet, before the distribution. */
  alphaStake: bigint;
  /** The hotkey's total root stake (TAO). */
  rootStake: bigint;
  /** Delegates[h], u16. */
  take: number;
  /** An owner hotkey: its incentive is withheld (burned or recycled by the caller). */
  ownerHotkey: boolean;
}

/** An epoch's distribution inputs; every amount is below 2^64. */
export interface DistributionIn {
  taoWeight: bigint;
  /** The drained server (S), validator (V) and root (Rt) buckets. */
  server: bigint;
  validator: bigint;
  root: bigint;
  uids: DistributionUidIn[];
}

/** What one uid receives, floored to units. */
export interface DistributionUidOut {
  /** Take on the V' share → stake of (h, owner of h); the rest raises h's pool value. */
  alphaTake: bigint;
  alphaRest: bigint;
  /** Take on the Rt share → stake of (h, owner of h); the rest becomes root-claimable α. */
  rootTake: bigint;
  rootRest: bigint;
  /** Incentive staked to (h, owner of h), or withheld from an owner hotkey; one of the two is 0. */
  incentive: bigint;
  withheld: bigint;
}

export interface DistributionOut {
  /** Withheld ÷ total incentive, raw / 2^32 (0 when nothing was earned). */
  minerBurned: bigint;
  uids: DistributionUidOut[];
}

/** The exact block-level arithmetic. Every function is pure. */
export interface ChainMath {
  /** Block emission (rao) for a total issuance (§1.1); the same curve gives α emission from α issuance. */
  blockEmission(issuance: bigint): bigint;
  /** Halvings so far (k) for an issuance. */
  halvings(issuance: bigint): number;
  /** One block's coinbase for all subnets, in netuid order (§2.1–2.5). */
  coinbase(input: CoinbaseIn): CoinbaseOut;
  /** An epoch's emission split into per-uid amounts (§2.8 steps 3–5), in uid order; an amount saturates at u64::MAX (only V + S ≥ 2^64 can reach it). */
  distribute(input: DistributionIn): DistributionOut;
  /** α out for TAO in (constant product, no fee). */
  swapTaoForAlpha(taoReserve: bigint, alphaReserve: bigint, taoIn: bigint): bigint;
  /** TAO out for α in (constant product, no fee). */
  swapAlphaForTao(taoReserve: bigint, alphaReserve: bigint, alphaIn: bigint): bigint;
  /** The EMA price after one block (§2.4), raw / 2^32. */
  movingPrice(emaPrice: bigint, taoReserve: bigint, alphaReserve: bigint, blocksSinceStart: bigint, halvingBlocks: bigint, movingAlpha: bigint): bigint;
  /** EMA prices of several subnets at once (same arithmetic as `movingPrice`); returns the new EMA prices. */
  movingPrices(movingAlpha: bigint, subnets: { emaPrice: bigint; taoReserve: bigint; alphaReserve: bigint; blocksSinceStart: bigint; halvingBlocks: bigint }[]): bigint[];
  /** vec_u16_max_upscale_to_u16: how set_weights stores values (yuma-epoch.md §11.1). */
  maxUpscaleU16(values: number[]): number[];
  /** One block of burn decay: ⌊burn · f⌋ with f^halfLife = 1/2 (Q32). Unclamped. */
  decayBurn(burn: bigint, halfLife: number): bigint;
  /** ⌊burn ⊗ mult⌋ with mult a U64F64 raw value. Unclamped. */
  bumpBurn(burn: bigint, multU64F64: bigint): bigint;
}
