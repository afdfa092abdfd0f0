// Benchmark of the research variants (yuma-simulation, float64 wasm): every preset case × every version
// and flavour × its 40 epochs, per round; and the `simulate` pipeline (parse → run → JSON) on 2,000 jobs.
// `node scripts/bench-variants.mjs [--rounds N]` prints medians; `benchVariants()` returns them for other benches.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const load = (path) => tsImport(path, import.meta.url);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Runs the benchmark; resolves to { runsPerRound, allVariantsMs, jobs, pipelineMs } with the median
 * milliseconds of `rounds` rounds (after one warm-up round).
 */
export async function benchVariants({ rounds = 7 } = {}) {
  const { loadVariantsEngineNode } = await load('../src/variants/node-loader.ts');
  const { parseJobsText } = await load('../src/variants/jobs-file.ts');
  const { simResultLine } = await load('../src/variants/sim-result.ts');
  const engine = await loadVariantsEngineNode();
  const presets = JSON.parse(readFileSync(new URL('../tests/golden/presets/yuma-simulation-cases.json', import.meta.url), 'utf8'));

  // One job line per case and variant, with the web defaults preset (the only one that covers all 7 versions).
  const versions = presets.config_presets['web_defaults_bp1.0'].versions;
  const lines = [];
  for (const c of presets.cases) {
    for (const flavour of ['package', 'interactive']) {
      for (const [version, config] of Object.entries(versions)) {
        if (version === 'YUMA2A' && flavour === 'package') continue;
        lines.push(JSON.stringify({ case: c, version, flavour, config }));
      }
    }
  }
  const jobs = parseJobsText(lines.join('\n')).map((j) => j.job);
  const allVariants = [];
  for (let r = 0; r <= rounds; r++) {
    const t0 = performance.now();
    for (const job of jobs) engine.run(job);
    if (r > 0) allVariants.push(performance.now() - t0);
  }

  // The CLI's work for ~2,000 jobs of 3 validators × 3 servers × 40 epochs (file reading aside).
  const threeByThree = lines.filter((l) => JSON.parse(l).case.servers.length === 3);
  const text = Array.from({ length: 2000 }, (_, k) => threeByThree[k % threeByThree.length]).join('\n');
  const pipeline = [];
  for (let r = 0; r <= Math.min(rounds, 3); r++) {
    const t0 = performance.now();
    let bytes = 0;
    for (const { job } of parseJobsText(text)) bytes += simResultLine(engine.run(job), job.id).length;
    if (r > 0) pipeline.push(performance.now() - t0);
    if (bytes === 0) throw new Error('no output');
  }
  return { runsPerRound: jobs.length, allVariantsMs: median(allVariants), jobs: 2000, pipelineMs: median(pipeline) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--rounds');
  const rounds = at > 0 ? Number(process.argv[at + 1]) : 7;
  const r = await benchVariants({ rounds });
  console.log(`variants: ${r.runsPerRound} runs (24 cases × 13 version/flavour pairs × 40 epochs): median ${r.allVariantsMs.toFixed(1)} ms per round`);
  console.log(`simulate pipeline: ${r.jobs} jobs (3×3×40) parse + run + JSON: median ${r.pipelineMs.toFixed(0)} ms`);
}
