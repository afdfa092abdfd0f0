// `node scripts/bench-chain.mjs [--runs N] [--blocks B]`: one simulated day (7 200 blocks) of 8 subnets ×
// 256 uids (64 validators each, dense weights) on the WASM engine, run N times (default 5); prints each
// run (wall and CPU seconds) and the medians. Target: median wall time under 3 s. CPU time is printed
// too because wall time on a shared machine grows with its load.
import { tsImport } from 'tsx/esm/api';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 5);
const blocks = arg('--blocks', 7200);

const { benchmarkScenario } = await tsImport('../src/chain/presets/benchmark.ts', import.meta.url);
const { parseScenario } = await tsImport('../src/chain/scenario.ts', import.meta.url);
const { runScenario } = await tsImport('../src/chain/run.ts', import.meta.url);
const { stateHash } = await tsImport('../src/chain/hash.ts', import.meta.url);
const { loadChainEnginesNode } = await tsImport('../src/chain/node-math.ts', import.meta.url);

const scenario = parseScenario(JSON.stringify(benchmarkScenario(8, 256, 64, blocks)));
const engines = await loadChainEnginesNode();
const times = [];
const cpus = [];
let hash = '';
for (let r = 0; r < runs; r++) {
  let epochs = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const state = runScenario(scenario, engines, { onBlock: (report) => { epochs += report.epochs.ran.length; } });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  times.push(seconds);
  cpus.push(cpuSeconds);
  hash = stateHash(state);
  console.log(`run ${r + 1}: ${seconds.toFixed(3)} s wall, ${cpuSeconds.toFixed(3)} s CPU (${blocks} blocks, ${epochs} epochs, state_hash ${hash})`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median: ${median(times).toFixed(3)} s wall (${median(cpus).toFixed(3)} s CPU) for ${blocks} blocks of 8 subnets × 256 uids`);
