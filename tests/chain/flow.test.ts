// The TAO-flow share rules (chain.md §2.2, Nov 2025 – Jun 2026): the flow EMA after a block, the lower limit
// and cutoff, the exponent, net flow, and where the host records user and protocol flows. EMA values are exact
// (I64F64 raw, worked from the formula); shares go through the chain's I32F32 exp/ln, so they are checked
// against the ideal fractions worked by hand to a few rao.
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/chain/actions.ts';
import { stepBlock } from '../../src/chain/block.ts';
import { flowErrors, holdingErrors, totals } from '../../src/chain/conservation.ts';
import { DEFAULT_FLOW_KNOBS } from '../../src/chain/defaults.ts';
import type { CoinbaseIn, CoinbaseSubnetIn, FlowKnobs } from '../../src/chain/math.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { writeScenario } from '../../src/chain/scenario-write.ts';
import { swapFee } from '../../src/chain/staking.ts';
import * as oracle from '../../src/oracle/fixed.ts';
import { chainOf, engines, smallDoc, TAO } from './helpers.ts';

const eng = await engines();
const { math } = eng;
const E = TAO / 2n;
const ONE = 1n << 64n;
const I64_MAX = (1n << 63n) - 1n;
/** a = trunc(FlowEmaSmoothingFactor · 2^64 / (2^63 − 1)), the I64F64 raw EMA weight (≈ 3.209e-6 by default). */
const alphaRaw = (factor: bigint) => (factor << 64n) / I64_MAX;
/** Flows in TAO per block as I64F64 raw. */
const perBlock = (tao: number) => BigInt(tao) * TAO * ONE;

const subnet = (userEma: bigint, over: Partial<CoinbaseSubnetIn> = {}): CoinbaseSubnetIn => ({
  taoReserve: 10_000n * TAO, alphaIn: 100_000n * TAO, alphaOut: 0n, emaPrice: 0n, minerBurned: 0n, emitting: true,
  emissionEnabled: true, ownerCutEnabled: true, flow: { user: 0n, userEma, protocol: 0n, protocolEma: 0n }, ...over,
});
/** A coinbase under a flow rule; FlowEmaSmoothingFactor 0 keeps every EMA as given, so shares read them directly. */
const input = (subnets: CoinbaseSubnetIn[], knobs: Partial<FlowKnobs> = {}, shareRule = 3): CoinbaseIn => ({
  emission: E, rootTao: 0n, taoWeight: 0n, ownerCut: 11796, shareRule, injectionCap: 1, subnets,
  flow: { ...DEFAULT_FLOW_KNOBS, emaSmoothingFactor: 0n, ...knobs },
});
const taoShares = (i: CoinbaseIn) => math.coinbase(i).subnets.map((s) => Number(s.taoEmission) / Number(E));

/**
 * An independent BigInt reading of `inplace_pow_normalize` + `safe_pow` (subnet_emissions.rs) on the clipped
 * flows z (U64F64 raw), with the BigInt oracle's I32F32 exp/ln, giving each T_i = ⌊E · share_i⌋ in rao.
 */
