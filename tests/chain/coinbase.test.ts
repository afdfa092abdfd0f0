// The coinbase arithmetic (chain.md §2.2–2.5) against the worked example of §2.6, redone by hand in
// exact integers: U64F64 shares, U96F32 terms (value = raw / 2^32), floors to rao.
import { describe, expect, it } from 'vitest';
import type { CoinbaseIn, CoinbaseSubnetIn } from '../../src/chain/math.ts';
import { engines, TAO } from './helpers.ts';

const { math } = await engines();
const E = TAO / 2n; // post-halving: 0.5 TAO per block
const TAO_WEIGHT = 3320413933267719291n; // 0.18 as a u64 fraction
const R = 3_000_000n * TAO; // TAO staked on root

const subnet = (over: Partial<CoinbaseSubnetIn>): CoinbaseSubnetIn => ({
  taoReserve: 0n, alphaIn: 0n, alphaOut: 0n, emaPrice: 0n, minerBurned: 0n, emitting: true, emissionEnabled: true, ownerCutEnabled: true, ...over,
});
// Subnet A: spot price 180 000 / 3 600 000 = 0.05, alpha issuance 3.6 M + 0.4 M = 4 M α.
const A = subnet({ taoReserve: 180_000n * TAO, alphaIn: 3_600_000n * TAO, alphaOut: 400_000n * TAO, emaPrice: 171798692n });
// EMA prices 0.03 (MinerBurned 0.5) and 0.01, as 32-fractional-bit raw values (round(p·2^32)).
const B = subnet({ taoReserve: 30_000n * TAO, alphaIn: 1_000_000n * TAO, emaPrice: 128849019n, minerBurned: 1n << 31n });
const C = subnet({ taoReserve: 10_000n * TAO, alphaIn: 1_000_000n * TAO, emaPrice: 42949673n });
const input = (subnets: CoinbaseSubnetIn[], over: Partial<CoinbaseIn> = {}): CoinbaseIn => ({
  emission: E, rootTao: R, taoWeight: TAO_WEIGHT, ownerCut: 11796, shareRule: 0, injectionCap: 0, subnets, ...over,
});

