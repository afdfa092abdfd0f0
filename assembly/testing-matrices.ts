// Test entry points for the matrix functions of subtensor's epoch/math.rs, named `math` + the math.rs
// name. Matrices arrive encoded in argument slots and leave encoded in the result slot (testing-args.ts).
// Sparse ones wrap the functions the epoch runs (sparsemath.ts, consensus.ts) where they exist.

import { Vec64 } from './sparse';
import {
  rowSumSparse, inplaceRowNormalizeSparse, inplaceColNormalizeSparse, inplaceColMaxUpscaleSparse, colClipSparse,
  rowHadamardSparse, rowDotSparse, interpolateSparse,
  matmulSparse,
} from './sparsemath';
import { weightedMedianColSparse } from './consensus';
import {
  Rows, inplaceRowNormalize, inplaceColNormalize, inplaceColMaxUpscale, inplaceMaskMatrix, inplaceMaskRows, inplaceMaskDiag,
  inplaceMaskDiagExceptIndex, matVecMul, rowHadamard, rowSum, matmul, matmulTranspose, inplaceColClip, weightedMedianCol,
  interpolate, matEmaAlpha,
} from './dense';
import { maskRowsSparse, maskDiagSparseExceptIndex, vecMaskSparseMatrix, matVecMulSparse, matEmaAlphaSparse } from './testing-sparsemath';
import { arg, setResult, decodeBools, decodeRows, encodeRows, decodeSparse, encodeSparse } from './testing-args';

function rowsArg(slot: i32): Rows { return decodeRows(arg(slot)); }
function asU64(v: Vec64): StaticArray<u64> { return changetype<StaticArray<u64>>(v); }

// Dense (Vec<Vec<I32F32>>), assembly/dense.ts.
export function mathInplaceRowNormalize(): void { const m = rowsArg(0); inplaceRowNormalize(m); setResult(encodeRows(m)); }
export function mathInplaceColNormalize(): void { const m = rowsArg(0); inplaceColNormalize(m); setResult(encodeRows(m)); }
export function mathInplaceColMaxUpscale(): void { const m = rowsArg(0); inplaceColMaxUpscale(m); setResult(encodeRows(m)); }
/** inplace_mask_matrix(mask = slot 0 as 0/1 rows, matrix = slot 1). */
export function mathInplaceMaskMatrix(): void { const m = rowsArg(1); inplaceMaskMatrix(rowsArg(0), m); setResult(encodeRows(m)); }
/** inplace_mask_rows(mask = slot 0, matrix = slot 1). */
export function mathInplaceMaskRows(): void { const m = rowsArg(1); inplaceMaskRows(decodeBools(arg(0)), m); setResult(encodeRows(m)); }
export function mathInplaceMaskDiag(): void { const m = rowsArg(0); inplaceMaskDiag(m); setResult(encodeRows(m)); }
export function mathInplaceMaskDiagExceptIndex(except: i32): void {
  const m = rowsArg(0);
  inplaceMaskDiagExceptIndex(m, except);
  setResult(encodeRows(m));
}
export function mathMatVecMul(): void { setResult(encodeRows(matVecMul(rowsArg(0), arg(1)))); }
export function mathRowHadamard(): void { setResult(encodeRows(rowHadamard(rowsArg(0), arg(1)))); }
export function mathRowSum(): void { setResult(rowSum(rowsArg(0))); }
export function mathMatmul(): void { setResult(matmul(rowsArg(0), arg(1))); }
export function mathMatmulTranspose(): void { setResult(matmulTranspose(rowsArg(0), arg(1))); }
export function mathInplaceColClip(): void { const m = rowsArg(0); inplaceColClip(m, arg(1)); setResult(encodeRows(m)); }
/** weighted_median_col(stake = slot 0, score = slot 1, majority). */
export function mathWeightedMedianCol(majority: i64): void { setResult(weightedMedianCol(arg(0), rowsArg(1), majority)); }
export function mathInterpolate(ratio: i64): void { setResult(encodeRows(interpolate(rowsArg(0), rowsArg(1), ratio))); }
/** mat_ema_alpha(new = slot 0, old = slot 1, alpha = slot 2). */
export function mathMatEmaAlpha(): void { setResult(encodeRows(matEmaAlpha(rowsArg(0), rowsArg(1), rowsArg(2)))); }

