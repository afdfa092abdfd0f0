// The table behind math-vectors.test.ts: math.rs function name → how one case of its vectors runs on the
// engine's test exports (assembly/testing*.ts). A record is looked up by the function name its `function`
// text starts with, or by its own name when that text is prose.
import type { WasmTesting } from '../../src/engine/wasm-testing.ts';
import type { Check, MathCase } from './math-case.ts';
import { I32F32_MAX, ONE, toInt, toRaw, type Literal } from './literals.ts';
import { weightedMedianProperty } from './weighted-median-property.ts';

export type Adapter = (c: MathCase, t: WasmTesting) => Check[];

const PREDICATES = ['a == b', 'a < b', 'a <= b', 'a > b', 'a >= b', 'a != b'];
const sumOf = (v: bigint[]) => v.reduce((a, b) => a + b, 0n);

/** Raw vector in, raw vector out, compared with the case's rule. */
const vecToVec =
  (run: (t: WasmTesting) => void, field = 'input'): Adapter =>
  (c, t) => {
    run(t.args({ vec: c.vec(field) }));
    return [c.check(t.vec(), c.vec('expected'))];
  };
const rowsToRows =
  (run: (t: WasmTesting) => void): Adapter =>
  (c, t) => {
    run(t.args({ rows: c.rows('input') }));
    return [c.check(t.rows(), c.rows('expected'))];
  };
const sparseToSparse =
  (run: (t: WasmTesting, c: MathCase) => void): Adapter =>
  (c, t) => {
    run(t.args({ sparse: c.sparse('input') }), c);
    return [c.check(t.sparse(), c.sparse('expected'))];
  };

function weightedMedian(c: MathCase, t: WasmTesting): Check[] {
  if (c.raw.property_test) return weightedMedianProperty(c.raw.construction, t);
  let stake = c.vec('stake');
  if (c.raw.stake_normalized_first) stake = (t.args({ vec: stake }).ex.mathNormalize(), t.vec());
  const majority = c.q('majority');
  if (!/^1 - majority/.test(c.raw.minority)) throw new Error(`unknown minority ${c.raw.minority}`);
  if (c.raw.partition_hi !== 'sum(stake)') throw new Error(`unknown partition_hi ${c.raw.partition_hi}`);
  const got = t.args({ vec: stake }, { vec: c.vec('score') }).ex.mathWeightedMedian(ONE - majority, c.q('partition_lo'), sumOf(stake));
  return [c.check(got, c.q('expected'))];
}

function matEmaAlpha(c: MathCase, t: WasmTesting): Check[] {
  const fresh = c.rows('new'), old = c.rows('old');
  t.args({ rows: fresh }, { rows: old }, { rows: c.rows('alpha') }).ex.mathMatEmaAlpha();
  const got = t.rows();
  if (typeof c.raw.expected !== 'string') return [c.check(got, c.rows('expected'))];
  // Prose expectation, e.g. "result[0][0] == old[0][0] (row-length mismatch returns `new` unchanged; …)".
  const checks: Check[] = [];
  const same = /result\[(\d+)\]\[(\d+)\] == old\[(\d+)\]\[(\d+)\]/.exec(c.raw.expected);
  if (same) {
    const [i, j, k, l] = same.slice(1).map(Number);
    checks.push({ label: same[0], got: got[i]?.[j], want: old[k][l] });
  }
  if (/returns `new` unchanged/.test(c.raw.expected)) checks.push({ label: 'returns new unchanged', got, want: fresh });
  if (checks.length === 0) throw new Error(`unreadable expectation: ${c.raw.expected}`);
  return checks;
}

function alphaFromRatio(c: MathCase, t: WasmTesting): Check[] {
  // "alpha = I32F32(1) - I32F32::from_num(I64F64(a)/I64F64(b))": the ratio in I64F64, floored to I32F32.
  const m = /I64F64\(([^()]+)\)\s*\/\s*I64F64\(([^()]+)\)/.exec(c.raw.description);
  if (!m) throw new Error(`no I64F64 ratio in: ${c.raw.description}`);
  const [a, b] = [m[1], m[2]].map((s) => toRaw(s.trim(), 'int'));
  t.args({ wide: [a << 32n] }, { wide: [b << 32n] }).ex.mathFixed64SafeDiv();
  t.args({ wide: t.wide() }).ex.mathVecFixed64ToFixed32();
  const want = c.raw.expected_raw !== undefined ? BigInt(c.raw.expected_raw) : toRaw(c.raw.expected, 'int');
  const checks: Check[] = [{ label: 'alpha', got: t.ex.fxSub(ONE, t.vec()[0]), want }];
  if (b === 1_000_000n << 32n && a % ONE === 0n) checks.push({ label: 'the epoch’s alphaFromBondsMovingAverage', got: t.ex.fxAlphaBma(a >> 32n), want });
  return checks;
}

