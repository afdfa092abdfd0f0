// Epoch steps §4.10 (Yuma 1/2 EMA bonds, with the legacy liquid alpha of §10.2) and §4.11 (Yuma 3 bonds):
// bonds as read, their EMA, the dividends, and the u16 storage form.

import type { EpochInput, SparseRowRaw, SparseRowU16 } from '../model/epoch.ts';
import {
  type Fixed,
  ONE,
  checkedMul,
  fixedProportionToU16,
  max,
  min,
  saturatingAdd,
  saturatingMul,
  saturatingSub,
  u16ProportionToFixed,
} from './fixed.ts';
import { alphaFromMovingAverage, legacyColumnAlphas, liquidAlphaEntries } from './liquid-alpha.ts';
import {
  colMaxUpscaleSparse,
  colNormalizeSparse,
  densifyRow,
  emptyRows,
  filterEntries,
  matEmaSparse,
  matmulTransposeSparse,
  normalize,
  rowHadamardSparse,
  sum,
} from './sparse.ts';
import { readU16Rows } from './weights.ts';

/** What both bond paths read: Wb and the epoch's vectors. */
export interface BondsContext {
  input: EpochInput;
  weightsForBonds: SparseRowRaw[];
  activeStake: Fixed[];
  consensus: Fixed[];
  incentive: Fixed[];
  lastTempo: bigint;
}

/** Bond intermediates, the normalised dividends and the per-uid storage rows (before the permit filter). */
export interface BondsResult {
  bondsBefore: SparseRowRaw[];
  bondsDelta: SparseRowRaw[];
  alpha: Fixed | null;
  liquidAlpha: SparseRowRaw[];
  legacyColumnAlpha: Fixed[];
  bondsEma: SparseRowRaw[];
  dividends: Fixed[];
  storage: SparseRowU16[];
}

/** §4.9: drop bond entries of recently registered columns (last_tempo ≤ reg_j). */
function dropRecentlyRegistered(bonds: SparseRowRaw[], ctx: BondsContext): SparseRowRaw[] {
  const reg = ctx.input.blockAtRegistration;
  return filterEntries(bonds, (_i, j) => !(ctx.lastTempo <= reg[j]));
}

const toStorage = (matrix: SparseRowRaw[]): SparseRowU16[] =>
  matrix.map((row) => row.map(([j, v]): [number, number] => [j, fixedProportionToU16(v)]));

/** §4.10 Yuma 1/2 (and §10.2 when legacy && liquid alpha): column-normalised EMA of ΔB = Wb ◦ A. */
export function yuma1Bonds(ctx: BondsContext): BondsResult {
  const { input, activeStake, consensus, incentive } = ctx;
  const n = input.n;
  const h = input.hyperparameters;
  // 1. B = Q(stored u16), recently registered columns dropped, column-normalised.
  const bondsBefore = colNormalizeSparse(dropRecentlyRegistered(readU16Rows(input.bonds, n), ctx), n);
  // 2. ΔB_ij = Wb_ij ⊗ A_i, column-normalised.
  const bondsDelta = colNormalizeSparse(rowHadamardSparse(ctx.weightsForBonds, activeStake), n);
  // 3. α = alpha_bma, or the legacy per-column logistic α when some C_j ≠ 0 (spec §10.2).
  const useLegacyLiquid = h.legacy && h.liquidAlphaEnabled && consensus.some((c) => c !== 0n);
  const columnAlpha = useLegacyLiquid ? legacyColumnAlphas(consensus, h) : null;
  const alpha = columnAlpha === null ? alphaFromMovingAverage(h.bondsMovingAverage) : null;
  const alphaOfColumn = (j: number): Fixed => (columnAlpha === null ? (alpha as Fixed) : (columnAlpha[j] ?? 0n));
  // E_ij = α ⊗ ΔB_ij ⊕ (1 ⊖ α) ⊗ B_ij over the union of entries; 4. column-normalise E.
  const bondsEma = colNormalizeSparse(matEmaSparse(bondsDelta, bondsBefore, n, alphaOfColumn), n);
  // 5. D_i = Σ_j I_j ⊗ E_ij, normalised.
  const dividends = normalize(matmulTransposeSparse(bondsEma, incentive));
  // 6. Storage form: column max-upscale (the column maximum stores as 65535).
  return {
    bondsBefore,
    bondsDelta,
    alpha,
    liquidAlpha: emptyRows(n),
    legacyColumnAlpha: columnAlpha ?? [],
    bondsEma,
    dividends,
    storage: toStorage(colMaxUpscaleSparse(bondsEma, n)),
  };
}

