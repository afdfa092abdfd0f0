// Reads the vitest and Playwright JSON reports and prints the one line CI reads: `N passed, N failed`
// (plus `, N skipped` when nonzero). Exits 1 if anything failed or if no test ran at all.
// Usage: node scripts/test-summary.mjs reports/unit.json reports/e2e.json [--failed-steps N]
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const ZERO = { passed: 0, failed: 0, skipped: 0, notes: [] };

/** Counts of a vitest JSON report. A test file that failed to load (no tests inside) counts as one failure. */
export function countVitest(report) {
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes: brokenFiles.map((f) => `vitest: ${f.name} failed to run: ${(f.message ?? '').split('\n')[0]}`),
  };
}

/** Counts of a Playwright JSON report. Flaky (passed on retry) counts as passed; a run-level error (e.g. a web server that did not start) as one failure each. */
export function countPlaywright(report) {
  const s = report.stats ?? {};
  const errors = report.errors ?? [];
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + errors.length,
    skipped: s.skipped ?? 0,
    notes: errors.map((e) => `playwright: ${(e.message ?? '').split('\n')[0]}`),
  };
}

function read(path, count, label) {
  if (!existsSync(path)) return { ...ZERO, notes: [`${label}: no report at ${path} (the runner did not start or wrote nothing)`] };
  try {
    return count(JSON.parse(readFileSync(path, 'utf8')));
  } catch (e) {
    return { ...ZERO, failed: 1, notes: [`${label}: unreadable report ${path}: ${e.message}`] };
  }
}

/** The summary line for a total. */
export const summaryLine = (t) => `${t.passed} passed, ${t.failed} failed` + (t.skipped ? `, ${t.skipped} skipped` : '');

function main(argv) {
  const i = argv.indexOf('--failed-steps');
  const failedSteps = i >= 0 ? Number(argv[i + 1]) : 0;
  const [unitPath = 'reports/unit.json', e2ePath = 'reports/e2e.json'] = argv.filter((a, k) => !a.startsWith('--') && (i < 0 || k !== i + 1));
  const parts = [read(unitPath, countVitest, 'vitest'), read(e2ePath, countPlaywright, 'playwright')];
  const total = parts.reduce((t, p) => ({ passed: t.passed + p.passed, failed: t.failed + p.failed, skipped: t.skipped + p.skipped }), { passed: 0, failed: failedSteps, skipped: 0 });
  for (const note of parts.flatMap((p) => p.notes)) console.log(note);
  const [u, e] = parts;
  console.log(`unit: ${summaryLine(u)} | e2e: ${summaryLine(e)}` + (failedSteps ? ` | failed build steps: ${failedSteps}` : ''));
  if (total.passed + total.failed === 0) console.log('no test ran: that counts as a failure');
  console.log(summaryLine(total));
  return total.failed > 0 || total.passed + total.failed === 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