// Sparse (Vec<Vec<(u16, I32F32)>>): the epoch's own functions first.
export function mathInplaceRowNormalizeSparse(): void {
  const m = decodeSparse(arg(0));
  inplaceRowNormalizeSparse(m);
  setResult(encodeSparse(m));
}
export function mathInplaceColNormalizeSparse(columns: i32): void {
  const m = decodeSparse(arg(0));
  inplaceColNormalizeSparse(m, columns);
  setResult(encodeSparse(m));
}
export function mathInplaceColMaxUpscaleSparse(columns: i32): void {
  const m = decodeSparse(arg(0));
  inplaceColMaxUpscaleSparse(m, columns);
  setResult(encodeSparse(m));
}
export function mathRowHadamardSparse(): void { setResult(encodeSparse(rowHadamardSparse(decodeSparse(arg(0)), arg(1)))); }
export function mathRowSumSparse(): void { setResult(rowSumSparse(decodeSparse(arg(0)))); }
export function mathMatmulSparse(columns: i32): void { setResult(matmulSparse(decodeSparse(arg(0)), arg(1), columns)); }
/** matmul_transpose_sparse through the epoch's dividend product rowDotSparse. */
export function mathMatmulTransposeSparse(): void { setResult(rowDotSparse(decodeSparse(arg(0)), arg(1))); }
export function mathColClipSparse(): void { setResult(encodeSparse(colClipSparse(decodeSparse(arg(0)), arg(1)))); }
/** weighted_median_col_sparse(stake = slot 0, score = slot 1, columns, majority): the epoch's consensus. */
export function mathWeightedMedianColSparse(columns: i32, majority: i64): void {
  setResult(weightedMedianColSparse(arg(0), decodeSparse(arg(1)), majority, columns));
}
export function mathInterpolateSparse(columns: i32, ratio: i64): void {
  setResult(encodeSparse(interpolateSparse(decodeSparse(arg(0)), decodeSparse(arg(1)), ratio, columns)));
}

// Sparse functions the epoch fuses into others, assembly/testing-sparsemath.ts.
/** mask_rows_sparse(mask = slot 0, matrix = slot 1). */
export function mathMaskRowsSparse(): void { setResult(encodeSparse(maskRowsSparse(decodeBools(arg(0)), decodeSparse(arg(1))))); }
export function mathMaskDiagSparse(): void { setResult(encodeSparse(maskDiagSparseExceptIndex(decodeSparse(arg(0)), -1))); }
export function mathMaskDiagSparseExceptIndex(except: i32): void {
  setResult(encodeSparse(maskDiagSparseExceptIndex(decodeSparse(arg(0)), except)));
}
/** vec_mask_sparse_matrix(matrix = slot 0, first = slot 1, second = slot 2, predicate code, testing-sparsemath.ts). */
export function mathVecMaskSparseMatrix(op: i32): void {
  setResult(encodeSparse(vecMaskSparseMatrix(decodeSparse(arg(0)), asU64(arg(1)), asU64(arg(2)), op)));
}
export function mathMatVecMulSparse(): void { setResult(encodeSparse(matVecMulSparse(decodeSparse(arg(0)), arg(1)))); }
/** mat_ema_alpha_sparse(new = slot 0, old = slot 1, alpha = slot 2 as dense rows). */
export function mathMatEmaAlphaSparse(): void {
  setResult(encodeSparse(matEmaAlphaSparse(decodeSparse(arg(0)), decodeSparse(arg(1)), rowsArg(2))));
}