/**
 * mat_ema_alpha_sparse, §4.11 step 2 with liquid alpha: for each entry (j, w) of Wb_i only, in its order,
 * v = min((1 ⊖ α_ij) ⊗ B_ij ⊕ max(α_ij ⊗ w, 0), 1), kept if v > 0. Bonds of absent columns are dropped.
 * `alphas[i]` holds α_ij for the entries of Wb_i in the same order (as liquidAlphaEntries returns them).
 */
export function matEmaAlphaSparse(
  weightsForBonds: SparseRowRaw[],
  bonds: SparseRowRaw[],
  alphas: SparseRowRaw[],
  n: number,
): SparseRowRaw[] {
  return weightsForBonds.map((row, i) => {
    const oldBonds = densifyRow(bonds[i], n);
    const out: SparseRowRaw = [];
    row
      .filter(([j]) => j < n)
      .forEach(([j, w], k) => {
        const alpha = alphas[i][k][1];
        const decayed = saturatingMul(saturatingSub(ONE, alpha), oldBonds[j]);
        const value = min(saturatingAdd(decayed, max(saturatingMul(alpha, w), 0n)), ONE);
        if (value > 0n) out.push([j, value]);
      });
    return out;
  });
}

/** §4.11 Yuma 3: u16-proportion bonds, EMA (liquid per bond, or alpha_bma), dividends ∝ bond share × A_i. */
export function yuma3Bonds(ctx: BondsContext): BondsResult {
  const { input, activeStake, consensus, incentive, weightsForBonds } = ctx;
  const n = input.n;
  const h = input.hyperparameters;
  // 1. B = Q(stored u16) ⊘ Q(65535), recently registered columns dropped; no normalisation.
  const bondsBefore = dropRecentlyRegistered(readU16Rows(input.bonds, n, u16ProportionToFixed), ctx);
  // 2./3. Liquid alpha when enabled and some C_j ≠ 0; otherwise the union EMA with alpha_bma.
  const liquid = h.liquidAlphaEnabled && consensus.some((c) => c !== 0n);
  const liquidAlpha = liquid ? liquidAlphaEntries(weightsForBonds, bondsBefore, consensus, h) : emptyRows(n);
  const alpha = liquid ? null : alphaFromMovingAverage(h.bondsMovingAverage);
  const bondsEma = liquid
    ? matEmaAlphaSparse(weightsForBonds, bondsBefore, liquidAlpha, n)
    : matEmaSparse(weightsForBonds, bondsBefore, n, () => alpha as Fixed);
  // 4. t_i = Σ_j N_ij ⊗ I_j (N = column-normalised E, zero products skipped); D_i = checked(t_i ⊗ A_i); normalise.
  const normalizedEma = colNormalizeSparse(bondsEma, n);
  const bondShare = normalizedEma.map((row) => sum(row.map(([j, v]) => saturatingMul(v, incentive[j]))));
  const dividends = normalize(bondShare.map((t, i) => checkedMul(t, activeStake[i]) ?? 0n));
  // 5. Storage form: E itself, stored ⌊E · 65535⌋.
  return {
    bondsBefore,
    bondsDelta: emptyRows(n),
    alpha,
    liquidAlpha,
    legacyColumnAlpha: [],
    bondsEma,
    dividends,
    storage: toStorage(bondsEma),
  };
}