function u64Normalization(c: MathCase, t: WasmTesting): Check[] {
  const num = toInt(c.raw.numerator), den = toInt(c.raw.denominator);
  t.args({ wide: [num << 64n] }, { wide: [den << 64n] }).ex.mathFixed64SafeDiv();
  const ratio = t.wide()[0];
  const want64 = c.raw.i64f64_raw !== undefined ? BigInt(c.raw.i64f64_raw) : toRaw(c.raw.expected_i64f64, 'f64', 64, 128);
  const want32 = toRaw(c.raw.expected_i32f32, 'f64');
  t.args({ wide: [ratio] }).ex.mathVecFixed64ToFixed32();
  const checks: Check[] = [{ label: 'I64F64 ratio', got: ratio, want: want64 }, { label: 'as I32F32', got: t.vec()[0], want: want32 }];
  // The epoch's closed form (stake.ts) on stakes [num, den − num] must agree.
  t.args({ vec: [num, den - num] }, { vec: [0n, 0n] }).ex.mathNormalizedStake(0n, 0n, -1);
  checks.push({ label: 'the epoch’s normalizedStake', got: t.vec()[0], want: want32 });
  return checks;
}

export const ADAPTERS: Record<string, Adapter> = {
  vec_max_upscale_to_u16: (c, t) => [c.check((t.args({ vec: c.vec('input') }).ex.mathVecMaxUpscaleToU16(), t.vec().map(Number)), c.raw.expected)],
  vec_u16_max_upscale_to_u16: (c, t) => [c.check((t.args({ vec: c.ints('input') }).ex.mathVecU16MaxUpscaleToU16(), t.vec().map(Number)), c.raw.expected)],
  check_vec_max_limited: (c, t) => [c.check(t.args({ vec: c.ints('input') }).ex.mathCheckVecMaxLimited(c.raw.max_limit), c.raw.expected)],
  test_math_fixed_overflow: alphaFromRatio,
  test_math_u64_normalization: u64Normalization,
  exp_safe: (c, t) => {
    const inputs: Literal[] = Array.isArray(c.raw.input) ? c.raw.input : [c.raw.input];
    return inputs.map((x) => ({ label: `exp_safe(${x})`, got: t.ex.fxExpSafe(toRaw(x, 'int')), want: BigInt(c.raw.expected_raw) }));
  },
  sigmoid_safe: (c, t) => {
    const [rho, kappa] = [toRaw(c.raw.rho, 'f64'), toRaw(c.raw.kappa, 'f64')];
    const got = (c.raw.input_trust as Literal[]).map((x) => t.ex.mathSigmoidSafe(toRaw(x, c.type('input')), rho, kappa));
    return [c.check(got, c.vec('expected'))];
  },
  is_topk: (c, t) => [c.check((t.args({ vec: c.vec('input') }).ex.mathIsTopk(c.raw.k), t.bools()), c.raw.expected)],
  sum: (c, t) => [c.check(t.args({ vec: c.vec('input') }).ex.mathSum(), c.q('expected'))],
  normalize: vecToVec((t) => t.ex.mathNormalize()),
  inplace_normalize: vecToVec((t) => t.ex.mathInplaceNormalize()),
  inplace_normalize_64: (c, t) => {
    t.args({ wide: c.vec('input', 64, 128) }).ex.mathInplaceNormalize64();
    return [c.check(t.wide(), c.vec('expected', 64, 128), undefined, 64)];
  },
  vecdiv: (c, t) => [c.check((t.args({ vec: c.vec('x') }, { vec: c.vec('y') }).ex.mathVecdiv(), t.vec()), c.vec('expected'))],
  inplace_row_normalize: rowsToRows((t) => t.ex.mathInplaceRowNormalize()),
  inplace_row_normalize_sparse: sparseToSparse((t) => t.ex.mathInplaceRowNormalizeSparse()),
  inplace_col_normalize: rowsToRows((t) => t.ex.mathInplaceColNormalize()),
  inplace_col_normalize_sparse: sparseToSparse((t, c) => t.ex.mathInplaceColNormalizeSparse(c.raw.columns)),
  inplace_col_max_upscale: rowsToRows((t) => t.ex.mathInplaceColMaxUpscale()),
  inplace_col_max_upscale_sparse: sparseToSparse((t, c) => t.ex.mathInplaceColMaxUpscaleSparse(c.raw.columns)),
  inplace_mask_vector: (c, t) => [c.check((t.args({ bools: c.raw.mask }, { vec: c.vec('input') }).ex.mathInplaceMaskVector(), t.vec()), c.vec('expected'))],
  inplace_mask_matrix: (c, t) => {
    const mask = (c.raw.mask as boolean[][]).map((row) => row.map((b) => (b ? 1n : 0n)));
    t.args({ rows: mask }, { rows: c.rows('input') }).ex.mathInplaceMaskMatrix();
    return [c.check(t.rows(), c.rows('expected'))];
  },
  inplace_mask_rows: (c, t) => [c.check((t.args({ bools: c.raw.mask }, { rows: c.rows('input') }).ex.mathInplaceMaskRows(), t.rows()), c.rows('expected'))],
  inplace_mask_diag: rowsToRows((t) => t.ex.mathInplaceMaskDiag()),
  inplace_mask_diag_except_index: (c, t) => [c.check((t.args({ rows: c.rows('input') }).ex.mathInplaceMaskDiagExceptIndex(c.raw.except_index), t.rows()), c.rows('expected'))],
  mask_rows_sparse: (c, t) => [c.check((t.args({ bools: c.raw.mask }, { sparse: c.sparse('input') }).ex.mathMaskRowsSparse(), t.sparse()), c.sparse('expected'))],
  mask_diag_sparse: sparseToSparse((t) => t.ex.mathMaskDiagSparse()),
  mask_diag_sparse_except_index: sparseToSparse((t, c) => t.ex.mathMaskDiagSparseExceptIndex(c.raw.except_index)),
  vec_mask_sparse_matrix: (c, t) => {
    const op = PREDICATES.indexOf(c.raw.predicate);
    if (op < 0) throw new Error(`unknown predicate ${c.raw.predicate}`);
    t.args({ sparse: c.sparse('input') }, { vec: c.ints('first') }, { vec: c.ints('second') }).ex.mathVecMaskSparseMatrix(op);
    return [c.check(t.sparse(), c.sparse('expected'))];
  },
  vec_mul: (c, t) => [c.check((t.args({ vec: c.vec('a') }, { vec: c.vec('b') }).ex.mathVecMul(), t.vec()), c.vec('expected'))],
  mat_vec_mul: (c, t) => [c.check((t.args({ rows: c.rows('matrix') }, { vec: c.vec('vector') }).ex.mathMatVecMul(), t.rows()), c.rows('expected'))],
  mat_vec_mul_sparse: (c, t) => [c.check((t.args({ sparse: c.sparse('matrix') }, { vec: c.vec('vector') }).ex.mathMatVecMulSparse(), t.sparse()), c.sparse('expected'))],
  row_hadamard: (c, t) => [c.check((t.args({ rows: c.rows('matrix') }, { vec: c.vec('vector') }).ex.mathRowHadamard(), t.rows()), c.rows('expected'))],
  row_hadamard_sparse: (c, t) => [c.check((t.args({ sparse: c.sparse('matrix') }, { vec: c.vec('vector') }).ex.mathRowHadamardSparse(), t.sparse()), c.sparse('expected'))],
  row_sum: (c, t) => [c.check((t.args({ rows: c.rows('matrix') }).ex.mathRowSum(), t.vec()), c.vec('expected'))],
  row_sum_sparse: (c, t) => [c.check((t.args({ sparse: c.sparse('matrix') }).ex.mathRowSumSparse(), t.vec()), c.vec('expected'))],
  matmul: (c, t) => [c.check((t.args({ rows: c.rows('matrix') }, { vec: c.vec('vector') }).ex.mathMatmul(), t.vec()), c.vec('expected'))],
  matmul_transpose: (c, t) => [c.check((t.args({ rows: c.rows('matrix') }, { vec: c.vec('vector') }).ex.mathMatmulTranspose(), t.vec()), c.vec('expected'))],
  matmul_sparse: (c, t) => [c.check((t.args({ sparse: c.sparse('matrix') }, { vec: c.vec('vector') }).ex.mathMatmulSparse(c.raw.columns), t.vec()), c.vec('expected'))],
  matmul_transpose_sparse: (c, t) => [c.check((t.args({ sparse: c.sparse('matrix') }, { vec: c.vec('vector') }).ex.mathMatmulTransposeSparse(), t.vec()), c.vec('expected'))],
  inplace_col_clip: (c, t) => [c.check((t.args({ rows: c.rows('matrix') }, { vec: c.vec('threshold') }).ex.mathInplaceColClip(), t.rows()), c.rows('expected'))],
  col_clip_sparse: (c, t) => [c.check((t.args({ sparse: c.sparse('matrix') }, { vec: c.vec('threshold') }).ex.mathColClipSparse(), t.sparse()), c.sparse('expected'))],
  weighted_median: weightedMedian,
  weighted_median_col: (c, t) => [c.check((t.args({ vec: c.vec('stake') }, { rows: c.rows('weights') }).ex.mathWeightedMedianCol(c.q('majority')), t.vec()), c.vec('expected'))],
  weighted_median_col_sparse: (c, t) => {
    t.args({ vec: c.vec('stake') }, { sparse: c.sparse('weights') }).ex.mathWeightedMedianColSparse(c.raw.columns, c.q('majority'));
    return [c.check(t.vec(), c.vec('expected'))];
  },
  interpolate: (c, t) => [c.check((t.args({ rows: c.rows('A') }, { rows: c.rows('B') }).ex.mathInterpolate(c.q('ratio')), t.rows()), c.rows('expected'))],
  interpolate_sparse: (c, t) => {
    t.args({ sparse: c.sparse('A') }, { sparse: c.sparse('B') }).ex.mathInterpolateSparse(c.raw.columns, c.q('ratio'));
    return [c.check(t.sparse(), c.sparse('expected'))];
  },
  mat_ema_alpha: matEmaAlpha,
  mat_ema_alpha_sparse: (c, t) => {
    t.args({ sparse: c.sparse('new') }, { sparse: c.sparse('old') }, { rows: c.rows('alpha') }).ex.mathMatEmaAlphaSparse();
    return [c.check(t.sparse(), c.sparse('expected'))];
  },
  fixed_to_u16: (c, t) => [c.check(t.ex.mathFixedToU16(toRaw(c.raw.input, 'int')), c.raw.expected)],
  test_math_fixed_to_u16_panics: (c, t) => {
    // The Rust test expects I32F32::from_num to panic ("overflow"); here: the value does not fit, and the
    // saturating conversion every math.rs helper uses clamps it to I32F32::MAX.
    if (!/^panic: overflow/.test(c.raw.expected)) throw new Error(`unknown expectation ${c.raw.expected}`);
    const v = toInt(c.raw.input);
    return [
      { label: 'from_num overflows', got: t.ex.mathFromIntFits(v), want: false },
      { label: 'saturating_from_num saturates', got: t.ex.mathFromInt(v), want: I32F32_MAX },
    ];
  },
  fixed_to_u64: (c, t) => [c.check(t.ex.mathFixedToU64(toRaw(c.raw.input, 'int')), toInt(c.raw.expected))],
  fixed64_to_u64: (c, t) => [c.check((t.args({ wide: [toRaw(c.raw.input, 'int', 64, 128)] }).ex.mathVecFixed64ToU64(), t.u64()[0]), toInt(c.raw.expected))],
  fixed64_to_fixed32: (c, t) => [c.check((t.args({ wide: [toRaw(c.raw.input, 'int', 64, 128)] }).ex.mathVecFixed64ToFixed32(), t.vec()[0]), toRaw(c.raw.expected, 'int'))],
  vec_fixed64_to_fixed32: (c, t) => {
    t.args({ wide: (c.raw.input as Literal[]).map((v) => toRaw(v, 'int', 64, 128)) }).ex.mathVecFixed64ToFixed32();
    return [c.check(t.vec(), (c.raw.expected as Literal[]).map((v) => toRaw(v, 'int')))];
  },
  u16_to_fixed: (c, t) => [c.check(t.ex.mathU16ToFixed(c.raw.input), toRaw(c.raw.expected, 'int'))],
  u16_proportion_to_fixed: (c, t) => [c.check(t.ex.fxU16Proportion(c.raw.input), toRaw(c.raw.expected, 'int'))],
  fixed_proportion_to_u16: (c, t) => [c.check(t.ex.fxToU16(toRaw(c.raw.input, 'int')), c.raw.expected)],
  checked_sum: (c, t) => {
    const sum = t.args({ vec: c.ints('input') }).ex.mathCheckedSum();
    const none = t.ex.mathCheckedSumIsNone();
    if (c.raw.expected === null) return [{ label: 'None', got: none, want: true }];
    return [{ label: 'Some', got: none, want: false }, c.check(sum, toInt(c.raw.expected))];
  },
};
