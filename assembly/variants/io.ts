// Input and output buffers of one research-variant run, laid out as assembly/variants/layout.ts draws
// them. The host fills params, stakes and weights, calls simRun, and reads the outputs.

import { ParamId } from './layout';

export class SimBuffers {
  params: StaticArray<f64> = new StaticArray<f64>(ParamId.Count);
  /** Raw stakes [E][V] and raw weights [E][V][S]. */
  stakes: StaticArray<f64>;
  weights: StaticArray<f64>;
  /** Per epoch: Dn, dividends per 1,000 TAO and relative dividends [E][V]; incentive and consensus [E][S]; bonds [E][V][S]. */
  dividendsNormalized: StaticArray<f64>;
  dividendsPer1000Tao: StaticArray<f64>;
  relativeDividends: StaticArray<f64>;
  serverIncentive: StaticArray<f64>;
  serverConsensus: StaticArray<f64>;
  bonds: StaticArray<f64>;
  /** Totals [V]: Σ_e dividends per 1,000 TAO, and % against the base validator. */
  totalDividends: StaticArray<f64>;
  pctVsBase: StaticArray<f64>;
  /** 1 where no server reached consensus (spec §8), else 0 [E]. */
  degenerate: StaticArray<u8>;

  constructor(public validators: i32, public servers: i32, public epochs: i32) {
    const ev = epochs * validators;
    const es = epochs * servers;
    this.stakes = new StaticArray<f64>(ev);
    this.weights = new StaticArray<f64>(ev * servers);
    this.dividendsNormalized = new StaticArray<f64>(ev);
    this.dividendsPer1000Tao = new StaticArray<f64>(ev);
    this.relativeDividends = new StaticArray<f64>(ev);
    this.serverIncentive = new StaticArray<f64>(es);
    this.serverConsensus = new StaticArray<f64>(es);
    this.bonds = new StaticArray<f64>(ev * servers);
    this.totalDividends = new StaticArray<f64>(validators);
    this.pctVsBase = new StaticArray<f64>(validators);
    this.degenerate = new StaticArray<u8>(epochs);
  }
}
