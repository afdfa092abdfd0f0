// The table behind math-vectors.test.ts: math.rs function name → how one case of its vectors runs on the
// engine's test exports (assembly/testing*.ts). A record is looked up by the function name its `function`
// text starts with, or by its own name when that text is prose.
import type { Arg, WasmTesting } from '../../src/engine/wasm-testing.ts';
import type { Check, MathCase } from './math-case.ts';
import { I32F32_MAX, ONE, toInt, toRaw, type Literal } from './literals.ts';
import { weightedMedianProperty } from './weighted-median-property.ts';

export type Adapter = (c: MathCase, t: WasmTesting) => Check[];
type Exports = WasmTesting['ex'];

/** How a field travels: raw I32F32 vector, dense rows, sparse rows, u16/u64 integers, or booleans. */
type Kind = 'vec' | 'rows' | 'sparse' | 'ints' | 'bools';
/** How the result reads: raw vector, dense rows, sparse rows, or u16 integers (compared with `expected` as written). */
type Shape = 'vec' | 'rows' | 'sparse' | 'u16';

function argOf(c: MathCase, field: string, kind: Kind): Arg {
  if (kind === 'rows') return { rows: c.rows(field) };
  if (kind === 'sparse') return { sparse: c.sparse(field) };
  if (kind === 'ints') return { vec: c.ints(field) };
  if (kind === 'bools') return { bools: c.raw[field] };
  return { vec: c.vec(field) };
}

/** The common adapter: `inputs` into argument slots 0, 1, …, then `run`, then the result slot against `expected`. */
function op(inputs: [string, Kind][], out: Shape, run: (ex: Exports, c: MathCase) => void): Adapter {
  return (c, t) => {
    run(t.args(...inputs.map(([field, kind]) => argOf(c, field, kind))).ex, c);
    if (out === 'u16') return [c.check(t.vec().map(Number), c.raw.expected)];
    const got = out === 'vec' ? t.vec() : out === 'rows' ? t.rows() : t.sparse();
    const want = out === 'vec' ? c.vec('expected') : out === 'rows' ? c.rows('expected') : c.sparse('expected');
    return [c.check(got, want)];
  };
}

const PREDICATES = ['a == b', 'a < b', 'a <= b', 'a > b', 'a >= b', 'a != b'];
const sumOf = (v: bigint[]) => v.reduce((a, b) => a + b, 0n);

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
  if (b === 1_000_000n << 32n && a % ONE === 0n) {
    checks.push({ label: 'the epoch’s alphaFromBondsMovingAverage', got: t.ex.fxAlphaBma(a >> 32n), want });
  }
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

const M = 'matrix', V = 'vector';

