// `npm test`: the one command that runs every test, on a laptop or in CI.
// deps → wasm → vitest → site build → Chromium → Playwright → one summary line `N passed, N failed`.
// Every stage runs even if an earlier one failed, so one run reports all problems; the exit code is
// non-zero if anything failed or nothing ran. Stages that cannot run are reported as failed steps.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureDeps, run } from './start.mjs';
import { ensureChromium } from './chromium.mjs';
import { countPlaywright, countVitest } from './test-summary.mjs';

const REPORTS = join(ROOT, 'reports');
const failedSteps = [];
const stage = (name) => console.log(`\n=== ${name}`);

/** A runner that exits non-zero without a failing test in its report (unhandled error, crash, bad config) is a failed step. */
function checkExit(name, code, report, count) {
  if (code === 0) return;
  let failed = 0;
  try {
    failed = count(JSON.parse(readFileSync(report, 'utf8'))).failed;
  } catch { /* no report, or unreadable: the summary says so */ }
  if (failed === 0) failedSteps.push(`${name} exited with code ${code} without a failing test (see its output above)`);
}

ensureDeps();
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

stage('engine: AssemblyScript → src/generated/engine.wasm');
try {
  const { ensureWasm } = await import('./asbuild.mjs');
  console.log(`asc: ${await ensureWasm({ target: 'release' })}`);
} catch (e) {
  console.error(e.message);
  failedSteps.push('asc build');
}

stage('unit tests: vitest');
const unitReport = join(REPORTS, 'unit.json');
checkExit('vitest', run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]), unitReport, countVitest);

stage('site: vite build');
const built = run('vite', ['build']) === 0;
if (!built) failedSteps.push('vite build');

stage('browser');
const chromium = built ? await ensureChromium() : null;
if (built && !chromium) failedSteps.push('find or install Chromium');

stage('end-to-end tests: Playwright');
const e2eReport = join(REPORTS, 'e2e.json');
if (built && chromium) checkExit('playwright', run('playwright', ['test'], { CHROMIUM_PATH: chromium }), e2eReport, countPlaywright);
else console.log('skipped: needs a built site and a browser (see above)');

stage('summary');
for (const s of failedSteps) console.log(`failed step: ${s}`);
process.exit(run(process.execPath, [join(ROOT, 'scripts/test-summary.mjs'), unitReport, e2eReport, '--failed-steps', String(failedSteps.length)]));
