// Bonds and dividends of the purchase-style research variants: YUMA2C "Rhef+reset" (spec §3.5) and
// YUMA3 / YUMA3_LIQUID "Rhef+relative bonds" (§3.6). Both start from a zero bond matrix, keep bonds
// unnormalised and normalise columns only to pay dividends.

import { Vec, colNormalizeInto, fill, interpolateInto } from './matrix';
import { liquidAlphaInto } from './liquid-alpha';
import { ConsensusMode, Flavour } from './layout';
import { EPS } from './bonds-ema';
import { RunState, Settings } from './state';

/** YUMA2C's bond unit M = 2^64 exactly (spec §3.5, §7.2 item 2). */
const BOND_UNIT: f64 = 18446744073709551616.0;

function startFromZero(st: RunState): void {
  if (!st.hasBonds) fill(st.bonds, 0);
}

/** D_i = weight_i · Σ_j colnorm(B, 1e-6)_ij · I_j, with weight_i = 1 (YUMA2C) or S_i (YUMA3). */
function payDividends(st: RunState, stakeWeighted: bool): void {
  const rows = st.validators;
  const cols = st.servers;
  colNormalizeInto(st.work, st.bonds, rows, cols, EPS, st.colSum);
  for (let i = 0; i < rows; i++) {
    let b: f64 = 0;
    for (let j = 0; j < cols; j++) b += unchecked(st.work[i * cols + j]) * unchecked(st.incentive[j]);
    unchecked((st.dividends[i] = stakeWeighted ? unchecked(st.stake[i]) * b : b));
  }
}

/**
 * YUMA2C (spec §3.5): cap_i = S_i·M; each bond buys min(γ·cap_i, max(0, cap_i − B)) · W_ij on top of
 * (1−δ)·B, capped at cap_i. No clipping, β, EMA α or liquid alpha.
 */
export function yuma2cBonds(st: RunState, set: Settings): void {
  startFromZero(st);
  const cols = st.servers;
  for (let i = 0; i < st.validators; i++) {
    const cap = unchecked(st.stake[i]) * BOND_UNIT;
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const old = unchecked(st.bonds[k]);
      const purchase = min<f64>(set.capacityAlpha * cap, max<f64>(0, cap - old));
      unchecked((st.bonds[k] = min<f64>((1 - set.decayRate) * old + purchase * unchecked(st.weights[k]), cap)));
    }
  }
  payDividends(st, false);
}

/** The consensus YUMA3's liquid alpha reads (spec §3.6 step 3): C, C_prev or max(C, C_prev). */
function alphaConsensus(st: RunState, mode: ConsensusMode): Vec {
  if (mode == ConsensusMode.Previous) return st.prevConsensus;
  if (mode == ConsensusMode.Current) return st.consensus;
  for (let j = 0; j < st.servers; j++) {
    unchecked((st.alphaConsensus[j] = max<f64>(st.consensus[j], st.prevConsensus[j])));
  }
  return st.alphaConsensus;
}

/**
 * YUMA3 and YUMA3_LIQUID (spec §3.6): per-bond EMA toward W_buy (package: W; interactive:
 * W_eff = β·Wc + (1−β)·W) written as decay plus a capped purchase; D_i = S_i · Σ_j colnorm(B)_ij I_j.
 */
export function yuma3Bonds(st: RunState, set: Settings): void {
  startFromZero(st);
  const interactive = set.flavour == Flavour.Interactive;
  if (interactive) interpolateInto(st.bondWeights, st.weights, st.clipped, set.bondPenalty);
  const buyWeights = interactive ? st.bondWeights : st.weights;
  if (set.liquidAlpha && st.hasPrevConsensus) {
    const alphaWeights = set.effectiveWeights ? st.bondWeights : st.weights;
    const consensus = alphaConsensus(st, set.consensusMode);
    liquidAlphaInto(st.alpha, alphaWeights, st.bonds, consensus, st.validators, st.servers, set.alphaLow, set.alphaHigh, set.steepness);
  } else {
    fill(st.alpha, set.emaAlpha);
  }
  for (let k = 0; k < st.bonds.length; k++) {
    const a = unchecked(st.alpha[k]);
    const decayed = (1 - a) * unchecked(st.bonds[k]);
    const purchase = min<f64>(a * unchecked(buyWeights[k]), max<f64>(0, 1 - decayed));
    unchecked((st.bonds[k] = min<f64>(decayed + purchase, 1)));
  }
  payDividends(st, true);
}
