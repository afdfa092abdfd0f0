// subtensor's tests/math.rs vectors (golden/subtensor/math-tests.json) run against the oracle's building blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SparseRowRaw } from '../../src/model/epoch.ts';
import { matEmaAlphaSparse } from '../../src/oracle/bonds.ts';
import { colClipSparse, consensusColumns, weightedMedian } from '../../src/oracle/consensus.ts';
import { maxUpscaleU16, vecMaxUpscaleToU16 } from '../../src/oracle/emission.ts';
import {
  type Fixed,
  I32F32_MAX,
  I32F32_MIN,
  ONE,
  expSafe,
  fromF32,
  fromF64,
  fromInt,
  safeDiv,
  saturatingAdd,
  saturatingMul,
  saturatingSub,
} from '../../src/oracle/fixed.ts';
import { alphaFromMovingAverage } from '../../src/oracle/liquid-alpha.ts';
import {
  colMaxUpscaleSparse,
  colNormalizeSparse,
  interpolateSparse,
  matmulSparse,
  matmulTransposeSparse,
  rowHadamardSparse,
  rowNormalizeSparse,
  sum,
} from '../../src/oracle/sparse.ts';
import { topK } from '../../src/oracle/stake.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'golden', 'subtensor', 'math-tests.json'), 'utf8'));
const cases = (name: string): Json[] => file.math_tests.find((t: Json) => t.name === name).cases;

/** A literal of the Rust test as I32F32: f32 by default (vec_to_fixed / fixed() take f32), or its stated type. */
function lit(v: Json, type = 'f32'): Fixed {
  if (v === 'I32F32::MAX' || v === 'MAX') return I32F32_MAX;
  if (v === 'I32F32::MIN' || v === 'MIN') return I32F32_MIN;
  if (type === 'int' || type === 'int/special') return fromInt(v);
  return type === 'f64' ? fromF64(v) : fromF32(v);
}
const vec = (values: Json[], type?: string): Fixed[] => values.map((v) => lit(v, type));
const sparse = (rows: Json[][], type?: string): SparseRowRaw[] =>
  rows.map((row) => row.map(([j, v]): [number, bigint] => [j, lit(v, type)]));

/** `exact` compares raw bits with the expected literal; `abs<=eps` compares real values within epsilon. */
function expectClose(got: Fixed, expected: Json, c: Json): void {
  const want = lit(expected, c.expected_literal_type ?? c.literal_type);
  if (c.compare === 'abs<=eps') expect(Math.abs(Number(got - want) / 2 ** 32)).toBeLessThanOrEqual(c.epsilon);
  else expect(got).toBe(want);
}
function expectSparseClose(got: SparseRowRaw[], expected: Json[][], c: Json): void {
  expect(got.map((row) => row.map(([j]) => j))).toEqual(expected.map((row) => row.map(([j]: [number]) => j)));
  got.forEach((row, i) => row.forEach(([, v], k) => expectClose(v, expected[i][k][1], c)));
}

describe(vecMaxUpscaleToU16, () => {
  it('matches test_vec_max_upscale_to_u16', () => {
    for (const c of cases('test_vec_max_upscale_to_u16'))
      expect(vecMaxUpscaleToU16(vec(c.input, c.input_literal_type))).toEqual(c.expected);
  });
});

describe(maxUpscaleU16, () => {
  it('matches test_vec_u16_max_upscale_to_u16', () => {
    for (const c of cases('test_vec_u16_max_upscale_to_u16')) expect(maxUpscaleU16(c.input)).toEqual(c.expected);
  });
});

describe(expSafe, () => {
  it('matches the raw values of test_math_exp_safe', () => {
    for (const c of cases('test_math_exp_safe')) {
      for (const x of [c.input].flat()) expect(expSafe(typeof x === 'number' ? fromInt(x) : lit(x)).toString()).toBe(c.expected_raw);
    }
  });

  it('matches test_math_sigmoid_safe exactly (an exact check of the Taylor exp)', () => {
    for (const c of cases('test_math_sigmoid_safe')) {
      const rho = typeof c.rho === 'number' ? fromInt(c.rho) : lit(c.rho);
      const kappa = typeof c.kappa === 'number' ? fromF64(c.kappa) : lit(c.kappa);
      const negRho = saturatingMul(rho, -ONE);
      c.input_trust.forEach((x: Json, k: number) => {
        const offset = saturatingSub(lit(x, c.input_literal_type), kappa);
        const sigmoid = safeDiv(ONE, saturatingAdd(expSafe(saturatingMul(negRho, offset)), ONE));
        expect(sigmoid).toBe(lit(c.expected[k], c.expected_literal_type));
      });
    }
  });
});

describe(alphaFromMovingAverage, () => {
  it('matches test_math_fixed_overflow', () => {
    expect(alphaFromMovingAverage(900000n).toString()).toBe(cases('test_math_fixed_overflow')[0].expected_raw);
  });
});

