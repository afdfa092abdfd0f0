// The epoch's fast paths against the BigInt oracle: `qdiv` (native division for proportions and for Q values
// of integers, fixed.ts) must equal safe_div, and the series step of `exp` (transcendental.ts) must leave exp
// and exp_safe unchanged, on random operands of every magnitude and on the edges of each fast path's range;
// the liquid-alpha sigmoid (its x without a 128-bit product, 1 ⊘ (1 ⊕ e) by oneOver) must equal the oracle's,
// and so must the consensus, whose candidates and pivots differ from the chain's (consensus.ts).
import { describe, expect, it } from 'vitest';
import { createWasmTesting } from '../../src/engine/wasm-testing.ts';
import { exp, expSafe, safeDiv } from '../../src/oracle/fixed.ts';
import { alphaSigmoid } from '../../src/oracle/liquid-alpha.ts';
import { consensusColumns } from '../../src/oracle/consensus.ts';
import type { SparseRowRaw } from '../../src/model/epoch.ts';
import { engineModule } from './engine-module.ts';
import { I32F32_MAX, I32F32_MIN, ONE } from './literals.ts';

const testing = async () => createWasmTesting(await engineModule());
const exports = async () => (await testing()).ex;

/** A small deterministic PRNG over BigInts: uniform in [0, 2^bits). */
function lcg(seed: number) {
  let s = BigInt(seed);
  const next = () => (s = (s * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
  return (bits: number) => (next() >> (64n - BigInt(bits))) & ((1n << BigInt(bits)) - 1n);
}

describe('qdiv', () => {
  it('equals safe_div for random operands of every magnitude and sign', async () => {
    const ex = await exports();
    const r = lcg(1);
    for (let t = 0; t < 20000; t++) {
      const a = r(1 + Number(r(6)) % 63) * (r(4) === 0n ? -1n : 1n);
      const b = r(1 + Number(r(6)) % 63) * (r(4) === 0n ? -1n : 1n);
      expect(ex.fxDiv(a, b), `${a} ⊘ ${b}`).toBe(safeDiv(a, b));
    }
  });

  it('equals safe_div on exact multiples, their neighbours and the range edges', async () => {
    const ex = await exports();
    const r = lcg(2);
    const divisors = [1n, 2n, 3n, 65535n << 32n, ONE, ONE - 1n, ONE + 1n, 2n * ONE, (1n << 62n) - 1n, 1n << 62n, I32F32_MAX, I32F32_MIN, 0n];
    for (let t = 0; t < 200; t++) divisors.push(r(1 + (t % 62)) + 1n);
    for (const b of divisors) {
      const numerators = [0n, 1n, -1n, b, b - 1n, b + 1n, I32F32_MAX, I32F32_MIN, (b << 18n) - 1n, b << 17n, ONE - 1n, ONE, 1n << 31n, (1n << 31n) - 1n];
      for (let t = 0; t < 20; t++) {
        // a = ⌈k·b / 2^32⌉ ± 1 puts the quotient on and around the integer k.
        const k = r(50);
        const a = b === 0n ? k : (k * b + ONE - 1n) / ONE;
        numerators.push(a - 1n, a, a + 1n);
      }
      for (const a of numerators) {
        if (a > I32F32_MAX || a < I32F32_MIN) continue;
        expect(ex.fxDiv(a, b), `${a} ⊘ ${b}`).toBe(safeDiv(a, b));
      }
    }
  });
});

/** Arguments of exp: random in [−21, 21], the special cases, small magnitudes, integers and halves. */
function expArguments(seed: number): bigint[] {
  const r = lcg(seed);
  const xs: bigint[] = [0n, 1n, -1n, ONE, -ONE, ONE + 1n, 20n * ONE, -20n * ONE, 20n * ONE + 1n, -20n * ONE - 1n, 21n * ONE, I32F32_MAX, I32F32_MIN];
  // ±11 bounds the batched path's lockstep series.
  xs.push(11n * ONE, 11n * ONE + 1n, -11n * ONE, -11n * ONE - 1n, 11n * ONE - 1n);
  for (let t = 0; t < 6000; t++) xs.push((r(37) % (42n * ONE)) - 21n * ONE);
  // Small magnitudes, where few terms survive, and tenths and halves, where steps land on exact quotients.
  for (let t = 0; t < 500; t++) xs.push(r(1 + (t % 36)) * (t % 2 ? 1n : -1n));
  for (let k = -120n; k <= 120n; k++) xs.push((k * ONE) / 10n, (k * ONE) / 4n);
  return xs;
}

describe('qdiv of Q integers', () => {
  it('equals safe_div when both operands are whole numbers (u16 weights and their sums), or one of them is', async () => {
    const ex = await exports();
    const r = lcg(6);
    for (let t = 0; t < 5000; t++) {
      const a = (r(1 + (t % 31)) << 32n) + (t % 5 === 0 ? r(8) : 0n);
      const b = ((r(1 + ((t >> 3) % 31)) + 1n) << 32n) + (t % 7 === 0 ? r(8) : 0n);
      expect(ex.fxDiv(a, b), `${a} ⊘ ${b}`).toBe(safeDiv(a, b));
      expect(ex.fxDiv(-a, b), `${-a} ⊘ ${b}`).toBe(safeDiv(-a, b));
    }
  });
});

describe('exp', () => {
  it('matches the crate-exact series on random x in [−21, 21] and around the special cases', async () => {
    const ex = await exports();
    for (const x of expArguments(3)) {
      expect(ex.fxExp(x), `exp(${x})`).toBe(exp(x) ?? 0n);
      expect(ex.fxExpSafe(x), `exp_safe(${x})`).toBe(expSafe(x));
    }
  });

  it('gives exp_safe exactly through the batched path (four series in lockstep), in any grouping', async () => {
    const t = await testing();
    const xs = expArguments(4);
    // Shifting the start regroups the lanes; a tail shorter than four takes the single path.
    for (const from of [0, 1, 2, 3]) {
      const part = xs.slice(from);
      t.args({ vec: part }).ex.fxExpSafeAll();
      const got = t.vec();
      part.forEach((x, k) => expect(got[k], `exp_safe(${x})`).toBe(expSafe(x)));
    }
  });
});

describe('alpha sigmoid', () => {
  it('equals the oracle for every steepness edge and random (c, w, b), alpha bounds included', async () => {
    const ex = await exports();
    const r = lcg(5);
    const proportion = () => [0n, ONE, ONE >> 1n, 1n, ONE - 1n][Number(r(3)) % 5] ?? 0n;
    const value = () => (r(2) === 0n ? proportion() : r(33) % (ONE + 1n));
    const steepness = [1000n, 0n, 1n, -1n, 100n, -100n, 32767n, -32768n, 12345n, -777n];
    for (let t = 0; t < 4000; t++) {
      const s = (t < 2000 ? steepness[t % steepness.length] : (r(16) - 32768n)) << 32n;
      const [a, b] = [r(32) % (ONE + 1n), r(32) % (ONE + 1n)];
      const [low, high] = t % 7 === 0 ? [b, a] : a < b ? [a, b] : [b, a];
      const [c, w, bond] = [value(), value(), value()];
      expect(ex.fxAlphaSigmoid(c, w, bond, low, high, s), `α(${c}, ${w}, ${bond}, ${low}, ${high}, ${s})`).toBe(alphaSigmoid(c, w, bond, low, high, s));
    }
  });
});

describe('weighted median consensus', () => {
  it('equals the definition on columns with ties, absent entries, zero and exact-kappa stakes', async () => {
    const t = await testing();
    const r = lcg(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Number(r(6)) % 40;
      // Few distinct scores make ties; stakes include zeros and a split where one side holds exactly kappa.
      const palette = Array.from({ length: 1 + Number(r(3)) }, () => (r(2) === 0n ? 0n : r(33) % (ONE + 1n)) - (r(4) === 0n ? ONE / 2n : 0n));
      const stake = Array.from({ length: n }, () => [0n, ONE / 4n, 1n, r(32)][Number(r(2))]);
      const weights: SparseRowRaw[] = Array.from({ length: n }, () => {
        const row: SparseRowRaw = [];
        for (let j = 0; j < n; j++) if (r(2) !== 0n) row.push([j, palette[Number(r(8)) % palette.length]]);
        return row.sort(() => (r(1) === 0n ? -1 : 1));
      });
      const kappa = [ONE / 2n - 1n, 0n, ONE, ONE / 4n, -1n, r(33)][trial % 6];
      t.args({ vec: stake }, { sparse: weights }).ex.mathWeightedMedianColSparse(n, kappa);
      expect(t.vec(), `trial ${trial}`).toEqual(consensusColumns(stake, weights, n, kappa));
    }
  });
});