function referenceT(z: bigint[], p: bigint): bigint[] {
  const MAX = (1n << 128n) - 1n;
  const mul = (a: bigint, b: bigint) => { const r = (a * b) >> 64n; return r > MAX ? MAX : r; };
  const div = (a: bigint, b: bigint) => (b === 0n ? 0n : (a << 64n) / b > MAX ? 0n : (a << 64n) / b);
  const biggest = (v: bigint[]) => v.reduce((m, x) => (x > m ? x : m), 0n);
  let scaled = z.map((v) => mul(div(ONE, biggest(z)), v));
  const top = biggest(scaled);
  const timesCount = mul(BigInt(z.length) << 64n, mul(top, top));
  if (timesCount >= 2147483647n) {
    // checked_sqrt(ε = 1/1000) by bisection, as safe_math's FixedExt does it.
    const value = div(2147483647n << 64n, timesCount);
    const eps = div(ONE, 1000n << 64n);
    let [hi, lo] = value > ONE ? [value, 0n] : [ONE, value];
    let mid = div(hi + lo, 2n << 64n);
    let check = div(value, mid);
    for (let k = 0; (check > mid ? check - mid : mid - check) > eps && k <= 128; k++) {
      if (check < mid) hi = mid; else lo = mid;
      mid = div(hi + lo, 2n << 64n);
      check = div(value, mid);
    }
    const pow = (v: bigint) => {
      const x = v >> 32n > oracle.I32F32_MAX ? oracle.I32F32_MAX : v >> 32n;
      const l = x > 0n ? oracle.ln(x) : null;
      if (l === null) return 0n;
      const e = oracle.exp(oracle.saturatingMul(p >> 32n, l)) ?? 2147483647n << 32n;
      return e <= 0n ? 0n : e << 32n;
    };
    const pows = scaled.map((v) => pow(mul(mid, v)));
    const sum = pows.reduce((a, b) => a + b, 0n);
    scaled = pows.map((v) => div(v, sum));
  }
  return scaled.map((share) => (E * share) >> 64n);
}

describe('flow EMA', () => {
  it('moves by a = FlowEmaSmoothingFactor / i64::MAX of the block\'s flow, then resets the accumulator', () => {
    const a = alphaRaw(DEFAULT_FLOW_KNOBS.emaSmoothingFactor);
    expect(Number(a) / 2 ** 64).toBeCloseTo(0.000003209009576, 15);
    // S₀ = 0, f = +1 000 TAO: S₁ = (1 − a)⊗0 + a⊗f = a·f exactly (f is an integer) ≈ 3 209 010 rao per block.
    const f = 1_000n * TAO;
    const one = math.coinbase(input([subnet(0n, { flow: { user: f, userEma: 0n, protocol: 0n, protocolEma: 0n } })], { emaSmoothingFactor: DEFAULT_FLOW_KNOBS.emaSmoothingFactor }));
    expect(one.subnets[0].flow).toEqual({ user: 0n, userEma: a * f, protocol: 0n, protocolEma: 0n });
    // Next block, f = −400 TAO: (1 − a)⊗S₁ floors; a⊗f is exact. S₂ = ⌊(2^64 − a)·S₁ / 2^64⌋ − a·400 TAO.
    const s1 = a * f;
    const g = -400n * TAO;
    const two = math.coinbase(input([subnet(s1, { flow: { user: g, userEma: s1, protocol: 0n, protocolEma: 0n } })], { emaSmoothingFactor: DEFAULT_FLOW_KNOBS.emaSmoothingFactor }));
    expect(two.subnets[0].flow.userEma).toBe((((ONE - a) * s1) >> 64n) + a * g);
    // A negative EMA decays toward 0 with (1 − a)⊗S floored toward −∞ (BigInt >> floors the same way).
    const three = math.coinbase(input([subnet(-s1)], { emaSmoothingFactor: DEFAULT_FLOW_KNOBS.emaSmoothingFactor }));
    expect(three.subnets[0].flow.userEma).toBe(((ONE - a) * -s1) >> 64n);
    expect((((ONE - a) * -s1) & (ONE - 1n)) !== 0n).toBe(true); // the product was inexact: the floor mattered
    // A half-life of ln 2 / a ≈ 216 000 blocks ≈ 30 days.
    expect(Math.log(2) / (Number(a) / 2 ** 64)).toBeCloseTo(216_000, -2);
  });

  it('keeps the flow of a subnet that does not emit for the block it emits again', () => {
    const out = math.coinbase(input([subnet(perBlock(1)), subnet(0n, { emitting: false, flow: { user: 5n * TAO, userEma: 7n, protocol: 0n, protocolEma: 0n } })]));
    expect(out.subnets[1].flow).toEqual({ user: 5n * TAO, userEma: 7n, protocol: 0n, protocolEma: 0n });
  });
});

