// The driver loop of the research variants (spec §6): per epoch, the bond reset (§5), the shared front
// half (§2), the version's bonds and dividends (§3), then the reported numbers; totals at the end.
// Pure: reads SimBuffers' inputs and params, writes its outputs. Float64 throughout, NativeMath only.
//
// Legend (symbols used in comments): V validators, S servers (the spec's N), X raw weights, s raw
// stakes, W row-normalised weights, S_i normalised stake, C consensus, Wc clipped weights, R ranks,
// I incentive, B bonds, D dividends, Dn normalised dividends.

import { copyInto, normalizeRangeInto } from './matrix';
import { clipInto, consensusInto, incentiveInto, quantizeConsensus, ranksInto } from './front';
import { EPS, chainOrderBonds, paperBonds, yuma1Bonds } from './bonds-ema';
import { yuma2cBonds, yuma3Bonds } from './bonds-capacity';
import { Flavour, Version } from './layout';
import { RunState, Settings } from './state';
import { SimBuffers } from './io';

/** Runs every epoch of the case in `buf` with the settings in `buf.params` and fills every output. */
export function simulate(buf: SimBuffers): void {
  const set = new Settings(buf.params);
  const st = new RunState(buf.validators, buf.servers);
  const rows = buf.validators;
  const cols = buf.servers;
  for (let v = 0; v < rows; v++) unchecked((buf.totalDividends[v] = 0));

  for (let e = 0; e < buf.epochs; e++) {
    // §5: zero one server's bond column at the start of the reset epoch (only when bonds exist).
    if (e == set.resetEpoch && st.hasBonds) {
      for (let i = 0; i < rows; i++) unchecked((st.bonds[i * cols + set.resetServer] = 0));
    }
    // §2.1 W_ij = X_ij / (Σ_j X_ij + 1e-6); §2.2 S_i = s_i / Σ s (no epsilon).
    for (let i = 0; i < rows; i++) normalizeRangeInto(st.weights, i * cols, buf.weights, (e * rows + i) * cols, cols, EPS);
    normalizeRangeInto(st.stake, 0, buf.stakes, e * rows, rows, 0);
    // §2.4–2.5 consensus from this epoch's W, normalised and quantised; all 0 in a degenerate epoch (§8).
    consensusInto(st.consensus, st.weights, st.stake, set.kappa, rows, cols, st.order);
    unchecked((buf.degenerate[e] = quantizeConsensus(st.consensus) ? 0 : 1));
    // §2.6–2.7 clip, rank, incentive; YUMA2B clips last epoch's weights instead (§3.4).
    const previous = set.version == Version.Yuma2B && st.hasPrevWeights;
    const raw = previous ? st.prevWeights : st.weights;
    clipInto(st.clipped, raw, st.consensus, rows, cols);
    ranksInto(st.ranks, st.clipped, st.stake, rows, cols);
    incentiveInto(st.incentive, st.ranks, set.winnerTakesAll, rows);
    // §3 the version's bonds and dividends D.
    updateBonds(st, set, raw);
    st.hasBonds = true;
    record(buf, st, set, e);
    copyInto(st.prevConsensus, st.consensus);
    copyInto(st.prevWeights, st.weights);
    st.hasPrevConsensus = true;
    st.hasPrevWeights = true;
  }
  percentVsBase(buf, set.baseValidator);
}

function updateBonds(st: RunState, set: Settings, raw: StaticArray<f64>): void {
  const interactive = set.flavour == Flavour.Interactive;
  switch (set.version) {
    case Version.Yuma1: yuma1Bonds(st, set); break;
    case Version.Yuma2:
      if (interactive) chainOrderBonds(st, set);
      else paperBonds(st, set, st.weights, 0);
      break;
    case Version.Yuma2A: paperBonds(st, set, st.weights, EPS); break;
    case Version.Yuma2B: paperBonds(st, set, raw, 0); break;
    case Version.Yuma2C: yuma2cBonds(st, set); break;
    default: yuma3Bonds(st, set); break;
  }
}

/**
 * §2.9 and §6 for epoch e: Dn = D / (ΣD + 1e-6); per 1,000 TAO = ratio·emission·Dn_v / u_v with
 * u_v = s_v·total_subnet_stake/1000 (0 unless u_v > 1e-6); relative = Dn_v − s_v/Σs; I, C and B as they are.
 */
function record(buf: SimBuffers, st: RunState, set: Settings, e: i32): void {
  const rows = buf.validators;
  const cols = buf.servers;
  let sum: f64 = 0;
  for (let v = 0; v < rows; v++) sum += unchecked(st.dividends[v]);
  const den = sum + EPS;
  for (let v = 0; v < rows; v++) {
    const k = e * rows + v;
    const dn = unchecked(st.dividends[v]) / den;
    const units = (unchecked(buf.stakes[k]) * set.totalSubnetStake) / 1000;
    // Dn = 0 pays 0 outright, so an overflowing ratio·emission can never meet a zero (∞·0 = NaN).
    const per1000 = units > 1e-6 && dn > 0 ? (set.validatorEmissionRatio * dn * set.totalEpochEmission) / units : 0;
    unchecked((buf.dividendsNormalized[k] = dn));
    unchecked((buf.dividendsPer1000Tao[k] = per1000));
    unchecked((buf.relativeDividends[k] = dn - unchecked(st.stake[v])));
    unchecked((buf.totalDividends[v] += per1000));
  }
  for (let j = 0; j < cols; j++) {
    unchecked((buf.serverIncentive[e * cols + j] = st.incentive[j]));
    unchecked((buf.serverConsensus[e * cols + j] = st.consensus[j]));
  }
  const cells = rows * cols;
  memory.copy(changetype<usize>(buf.bonds) + ((<usize>(e * cells)) << 3), changetype<usize>(st.bonds), (<usize>cells) << 3);
}

/** pct_v = (t_v − t_b) / t_b × 100, exactly 0 for the base b; t_b = 0 is replaced by 1e-6 in both places (spec §6). */
function percentVsBase(buf: SimBuffers, base: i32): void {
  let tb = unchecked(buf.totalDividends[base]);
  if (tb == 0) tb = 1e-6;
  for (let v = 0; v < buf.validators; v++) {
    unchecked((buf.pctVsBase[v] = v == base ? 0 : ((unchecked(buf.totalDividends[v]) - tb) / tb) * 100));
  }
}
