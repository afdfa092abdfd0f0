// `npx tsx bench/compare.ts [--runs N] [--twin]`: times a parameter sweep on the chain-exact engine (issue 6): 50 kappa
// values on a 64-validator × 192-miner subnet over 20 epochs, i.e. 1,000 epochs per sweep, each validator re-submitting
// noisy weights every epoch. Prints the median wall time of N sweeps (after one warm-up) per epoch path (and for the
// f64 twin with --twin); nothing is written.
import { readFile } from 'node:fs/promises';
import { instantiateEngine, wasmEngineFromExports } from '../src/engine/wasm-epoch.ts';
import { twinEngineFromExports } from '../src/compare/wasm-twin.ts';
import { variantsEngineFromExports } from '../src/variants/wasm-variants.ts';
import { runSweep } from '../src/compare/sweep.ts';
import type { Trace, TraceStep } from '../src/model/trace.ts';
import { denseSubnet, lcg } from './scenarios.ts';
import { median } from './timing.ts';

const VALIDATORS = 64;
const N = 256;
const EPOCHS = 20;
const POINTS = 50;

/** The benchmark subnet (bench/scenarios.ts, seed 42) as a trace: every epoch each validator re-submits a noisy row, then the epoch runs. */
function sweepTrace(path: 'yuma1' | 'yuma3' | 'yuma3-liquid'): Trace {
  const start = denseSubnet(N, VALIDATORS, path === 'yuma1' ? 'yuma1' : 'yuma3-liquid');
  const hyperparameters = { ...start.hyperparameters, yuma3Enabled: path !== 'yuma1', liquidAlphaEnabled: path === 'yuma3-liquid' };
  const r = lcg(7);
  const quality = Array.from({ length: N - VALIDATORS }, () => r());
  const steps: TraceStep[] = [];
  for (let e = 0; e < EPOCHS; e++) {
    const block = start.block + BigInt(360 * (e + 1));
    for (let v = 0; v < VALIDATORS; v++) {
      const values = quality.map((q) => Math.max(0, Math.min(65535, Math.round((q + (r() - 0.5) * 0.4) * 65535))));
      steps.push({ block: v === 0 ? block : null, op: 'set_weights', uid: v, uids: quality.map((_, j) => VALIDATORS + j), values });
    }
    steps.push({ block: null, op: 'epoch', raoEmission: start.raoEmission });
  }
  const { block, commitBlock: _c, raoEmission: _r, ...rest } = start;
  return { ...rest, hyperparameters, name: `${VALIDATORS}×${N - VALIDATORS} ${path}`, startBlock: block, steps };
}

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 5;
const asbuild = await import(new URL('../scripts/asbuild.mjs', import.meta.url).href);
const ex = await instantiateEngine(await WebAssembly.compile(await readFile(await asbuild.ensureWasm({ quiet: true }))));
const engines = { exact: wasmEngineFromExports(ex), twin: twinEngineFromExports(ex), variants: variantsEngineFromExports(ex) };

for (const path of ['yuma3', 'yuma3-liquid', 'yuma1'] as const) {
  for (const engine of process.argv.includes('--twin') ? (['exact', 'float'] as const) : (['exact'] as const)) {
    const trace = sweepTrace(path);
    const times: number[] = [];
    let checksum = 0;
    for (let k = 0; k <= runs; k++) {
      const t0 = performance.now();
      const result = await runSweep({ target: { kind: 'trace', trace, engine }, parameter: 'kappa', from: 0.05, to: 0.95, points: POINTS, validator: 0 }, engines);
      if (k > 0) times.push(performance.now() - t0);
      checksum = result.points.reduce((t, p) => t + p.total, 0);
    }
    const ms = median(times);
    const label = engine === 'exact' ? 'exact' : 'f64 twin';
    console.log(`sweep ${path.padEnd(12)} ${label.padEnd(8)}: ${POINTS} kappa points × ${EPOCHS} epochs, n = ${N} (${VALIDATORS} validators): median ${ms.toFixed(0)} ms over ${runs} runs (${(ms / (POINTS * EPOCHS)).toFixed(2)} ms per epoch incl. weight steps; checksum ${checksum.toExponential(6)})`);
  }
}