describe('flow shares', () => {
  const pair = [subnet(perBlock(300)), subnet(perBlock(100))];
  const emissions = (i: CoinbaseIn) => math.coinbase(i).subnets.map((s) => s.taoEmission);

  it('exponent 1: shares ∝ the flows above the lower limit (300 : 100 → 0.75 / 0.25)', () => {
    expect(taoShares(input(pair))).toEqual([expect.closeTo(0.75, 7), expect.closeTo(0.25, 7)]);
    expect(emissions(input(pair))).toEqual(referenceT([perBlock(300), perBlock(100)], ONE));
  });

  it('exponent 2: shares ∝ the squares (300² : 100² → 0.9 / 0.1), as far as the chain\'s exp reaches', () => {
    const out = emissions(input(pair, { normExponent: 2n * ONE }));
    expect(out).toEqual(referenceT([perBlock(300), perBlock(100)], 2n * ONE));
    // The flows are scaled so the largest becomes k = √(i32::MAX / 2) ≈ 32 768 before pow; e^(2·ln k) ≈ e^20.8
    // sits where the crate's 31-term Taylor exp runs ≈ 1 % low, so the chain splits 0.899 / 0.101, not 0.9 / 0.1.
    expect(out.map((t) => Number(t) / Number(E))).toEqual([expect.closeTo(0.9, 2), expect.closeTo(0.1, 2)]);
    expect(Number(out[0]) / Number(E)).toBeLessThan(0.9);
  });

  it('clips at L = max(TaoFlowCutoff, min(min S, 0)): a cutoff of 150 leaves only the 300 subnet, with all of E', () => {
    const out = math.coinbase(input([subnet(perBlock(300)), subnet(perBlock(100))], { cutoff: perBlock(150) }));
    // One non-zero z: its pow over the sum of pows is exactly 1, so T = E to the rao.
    expect(out.subnets.map((s) => s.taoEmission)).toEqual([E, 0n]);
  });

  it('negative flows: with cutoff 0 they get nothing; a lower cutoff lifts everyone by the most negative flow', () => {
    const flows = [subnet(perBlock(300)), subnet(perBlock(-100)), subnet(perBlock(-200))];
    // L = max(0, −200) = 0 → z = (300, 0, 0).
    expect(taoShares(input(flows))).toEqual([expect.closeTo(1, 7), 0, 0]);
    // Cutoff −1 000: L = max(−1 000, −200) = −200 → z = (500, 100, 0) → 5/6, 1/6, 0.
    expect(taoShares(input(flows, { cutoff: perBlock(-1000) }))).toEqual([expect.closeTo(5 / 6, 7), expect.closeTo(1 / 6, 7), 0]);
    expect(math.coinbase(input(flows, { cutoff: perBlock(-1000) })).subnets.map((x) => x.taoEmission)).toEqual(referenceT([perBlock(500), perBlock(100), 0n], ONE));
  });

  it('gives no subnet any TAO when no flow clears the limit: all of E is recycled', () => {
    const out = math.coinbase(input([subnet(perBlock(-5)), subnet(0n)]));
    expect(out.subnets.map((s) => s.taoEmission)).toEqual([0n, 0n]);
    expect(out.recycledTao).toBe(E);
  });
});