export const ADAPTERS: Record<string, Adapter> = {
  vec_max_upscale_to_u16: op([['input', 'vec']], 'u16', (ex) => ex.mathVecMaxUpscaleToU16()),
  vec_u16_max_upscale_to_u16: op([['input', 'ints']], 'u16', (ex) => ex.mathVecU16MaxUpscaleToU16()),
  check_vec_max_limited: (c, t) => [c.check(t.args(argOf(c, 'input', 'ints')).ex.mathCheckVecMaxLimited(c.raw.max_limit), c.raw.expected)],
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
  is_topk: (c, t) => [c.check((t.args(argOf(c, 'input', 'vec')).ex.mathIsTopk(c.raw.k), t.bools()), c.raw.expected)],
  sum: (c, t) => [c.check(t.args(argOf(c, 'input', 'vec')).ex.mathSum(), c.q('expected'))],
  normalize: op([['input', 'vec']], 'vec', (ex) => ex.mathNormalize()),
  inplace_normalize: op([['input', 'vec']], 'vec', (ex) => ex.mathInplaceNormalize()),
  inplace_normalize_64: (c, t) => {
    t.args({ wide: c.vec('input', 64, 128) }).ex.mathInplaceNormalize64();
    return [c.check(t.wide(), c.vec('expected', 64, 128), undefined, 64)];
  },
  vecdiv: op([['x', 'vec'], ['y', 'vec']], 'vec', (ex) => ex.mathVecdiv()),
  inplace_row_normalize: op([['input', 'rows']], 'rows', (ex) => ex.mathInplaceRowNormalize()),
  inplace_row_normalize_sparse: op([['input', 'sparse']], 'sparse', (ex) => ex.mathInplaceRowNormalizeSparse()),
  inplace_col_normalize: op([['input', 'rows']], 'rows', (ex) => ex.mathInplaceColNormalize()),
  inplace_col_normalize_sparse: op([['input', 'sparse']], 'sparse', (ex, c) => ex.mathInplaceColNormalizeSparse(c.raw.columns)),
  inplace_col_max_upscale: op([['input', 'rows']], 'rows', (ex) => ex.mathInplaceColMaxUpscale()),
  inplace_col_max_upscale_sparse: op([['input', 'sparse']], 'sparse', (ex, c) => ex.mathInplaceColMaxUpscaleSparse(c.raw.columns)),
  inplace_mask_vector: op([['mask', 'bools'], ['input', 'vec']], 'vec', (ex) => ex.mathInplaceMaskVector()),
  inplace_mask_matrix: (c, t) => {
    const mask = (c.raw.mask as boolean[][]).map((row) => row.map((b) => (b ? 1n : 0n)));
    t.args({ rows: mask }, { rows: c.rows('input') }).ex.mathInplaceMaskMatrix();
    return [c.check(t.rows(), c.rows('expected'))];
  },
  inplace_mask_rows: op([['mask', 'bools'], ['input', 'rows']], 'rows', (ex) => ex.mathInplaceMaskRows()),
  inplace_mask_diag: op([['input', 'rows']], 'rows', (ex) => ex.mathInplaceMaskDiag()),
  inplace_mask_diag_except_index: op([['input', 'rows']], 'rows', (ex, c) => ex.mathInplaceMaskDiagExceptIndex(c.raw.except_index)),
  mask_rows_sparse: op([['mask', 'bools'], ['input', 'sparse']], 'sparse', (ex) => ex.mathMaskRowsSparse()),
  mask_diag_sparse: op([['input', 'sparse']], 'sparse', (ex) => ex.mathMaskDiagSparse()),
  mask_diag_sparse_except_index: op([['input', 'sparse']], 'sparse', (ex, c) => ex.mathMaskDiagSparseExceptIndex(c.raw.except_index)),
  vec_mask_sparse_matrix: op([['input', 'sparse'], ['first', 'ints'], ['second', 'ints']], 'sparse', (ex, c) => {
    const code = PREDICATES.indexOf(c.raw.predicate);
    if (code < 0) throw new Error(`unknown predicate ${c.raw.predicate}`);
    ex.mathVecMaskSparseMatrix(code);
  }),
  vec_mul: op([['a', 'vec'], ['b', 'vec']], 'vec', (ex) => ex.mathVecMul()),
  mat_vec_mul: op([[M, 'rows'], [V, 'vec']], 'rows', (ex) => ex.mathMatVecMul()),
  mat_vec_mul_sparse: op([[M, 'sparse'], [V, 'vec']], 'sparse', (ex) => ex.mathMatVecMulSparse()),
  row_hadamard: op([[M, 'rows'], [V, 'vec']], 'rows', (ex) => ex.mathRowHadamard()),
  row_hadamard_sparse: op([[M, 'sparse'], [V, 'vec']], 'sparse', (ex) => ex.mathRowHadamardSparse()),
  row_sum: op([[M, 'rows']], 'vec', (ex) => ex.mathRowSum()),
  row_sum_sparse: op([[M, 'sparse']], 'vec', (ex) => ex.mathRowSumSparse()),
  matmul: op([[M, 'rows'], [V, 'vec']], 'vec', (ex) => ex.mathMatmul()),
  matmul_transpose: op([[M, 'rows'], [V, 'vec']], 'vec', (ex) => ex.mathMatmulTranspose()),
  matmul_sparse: op([[M, 'sparse'], [V, 'vec']], 'vec', (ex, c) => ex.mathMatmulSparse(c.raw.columns)),
  matmul_transpose_sparse: op([[M, 'sparse'], [V, 'vec']], 'vec', (ex) => ex.mathMatmulTransposeSparse()),
  inplace_col_clip: op([[M, 'rows'], ['threshold', 'vec']], 'rows', (ex) => ex.mathInplaceColClip()),
  col_clip_sparse: op([[M, 'sparse'], ['threshold', 'vec']], 'sparse', (ex) => ex.mathColClipSparse()),
  weighted_median: weightedMedian,
  weighted_median_col: op([['stake', 'vec'], ['weights', 'rows']], 'vec', (ex, c) => ex.mathWeightedMedianCol(c.q('majority'))),
  weighted_median_col_sparse: op([['stake', 'vec'], ['weights', 'sparse']], 'vec', (ex, c) =>
    ex.mathWeightedMedianColSparse(c.raw.columns, c.q('majority')),
  ),
  interpolate: op([['A', 'rows'], ['B', 'rows']], 'rows', (ex, c) => ex.mathInterpolate(c.q('ratio'))),
  interpolate_sparse: op([['A', 'sparse'], ['B', 'sparse']], 'sparse', (ex, c) => ex.mathInterpolateSparse(c.raw.columns, c.q('ratio'))),
  mat_ema_alpha: matEmaAlpha,
  mat_ema_alpha_sparse: op([['new', 'sparse'], ['old', 'sparse'], ['alpha', 'rows']], 'sparse', (ex) => ex.mathMatEmaAlphaSparse()),
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
  fixed64_to_u64: (c, t) => {
    t.args({ wide: [toRaw(c.raw.input, 'int', 64, 128)] }).ex.mathVecFixed64ToU64();
    return [c.check(t.u64()[0], toInt(c.raw.expected))];
  },
  fixed64_to_fixed32: (c, t) => {
    t.args({ wide: [toRaw(c.raw.input, 'int', 64, 128)] }).ex.mathVecFixed64ToFixed32();
    return [c.check(t.vec()[0], toRaw(c.raw.expected, 'int'))];
  },
  vec_fixed64_to_fixed32: (c, t) => {
    t.args({ wide: (c.raw.input as Literal[]).map((v) => toRaw(v, 'int', 64, 128)) }).ex.mathVecFixed64ToFixed32();
    return [c.check(t.vec(), (c.raw.expected as Literal[]).map((v) => toRaw(v, 'int')))];
  },
  u16_to_fixed: (c, t) => [c.check(t.ex.mathU16ToFixed(c.raw.input), toRaw(c.raw.expected, 'int'))],
  u16_proportion_to_fixed: (c, t) => [c.check(t.ex.fxU16Proportion(c.raw.input), toRaw(c.raw.expected, 'int'))],
  fixed_proportion_to_u16: (c, t) => [c.check(t.ex.fxToU16(toRaw(c.raw.input, 'int')), c.raw.expected)],
  checked_sum: (c, t) => {
    const sum = t.args(argOf(c, 'input', 'ints')).ex.mathCheckedSum();
    const none = t.ex.mathCheckedSumIsNone();
    if (c.raw.expected === null) return [{ label: 'None', got: none, want: true }];
    return [{ label: 'Some', got: none, want: false }, c.check(sum, toInt(c.raw.expected))];
  },
};
