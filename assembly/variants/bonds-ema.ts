// Bonds and dividends of the EMA-family research variants: YUMA1 (spec §3.1), the paper form
// (package YUMA2, YUMA2A, and YUMA2B's bonds, §3.2/§3.4) and the chain order (interactive YUMA2, §3.3).
// Each reads the front half from RunState and leaves the new bond state in `bonds`, D in `dividends`.

import { Vec, colNormalizeInto, copyInto, emaInto, fill, interpolateInto, matVecInto, scaleRowsInto } from './matrix';
import { liquidAlphaInto } from './liquid-alpha';
import { RunState, Settings } from './state';

/** The epsilon added to column sums where the package adds one (spec §7.1). */
export const EPS: f64 = 1e-6;

/**
 * Per-bond EMA rates: the scalar `alpha` everywhere, or, with liquid alpha from epoch 1 on,
 * LA(current W, stored B_prev, current C) (spec §3.7 table, rows YUMA1/YUMA2/YUMA2A/YUMA2B).
 */
function emaRates(st: RunState, set: Settings, alpha: f64): void {
  if (set.liquidAlpha && st.hasPrevConsensus && st.hasBonds) {
    liquidAlphaInto(st.alpha, st.weights, st.bonds, st.consensus, st.validators, st.servers, set.alphaLow, set.alphaHigh, set.steepness);
  } else {
    fill(st.alpha, alpha);
  }
}

/** ΔB = colnorm(S_i · ((1−β)·raw + β·Wc), eps): stake-weighted instant bonds. */
function instantBonds(st: RunState, set: Settings, raw: Vec, eps: f64): void {
  interpolateInto(st.bondWeights, raw, st.clipped, set.bondPenalty);
  scaleRowsInto(st.instantBonds, st.bondWeights, st.stake, st.validators, st.servers);
  colNormalizeInto(st.instantBonds, st.instantBonds, st.validators, st.servers, eps, st.colSum);
}

/** E = α∘ΔB + (1−α)∘B_prev into `bonds`, or E = ΔB when no bond state exists yet. */
function ema(st: RunState): void {
  if (st.hasBonds) emaInto(st.bonds, st.alpha, st.instantBonds, st.bonds);
  else copyInto(st.bonds, st.instantBonds);
}

/** YUMA1 (spec §3.1): α = 1 (bond_moving_avg ignored) or liquid; B = colnorm(E, 1e-6); D = B·I. */
export function yuma1Bonds(st: RunState, set: Settings): void {
  instantBonds(st, set, st.weights, EPS);
  emaRates(st, set, 1.0);
  ema(st);
  colNormalizeInto(st.bonds, st.bonds, st.validators, st.servers, EPS, st.colSum);
  matVecInto(st.dividends, st.bonds, st.incentive, st.validators, st.servers);
}

/**
 * Paper form (spec §3.2, §3.4): ΔB from `raw` (W, or W_prev for YUMA2B) with `eps` (0 for package
 * YUMA2 and YUMA2B, 1e-6 for YUMA2A); E = EMA, not renormalised; D = E·I.
 */
export function paperBonds(st: RunState, set: Settings, raw: Vec, eps: f64): void {
  instantBonds(st, set, raw, eps);
  emaRates(st, set, set.emaAlpha);
  ema(st);
  matVecInto(st.dividends, st.bonds, st.incentive, st.validators, st.servers);
}

/**
 * Chain order (interactive YUMA2, spec §3.3): α from the stored bonds, then
 * E = α∘ΔB + (1−α)∘colnorm(B_prev, 1e-6), B = colnorm(E, 1e-6), D = B·I.
 */
export function chainOrderBonds(st: RunState, set: Settings): void {
  instantBonds(st, set, st.weights, EPS);
  emaRates(st, set, set.emaAlpha);
  if (st.hasBonds) colNormalizeInto(st.bonds, st.bonds, st.validators, st.servers, EPS, st.colSum);
  ema(st);
  colNormalizeInto(st.bonds, st.bonds, st.validators, st.servers, EPS, st.colSum);
  matVecInto(st.dividends, st.bonds, st.incentive, st.validators, st.servers);
}