describe('net flow (net_tao_flow)', () => {
  const withProtocol = (user: number, protocol: number) => subnet(perBlock(user), { flow: { user: 0n, userEma: perBlock(user), protocol: 0n, protocolEma: perBlock(protocol) } });

  it('subtracts protocol flow scaled by c = min(Σ user⁺ / Σ protocol⁺, 1); a negative protocol flow counts in full', () => {
    // User (300, 100, 50), protocol (100, 100, −50): c = min(450 / 200, 1) = 1 → net (200, 0, 100) → 2/3, 0, 1/3.
    const three = input([withProtocol(300, 100), withProtocol(100, 100), withProtocol(50, -50)], {}, 4);
    expect(taoShares(three)).toEqual([expect.closeTo(2 / 3, 7), 0, expect.closeTo(1 / 3, 7)]);
    expect(math.coinbase(three).subnets.map((x) => x.taoEmission)).toEqual(referenceT([perBlock(200), 0n, perBlock(100)], ONE));
    // User (300, 100), protocol (400, 400): c = 400 / 800 = 0.5 → net (100, −100) → L = 0 → 1, 0.
    expect(taoShares(input([withProtocol(300, 100), withProtocol(100, 400)], {}, 4))).toEqual([expect.closeTo(1, 7), 0]);
  });

  it('uses gross user flow when NetTaoFlowEnabled is off, and tao_flow ignores protocol flow altogether', () => {
    const flows = [withProtocol(300, 400), withProtocol(100, 400)];
    expect(taoShares(input(flows, { netEnabled: false }, 4))).toEqual([expect.closeTo(0.75, 7), expect.closeTo(0.25, 7)]);
    expect(taoShares(input(flows, {}, 3))).toEqual([expect.closeTo(0.75, 7), expect.closeTo(0.25, 7)]);
  });

  it('records what the protocol put into each pool this block (tao_in + chain buy) as protocol inflow', () => {
    const out = math.coinbase(input([withProtocol(300, 0), withProtocol(100, 0)], {}, 4));
    for (const s of out.subnets) expect(s.flow.protocol).toBe(s.taoIn + s.excessTao);
    expect(math.coinbase(input([withProtocol(300, 0)], {}, 3)).subnets[0].flow.protocol).toBe(0n);
  });
});

describe('recording user flows', () => {
  const flowDoc = (rule: string, extra: Record<string, unknown> = {}) => smallDoc({}, { rules: { share_rule: rule }, ...extra });

  it('counts TAO into the pool (fee excluded) on add_stake and burned_register, TAO out on remove_stake', () => {
    const state = chainOf(flowDoc('tao_flow'));
    const s = state.subnets[0];
    expect(s.flow).toEqual({ user: 0n, userEma: 0n, protocol: 0n, protocolEma: 0n });
    expect(applyAction(state, eng, { op: 'add_stake', coldkey: 'dave', hotkey: 'v1', netuid: 1, amount: 2n * TAO, limitPrice: null })).toEqual({ ok: true });
    const staked = 2n * TAO - swapFee(state, 2n * TAO);
    expect(s.flow!.user).toBe(staked);
    const burn = s.burn;
    expect(applyAction(state, eng, { op: 'burned_register', coldkey: 'dave', hotkey: 'dave-new', netuid: 1 })).toEqual({ ok: true });
    expect(s.flow!.user).toBe(staked + burn - swapFee(state, burn));
    const taoBefore = s.taoReserve;
    expect(applyAction(state, eng, { op: 'remove_stake', coldkey: 'bob', hotkey: 'v1', netuid: 1, amount: 10n * TAO })).toEqual({ ok: true });
    const out = taoBefore - s.taoReserve;
    expect(s.flow!.user).toBe(staked + burn - swapFee(state, burn) - out);
    // The next block folds the accumulated flow into the EMA: S = a·f exactly from 0, and f resets.
    const f = s.flow!.user;
    stepBlock(state, eng);
    expect(s.flow).toMatchObject({ user: 0n, userEma: alphaRaw(DEFAULT_FLOW_KNOBS.emaSmoothingFactor) * f });
  });

  it('keeps no flow state under a price rule, so such states hash as before', () => {
    const state = chainOf(smallDoc({ tao_flow_ema: '5' }));
    applyAction(state, eng, { op: 'add_stake', coldkey: 'dave', hotkey: 'v1', netuid: 1, amount: 2n * TAO, limitPrice: null });
    expect(state.subnets[0].flow).toBe(undefined);
    expect('flow' in state.subnets[0]).toBe(false);
  });

  it('runs a net-flow chain with stakes, unstakes and a new subnet, every conservation check holding', () => {
    const doc = flowDoc('net_tao_flow', {
      balances: { alice: '10000000000', bob: '10000000000', carol: '10000000000', dave: '10000000000', zoe: '2000000000000' },
      params: { network_rate_limit: 0, network_min_lock: '1000000000000' },
      actions: [
        { block: 3, op: 'add_stake', coldkey: 'dave', hotkey: 'v1', netuid: 1, amount: '5000000000' },
        { block: 5, op: 'remove_stake', coldkey: 'bob', hotkey: 'v1', netuid: 1, amount: '20000000000' },
        { block: 7, op: 'register_network', coldkey: 'zoe', hotkey: 'zoe-hk' },
      ],
    });
    (doc.subnets as Record<string, unknown>[])[0].tao_flow_ema = '1000';
    const scenario = parseScenario(JSON.stringify(doc));
    const state = chainOf(doc);
    let before = totals(state);
    const problems: string[] = [];
    for (let b = 1n; b <= 400n; b++) {
      const report = stepBlock(state, eng, scenario.actions.filter((a) => a.block === b).map((a) => a.action));
      expect(report.actions.every((a) => a.ok)).toBe(true);
      problems.push(...holdingErrors(state), ...flowErrors(before, state, report));
      before = totals(state);
    }
    expect(problems).toEqual([]);
    expect(state.subnets.map((s) => s.flow !== undefined)).toEqual([true, true]);
    // The only emitting subnet had a positive flow: it received all of E every block.
    expect(state.subnets[0].flow!.userEma).toBeGreaterThan(0n);
  });
});

