// The project's other benchmarks, run as child processes so each gets a fresh heap; their summary lines are
// quoted verbatim into BENCHMARKS.md. Each script can also be run on its own (see the commands in the table).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

interface Bench { what: string; target: string; command: string[]; keep: RegExp }

const BENCHES: Bench[] = [
  { what: 'Research variants: all preset cases × all versions × 40 epochs', target: '< 1 s', command: ['node', 'scripts/bench-variants.mjs', '--rounds', '5'], keep: /median/ },
  { what: 'Chain: one day (7,200 blocks), 8 subnets × 256 uids, in node', target: '< 3 s', command: ['node', 'scripts/bench-chain.mjs', '--runs', '3'], keep: /^median/ },
  { what: 'Chain through the worker session, with IndexedDB writes (fake-indexeddb), seeks and reload', target: '< 3 s', command: ['npx', 'tsx', 'bench/chain-worker.ts'], keep: /^(median|seek|reload)/ },
  { what: 'Compare: 50-point kappa sweep, 64 × 192 subnet, 20 epochs, exact engine', target: '—', command: ['npx', 'tsx', 'bench/compare.ts', '--runs', '3'], keep: /^sweep/ },
];

/** Markdown rows for every benchmark (a failure is reported in its row, never thrown). */
export function otherBenchmarks(): string {
  const rows = BENCHES.map((b) => {
    let result: string;
    try {
      const out = execFileSync(b.command[0], b.command.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
      result = out.split('\n').filter((l) => b.keep.test(l.trim())).map((l) => l.trim()).join('<br>') || '(no summary line)';
    } catch (e) {
      result = `failed: ${(e as Error).message.split('\n')[0]}`;
    }
    process.stderr.write(`${b.what}: ${result}\n`);
    return `| ${b.what} | ${b.target} | ${result} | \`${b.command.join(' ')}\` |`;
  });
  return ['| benchmark | target | result (median) | command |', '| --- | --- | --- | --- |', ...rows, '', uiLongTasks()].join('\n');
}

/** The UI figure is measured in Chromium by tests/e2e/longtasks.e2e.ts (npm test), which writes reports/ui-longtasks.json. */
function uiLongTasks(): string {
  const file = 'reports/ui-longtasks.json';
  if (!existsSync(file)) return 'UI long tasks: run `npm test` first (tests/e2e/longtasks.e2e.ts writes reports/ui-longtasks.json).';
  const r = JSON.parse(readFileSync(file, 'utf8')) as { maxTaskMs: number; budgetMs: number; runs: { epochs: number; seconds: number; maxTaskCpuMs?: number }[]; date: string; what: string };
  const run = r.runs[r.runs.length - 1];
  return `UI: ${r.what}: longest task ${r.maxTaskMs} ms (budget ${r.budgetMs} ms; the longtask API reports only tasks ≥ 50 ms, so 0 means none), ` +
    `${run.epochs} epochs in ${run.seconds} s, largest main-thread CPU time of one task ${run.maxTaskCpuMs ?? '–'} ms (measured ${r.date.slice(0, 10)}).`;
}