describe(math.coinbase, () => {
  const out = math.coinbase(input([A, B, C]));

  it('splits E by EMA price × (1 − MinerBurned): 0.3077 / 0.1154 / 0.0769 TAO', () => {
    // Weights in U64F64 (raw / 2^64): w_A = 171798692·2^32, w_B = 128849019·2^32 ⊗ 0.5 = 128849019·2^31,
    // w_C = 42949673·2^32; Σw = 558345749·2^31. share_i = trunc(w_i·2^64 / Σw); T_i = ⌊E · share_i / 2^64⌋.
    const sum = 558345749n << 31n;
    const share = (w: bigint) => (w << 64n) / sum;
    const t = (w: bigint) => (E * share(w)) >> 64n;
    const expected = [t(171798692n << 32n), t(128849019n << 31n), t(42949673n << 32n)];
    expect(out.subnets.map((s) => s.taoEmission)).toEqual(expected);
    // The spec's rounded values: 0.3077, 0.1154, 0.0769 TAO.
    expect(expected.map((v) => Number(v) / 1e9)).toEqual([expect.closeTo(0.3077, 4), expect.closeTo(0.1154, 4), expect.closeTo(0.0769, 4)]);
  });

  it('caps subnet A at root proportion × α emission and spends the rest of T on a chain buy', () => {
    // tao_weight = trunc(TaoWeight·2^32 / (2^64 − 1)); w·R = R·tw (raw); A = 4 M α → raw A·2^32.
    const tw = (TAO_WEIGHT << 32n) / ((1n << 64n) - 1n);
    const wR = R * tw;
    const rp = (wR << 32n) / (wR + ((4_000_000n * TAO) << 32n)); // 540 000 / 4 540 000 ≈ 0.1189
    expect(Number(rp) / 2 ** 32).toBeCloseTo(0.1189, 4);
    // cap = rp ⊗ 1 α (raw rp·1e9) binds (T/p = 6.15 α); tao_in = cap ⊗ p with p = trunc(2^32 / 20).
    const capRaw = rp * TAO;
    const price = (1n << 32n) / 20n;
    const taoInRaw = (capRaw * price) >> 32n;
    const a = out.subnets[0];
    expect(a.alphaInjected).toBe(capRaw >> 32n);
    expect(a.taoIn).toBe(taoInRaw >> 32n);
    // T keeps its 32 fractional bits (U96F32 of E ⊗ share): T_raw = ⌊E·share / 2^32⌋; excess = ⌊T_raw − tao_in⌋.
    const tRaw = (E * (((171798692n << 32n) << 64n) / (558345749n << 31n))) >> 32n;
    expect(a.taoEmission).toBe(tRaw >> 32n);
    expect(a.excessTao).toBe((tRaw - taoInRaw) >> 32n);
    // Spec: alpha_in 0.1189 α, tao_in 0.0059 TAO, chain buy 0.3017 TAO.
    expect(Number(a.alphaInjected) / 1e9).toBeCloseTo(0.1189, 4);
    expect(Number(a.taoIn) / 1e9).toBeCloseTo(0.0059, 4);
    expect(Number(a.excessTao) / 1e9).toBeCloseTo(0.3017, 4);
    // The chain buy is a fee-free constant-product swap: ⌊α_reserve · Δτ / (τ_reserve + Δτ)⌋.
    expect(a.alphaBought).toBe((3_600_000n * TAO * a.excessTao) / (180_000n * TAO + a.excessTao));
    expect(a.taoReserve).toBe(180_000n * TAO + a.excessTao + a.taoIn);
    expect(a.alphaIn).toBe(3_600_000n * TAO - a.alphaBought + a.alphaInjected);
  });

  it('fills the pending buckets 18 / 41 / 41 with root taking rp of the validator half', () => {
    // α_out = 1 α. Owner cut = 1 α ⊗ trunc(11796·2^32 / 65535); a' = 1 α − cut.
    const cutRaw = ((TAO << 32n) * ((11796n << 32n) / 65535n)) >> 32n;
    const rest = (TAO << 32n) - cutRaw;
    const a = out.subnets[0];
    expect(a.ownerCut).toBe(cutRaw >> 32n);
    expect(a.server).toBe((rest >> 1n) >> 32n);
    // Root proportion after this block's injection: A = 4 M α + α_in + 1 α.
    const tw = (TAO_WEIGHT << 32n) / ((1n << 64n) - 1n);
    const wR = R * tw;
    const alphaIssuance = 4_000_000n * TAO + a.alphaInjected + TAO;
    const rp = (wR << 32n) / (wR + (alphaIssuance << 32n));
    const rootRaw = (((rp * rest) >> 32n) << 31n) >> 32n;
    // Σ EMA price = 0.08 ≤ 1: the root sell flag is off, so the root share is recycled.
    expect(out.rootSell).toBe(false);
    expect(a.root).toBe(0n);
    expect(a.rootRecycled).toBe(rootRaw >> 32n);
    expect(a.validator).toBe((rest - (rest >> 1n) - rootRaw) >> 32n);
    // Spec: owner 0.180, miners 0.410, root 0.0488, alpha validators 0.3612.
    expect([a.ownerCut, a.server, a.rootRecycled, a.validator].map((v) => Number(v) / 1e9))
      .toEqual([expect.closeTo(0.18, 3), expect.closeTo(0.41, 3), expect.closeTo(0.0488, 4), expect.closeTo(0.3612, 4)]);
    expect(a.dust).toBe(TAO - a.ownerCut - a.server - a.validator - a.rootRecycled);
    expect(a.dust).toBeLessThanOrEqual(3n);
  });

  it('accumulates the root share instead once Σ EMA price exceeds 1', () => {
    const high = math.coinbase(input([{ ...A, emaPrice: 3n << 31n }, B, C]));
    expect(high.rootSell).toBe(true);
    expect(high.subnets[0].rootRecycled).toBe(0n);
    expect(high.subnets[0].root).toBeGreaterThan(0n);
  });

  it('spends exactly E: Σ (tao_in + excess) + recycled = E, the floors are recycled', () => {
    const spent = out.subnets.reduce((s, x) => s + x.taoIn + x.excessTao, 0n);
    expect(spent + out.recycledTao).toBe(E);
    expect(out.recycledTao).toBeLessThanOrEqual(3n);
  });

  it('zeroes a subnet with emission disabled and renormalises the others', () => {
    const off = math.coinbase(input([A, { ...B, emissionEnabled: false }, C]));
    expect(off.subnets[1].taoEmission).toBe(0n);
    // A and C share E 0.04 : 0.01 → 0.4 and 0.1 TAO (up to the floors of two divisions).
    expect(Number(off.subnets[0].taoEmission) / 1e9).toBeCloseTo(0.4, 8);
    expect(Number(off.subnets[2].taoEmission) / 1e9).toBeCloseTo(0.1, 8);
    // The subnet still mints its α and fills its buckets.
    expect(off.subnets[1].alphaEmitted).toBe(TAO);
  });

  it('recycles the whole block when no subnet may receive TAO', () => {
    const none = math.coinbase(input([{ ...A, emitting: false }, { ...B, emissionEnabled: false }]));
    expect(none.recycledTao).toBe(E);
    expect(none.subnets[0].alphaEmitted).toBe(0n);
  });

  it('falls back to plain EMA shares when every weight is zero', () => {
    const burned = math.coinbase(input([{ ...A, minerBurned: 1n << 32n }, { ...C, minerBurned: 1n << 32n }]));
    expect(Number(burned.subnets[0].taoEmission) / 1e9).toBeCloseTo(0.4, 8);
  });

  it('uses the older rules when pinned: Feb 2025 price shares without chain buys, Dec 2025 cap at E', () => {
    const feb = math.coinbase(input([A, B, C], { shareRule: 1, injectionCap: 2 }));
    // p̄ shares 0.04 : 0.03 : 0.01 → 0.25, 0.1875, 0.0625 TAO; tao_in = T (no chain buy).
    expect(Number(feb.subnets[0].taoEmission) / 1e9).toBeCloseTo(0.25, 8);
    expect(feb.subnets[0].taoIn).toBe(feb.subnets[0].taoEmission);
    expect(feb.subnets[0].excessTao).toBe(0n);
    expect(feb.subnets[0].alphaInjected).toBe(TAO); // capped at 1 α emission
    const dec = math.coinbase(input([A, B, C], { injectionCap: 1 }));
    expect(dec.subnets[0].alphaInjected).toBe(E); // min(α emission, E) = 0.5 α
  });
});