describe('flow in yuma-chain/1', () => {
  it('reads the rules, the knobs and signed per-subnet EMAs, and writes them back exactly', () => {
    const doc = smallDoc({ tao_flow_ema: '-2.5', protocol_flow_ema: '12' }, {
      rules: { share_rule: 'net_tao_flow' },
      params: { flow_ema_smoothing_factor: '126847427788335', flow_norm_exponent: '1.5', tao_flow_cutoff: '-1000', net_tao_flow_enabled: false },
    });
    const s = parseScenario(JSON.stringify(doc));
    expect(s.rules.shareRule).toBe('net_tao_flow');
    expect(s.subnets[0]).toMatchObject({ taoFlowEma: -(5n << 63n), protocolFlowEma: 12n << 64n });
    expect(s.params).toMatchObject({ flowEmaSmoothingFactor: 126847427788335n, flowNormExponent: 3n << 63n, taoFlowCutoff: -(1000n << 64n), netTaoFlowEnabled: false });
    expect(parseScenario(JSON.stringify(writeScenario(s)))).toEqual(s);
    expect(chainOf(doc).subnets[0].flow).toEqual({ user: 0n, userEma: -(5n << 63n), protocol: 0n, protocolEma: 12n << 64n });
  });

  it('lets root set the knobs, FlowNormExponent only within [1, 2]', () => {
    const state = chainOf(smallDoc({}, { rules: { share_rule: 'tao_flow' } }));
    const sudo = (name: string, value: bigint | boolean) => applyAction(state, eng, { op: 'sudo_set', name, netuid: null, value });
    expect(sudo('flow_norm_exponent', 3n * ONE)).toEqual({ ok: false, error: 'InvalidValue' });
    expect(sudo('flow_norm_exponent', 2n * ONE)).toEqual({ ok: true });
    expect(sudo('tao_flow_cutoff', -ONE)).toEqual({ ok: true });
    expect(sudo('net_tao_flow_enabled', false)).toEqual({ ok: true });
    expect(state.params).toMatchObject({ flowNormExponent: 2n * ONE, taoFlowCutoff: -ONE, netTaoFlowEnabled: false });
  });
});
