// An independent plain-TypeScript float64 reading of shared/spec/yuma-simulation-variants.md, written
// straight from the spec's step lists with nested arrays (no code shared with assembly/variants/), so
// the wasm can be checked against it. Test-only; clarity over speed.
import type { SimJob } from '../../src/variants/sim-case.ts';

type Mat = number[][];
type Vec = number[];

const M64 = 2 ** 64;

const zeros = (v: number, s: number): Mat => Array.from({ length: v }, () => new Array<number>(s).fill(0));
const map2 = (a: Mat, f: (x: number, i: number, j: number) => number): Mat => a.map((row, i) => row.map((x, j) => f(x, i, j)));
const sum = (x: Vec) => x.reduce((a, b) => a + b, 0);
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/** colnorm(Y, ε): divide by column sum + ε; a zero denominator gives 0 (spec §1). */
function colnorm(y: Mat, eps: number): Mat {
  const cols = y[0].length;
  const den = Array.from({ length: cols }, (_, j) => sum(y.map((row) => row[j])) + eps);
  return map2(y, (x, _i, j) => (den[j] === 0 ? 0 : x / den[j]));
}

/** §2.4: the largest w such that validators with ≥ κ of the stake weigh server j at ≥ w (else the column max). */
function consensus(w: Mat, stake: Vec, kappa: number): Vec {
  return w[0].map((_, j) => {
    const order = w.map((row, i) => ({ w: row[j], s: stake[i] })).sort((a, b) => b.w - a.w);
    let running = 0;
    for (const o of order) {
      running += o.s;
      if (running >= kappa) return o.w;
    }
    return order[0].w;
  });
}

/** §3.7 LA(Wl, Bl, Cl). */
function liquidAlpha(wl: Mat, bl: Mat, cl: Vec, lo: number, hi: number, k: number): Mat {
  return map2(wl, (w, i, j) => {
    const b = bl[i][j];
    const d = w >= b ? clamp(w - cl[j], 0, 1) : clamp(b - w, 0, 1);
    const x = k * (d - 0.5);
    const sigma = x < -700 ? 0 : x > 700 ? 1 : 1 / (1 + Math.exp(-x));
    return clamp(lo + sigma * (hi - lo), lo, hi);
  });
}

export interface ReferenceEpoch {
  dividendsNormalized: Vec;
  dividendsPer1000Tao: Vec;
  relativeDividends: Vec;
  serverIncentive: Vec;
  serverConsensus: Vec;
  bonds: Mat;
}

export interface ReferenceResult {
  epochs: ReferenceEpoch[];
  totals: { dividendsPer1000Tao: Vec; pctVsBase: Vec };
  degenerate: number[];
}