describe(topK, () => {
  it('matches test_math_is_topk (legacy is_topk)', () => {
    for (const c of cases('test_math_is_topk')) expect(topK(vec(c.input), c.k, false)).toEqual(c.expected);
  });
});

describe(weightedMedian, () => {
  it('matches the fixed cases of test_math_weighted_median', () => {
    for (const c of cases('test_math_weighted_median').filter((x: Json) => !x.property_test)) {
      const stake = vec(c.stake);
      const stakes = c.stake_normalized_first ? stake.map((s) => safeDiv(s, sum(stake))) : stake;
      const minority = saturatingSub(ONE, lit(c.majority));
      expect(weightedMedian(stakes, vec(c.score), minority)).toBe(lit(c.expected));
    }
  });
});

describe(consensusColumns, () => {
  it('matches test_math_weighted_median_col_sparse', () => {
    for (const c of cases('test_math_weighted_median_col_sparse')) {
      expect(consensusColumns(vec(c.stake), sparse(c.weights), c.columns, lit(c.majority))).toEqual(vec(c.expected));
    }
  });
});

describe(interpolateSparse, () => {
  it('matches test_math_interpolate_sparse', () => {
    for (const c of cases('test_math_interpolate_sparse')) {
      expectSparseClose(interpolateSparse(sparse(c.A), sparse(c.B), c.columns, lit(c.ratio, c.ratio_literal_type)), c.expected, c);
    }
  });
});

describe(colClipSparse, () => {
  it('matches test_math_col_clip_sparse, dropping entries above a zero threshold', () => {
    for (const c of cases('test_math_col_clip_sparse')) expectSparseClose(colClipSparse(sparse(c.matrix), vec(c.threshold)), c.expected, c);
  });
});

describe(colNormalizeSparse, () => {
  it('matches test_math_inplace_col_normalize_sparse', () => {
    for (const c of cases('test_math_inplace_col_normalize_sparse'))
      expectSparseClose(colNormalizeSparse(sparse(c.input), c.columns), c.expected, c);
  });
});

describe(colMaxUpscaleSparse, () => {
  it('matches test_math_inplace_col_max_upscale_sparse', () => {
    for (const c of cases('test_math_inplace_col_max_upscale_sparse')) {
      expectSparseClose(colMaxUpscaleSparse(sparse(c.input), c.columns), c.expected, { compare: 'abs<=eps', epsilon: 0.0001, ...c });
    }
  });
});

describe(rowNormalizeSparse, () => {
  it('matches test_math_inplace_row_normalize_sparse', () => {
    for (const c of cases('test_math_inplace_row_normalize_sparse')) expectSparseClose(rowNormalizeSparse(sparse(c.input)), c.expected, c);
  });
});

describe(matmulSparse, () => {
  it('matches test_math_sparse_matmul', () => {
    for (const c of cases('test_math_sparse_matmul'))
      expect(matmulSparse(sparse(c.matrix), vec(c.vector), c.columns)).toEqual(vec(c.expected));
  });
});

describe(matmulTransposeSparse, () => {
  it('matches test_math_sparse_matmul_transpose', () => {
    for (const c of cases('test_math_sparse_matmul_transpose'))
      expect(matmulTransposeSparse(sparse(c.matrix), vec(c.vector))).toEqual(vec(c.expected));
  });
});

describe(rowHadamardSparse, () => {
  it('matches test_math_row_hadamard_sparse', () => {
    for (const c of cases('test_math_row_hadamard_sparse'))
      expectSparseClose(rowHadamardSparse(sparse(c.matrix), vec(c.vector)), c.expected, c);
  });
});

describe(matEmaAlphaSparse, () => {
  const names = [
    'test_math_sparse_mat_ema_alpha',
    'test_mat_ema_alpha_sparse_single_element',
    'test_mat_ema_alpha_sparse_multiple_elements',
  ];
  const more = ['zero_alpha', 'one_alpha', 'mixed_alpha', 'sparse_matrix', 'varying_alpha'].map((s) => `test_mat_ema_alpha_sparse_${s}`);

  it('matches the mat_ema_alpha_sparse vectors, dropping bonds of absent columns', () => {
    for (const c of [...names, ...more].flatMap(cases)) {
      const type = c.literal_type;
      const next = sparse(c.new, type);
      const alphas = next.map((row, i) => row.map(([j]): [number, bigint] => [j, lit(c.alpha[i][j], type)]));
      const columns = Math.max(0, ...c.alpha.map((row: Json[]) => row.length));
      expectSparseClose(matEmaAlphaSparse(next, sparse(c.old, type), alphas, columns), c.expected, {
        compare: 'abs<=eps',
        epsilon: 1e-6,
        ...c,
      });
    }
  });
});
