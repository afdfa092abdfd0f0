// Epoch steps §4.6–§4.8: consensus (stake-weighted median), clipping, validator trust, ranks and incentive.
// The median is implemented from its DEFINITION by sorting, deliberately not as the chain's quickselect.

import type { SparseRowRaw } from '../model/epoch.ts';
import { type Fixed, saturatingSub } from './fixed.ts';
import { densifyRow, normalize, sum } from './sparse.ts';

/**
 * The stake-weighted median of one column (spec §4.6 "Definition"): over participants sorted by score,
 * the smallest score v whose cumulative stake Σ_{x_i ≤ v} a_i is strictly greater than `minority`;
 * the largest score when no v qualifies; 0 without participants. Exact on raw integers.
 */
export function weightedMedian(stakes: readonly Fixed[], scores: readonly Fixed[], minority: Fixed): Fixed {
  if (stakes.length === 0) return 0n;
  const order = scores.map((_, p) => p).sort((a, b) => (scores[a] < scores[b] ? -1 : scores[a] > scores[b] ? 1 : 0));
  let cumulative = 0n;
  for (let k = 0; k < order.length; k++) {
    cumulative += stakes[order[k]];
    const lastOfValue = k + 1 === order.length || scores[order[k + 1]] !== scores[order[k]];
    if (lastOfValue && cumulative > minority) return scores[order[k]];
  }
  return scores[order[order.length - 1]];
}

/**
 * weighted_median_col_sparse, §4.6: participants are the rows with A_i > 0 (index order), their stakes
 * re-normalised among themselves (a, T = Σa); minority = T ⊖ κ; a missing entry scores 0.
 */
export function consensusColumns(activeStake: readonly Fixed[], weights: readonly SparseRowRaw[], n: number, kappa: Fixed): Fixed[] {
  const participants = activeStake.map((_, i) => i).filter((i) => activeStake[i] > 0n);
  const stakes = normalize(participants.map((i) => activeStake[i]));
  const minority = saturatingSub(sum(stakes), kappa);
  const scoresByParticipant = participants.map((i) => densifyRow(weights[i], n));
  return Array.from({ length: n }, (_, j) =>
    weightedMedian(
      stakes,
      scoresByParticipant.map((row) => row[j]),
      minority,
    ),
  );
}

/**
 * col_clip_sparse, §4.7: an entry above its column's consensus becomes C_j if C_j > 0 and is dropped
 * otherwise; entries at or below C_j (zero-valued ones included) are kept as they are.
 */
export function colClipSparse(weights: readonly SparseRowRaw[], consensus: readonly Fixed[]): SparseRowRaw[] {
  return weights.map((row) => {
    const clipped: SparseRowRaw = [];
    for (const [j, w] of row) {
      if (consensus[j] < w) {
        if (consensus[j] > 0n) clipped.push([j, consensus[j]]);
      } else clipped.push([j, w]);
    }
    return clipped;
  });
}