/** Runs a validated job the way the spec's §6 driver describes. */
export function referenceRun(job: SimJob): ReferenceResult {
  const { simCase: c, config: cfg, version, flavour } = job;
  const V = c.validators.length;
  const N = c.servers.length;
  const interactive = flavour === 'interactive';
  const wta = cfg.winner_takes_all || c.winnerTakesAll;
  const liquid = version === 'YUMA3_LIQUID' || (cfg.liquid_alpha && version !== 'YUMA2C');
  const resetting = cfg.reset_bonds && c.resetBonds !== null && ['YUMA2C', 'YUMA3', 'YUMA3_LIQUID'].includes(version);
  let bPrev: Mat | null = null;
  let cPrev: Vec | null = null;
  let wPrev: Mat | null = null;
  const epochs: ReferenceEpoch[] = [];
  const degenerate: number[] = [];

  for (let e = 0; e < c.numEpochs; e++) {
    if (resetting && bPrev && e === c.resetBonds!.epoch) bPrev = map2(bPrev, (x, _i, j) => (j === c.resetBonds!.serverIndex ? 0 : x));
    const X = c.weights[e];
    const s = c.stakes[e];
    const W = X.map((row) => row.map((x) => x / (sum(row) + 1e-6)));
    const S = s.map((x) => x / sum(s));
    let C = consensus(W, S, cfg.kappa);
    const sumC = sum(C);
    if (sumC > 0) C = C.map((x) => Math.trunc((x / sumC) * 65535) / 65535);
    else {
      C = C.map(() => 0);
      degenerate.push(e);
    }
    const P = version === 'YUMA2B' && wPrev ? wPrev : W;
    const Wc = map2(P, (x, _i, j) => Math.min(x, C[j]));
    const R = C.map((_, j) => sum(Wc.map((row, i) => S[i] * row[j])));
    let I: Vec;
    if (!wta) I = R.map((r) => (sum(R) > 0 ? r / sum(R) : 0));
    else {
      const top = Math.max(...R);
      const winners = R.filter((r) => r === top).length;
      I = R.map((r) => (top > 0 ? (r === top ? 1 / winners : 0) : 1 / (V + N)));
    }
    const beta = cfg.bond_penalty;
    const Wb = map2(P, (x, i, j) => (1 - beta) * x + beta * Wc[i][j]);
    const instant = (eps: number) => colnorm(map2(Wb, (x, i) => S[i] * x), eps);
    const scalarAlpha = (a: number) => zeros(V, N).map((row) => row.fill(a));
    const emaAlpha = (a: number): Mat =>
      liquid && cPrev && bPrev ? liquidAlpha(W, bPrev, C, cfg.alpha_low, cfg.alpha_high, cfg.alpha_sigmoid_steepness) : scalarAlpha(a);
    const ema = (alpha: Mat, fresh: Mat, old: Mat | null) => (old ? map2(fresh, (x, i, j) => alpha[i][j] * x + (1 - alpha[i][j]) * old[i][j]) : fresh);
    const dot = (b: Mat) => b.map((row) => sum(row.map((x, j) => x * I[j])));
    const m = cfg.bond_moving_avg;
    let B: Mat;
    let D: Vec;
    if (version === 'YUMA1') {
      B = colnorm(ema(emaAlpha(1), instant(1e-6), bPrev), 1e-6);
      D = dot(B);
    } else if (version === 'YUMA2' && interactive) {
      const alpha = emaAlpha(1 - m);
      B = colnorm(ema(alpha, instant(1e-6), bPrev && colnorm(bPrev, 1e-6)), 1e-6);
      D = dot(B);
    } else if (version === 'YUMA2' || version === 'YUMA2A' || version === 'YUMA2B') {
      B = ema(emaAlpha(1 - m), instant(version === 'YUMA2A' ? 1e-6 : 0), bPrev);
      D = dot(B);
    } else if (version === 'YUMA2C') {
      const old = bPrev ?? zeros(V, N);
      B = map2(old, (b, i, j) => {
        const cap = S[i] * M64;
        const pc = Math.min(cfg.capacity_alpha * cap, Math.max(0, cap - b));
        return Math.min((1 - cfg.decay_rate) * b + pc * W[i][j], cap);
      });
      D = dot(colnorm(B, 1e-6));
    } else {
      const old = bPrev ?? zeros(V, N);
      const Weff = map2(W, (x, i, j) => beta * Wc[i][j] + (1 - beta) * x);
      const buyW = interactive ? Weff : W;
      let alpha = scalarAlpha(1 - m);
      if (liquid && cPrev) {
        const mode = cfg.liquid_alpha_consensus_mode;
        const Cl = mode === 'CURRENT' ? C : mode === 'PREVIOUS' ? cPrev : C.map((x, j) => Math.max(x, cPrev![j]));
        const Wl = interactive && cfg.liquid_alpha_effective_weights ? Weff : W;
        alpha = liquidAlpha(Wl, old, Cl, cfg.alpha_low, cfg.alpha_high, cfg.alpha_sigmoid_steepness);
      }
      B = map2(old, (b, i, j) => {
        const bd = (1 - alpha[i][j]) * b;
        return Math.min(bd + Math.min(alpha[i][j] * buyW[i][j], Math.max(0, 1 - bd)), 1);
      });
      D = dot(colnorm(B, 1e-6)).map((b, i) => S[i] * b);
    }
    const Dn = D.map((d) => d / (sum(D) + 1e-6));
    const per1000 = Dn.map((dn, v) => {
      const u = (s[v] * cfg.total_subnet_stake) / 1000;
      return u > 1e-6 ? (cfg.validator_emission_ratio * dn * cfg.total_epoch_emission) / u : 0;
    });
    epochs.push({
      dividendsNormalized: Dn,
      dividendsPer1000Tao: per1000,
      relativeDividends: Dn.map((dn, v) => dn - s[v] / sum(s)),
      serverIncentive: I,
      serverConsensus: C,
      bonds: B,
    });
    bPrev = B;
    cPrev = C;
    wPrev = W;
  }
  const totals = Array.from({ length: V }, (_, v) => sum(epochs.map((ep) => ep.dividendsPer1000Tao[v])));
  const b = c.baseValidator;
  const tb = totals[b] === 0 ? 1e-6 : totals[b];
  return { epochs, totals: { dividendsPer1000Tao: totals, pctVsBase: totals.map((t, v) => (v === b ? 0 : ((t - tb) / tb) * 100)) }, degenerate };
}
