// The `simulate` command's contract (format §1, §7): spawned as `node scripts/yuma.mjs simulate --jobs FILE`
// (and once through `npm run -s yuma --`), checking exit codes and stdout/stderr byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSimulateCommand } from '../../src/cli/simulate.ts';
import { simResultJson } from '../../src/variants/sim-result.ts';
import { makeJob, presets, variantsEngine } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'yuma-simulate-'));
const case1 = presets.cases[0];
const job = (version: string, flavour: string, extra: object = {}) => JSON.stringify({ case: case1, version, flavour, config: {}, ...extra });

function file(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

function cli(...args: string[]) {
  // The first spawn may compile a stale wasm (asc takes up to ~30 s on 2 cores), hence the long timeouts.
  const r = spawnSync(process.execPath, ['scripts/yuma.mjs', 'simulate', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('yuma simulate (spawned)', () => {
  it('prints one compact result line per job, in order, and exits 0', { timeout: 180_000 }, async () => {
    const path = file('ok.jsonl', `${job('YUMA3', 'package', { id: 'first' })}\n\n${job('YUMA2A', 'interactive')}\n`);
    const r = cli('--jobs', path);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const engine = await variantsEngine();
    const want = [
      JSON.stringify(simResultJson(engine.run(makeJob(case1, 'YUMA3', 'package')), 'first')),
      JSON.stringify(simResultJson(engine.run(makeJob(case1, 'YUMA2A', 'interactive')))),
    ];
    expect(r.stdout).toBe(`${want[0]}\n${want[1]}\n`);
    const [first, second] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(first)).toEqual(['format', 'id', 'epochs', 'totals', 'degenerate_consensus_epochs']);
    expect(Object.keys(second)).toEqual(['format', 'epochs', 'totals', 'degenerate_consensus_epochs']);
    expect(first.format).toBe('yuma-sim-result/1');
    expect(first.epochs).toHaveLength(40);
    expect(Object.keys(first.epochs[0])).toEqual(['dividends_normalized', 'dividends_per_1000_tao', 'relative_dividends', 'server_incentive', 'server_consensus', 'bonds']);
    expect(first.epochs[0].bonds).toHaveLength(3);
    expect(first.epochs[0].bonds[0]).toHaveLength(2);
  });

  it('prints nothing on stdout and one `line N: PATH: …` line on stderr for an invalid line, exit 2', () => {
    const weights = structuredClone(case1.weights);
    weights[0][0][0] = -1;
    const bad = JSON.stringify({ case: { ...case1, weights }, version: 'YUMA1', flavour: 'package', config: {} });
    const r = cli('--jobs', file('bad.jsonl', `${job('YUMA1', 'package')}\n\n${bad}\n${job('YUMA9', 'package')}\n`));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^line 3: \$\.case\.weights\[0\]\[0\]\[0\]: [^\n]+\n$/);
  });

  it('names a missing file in one stderr line, exit 2', () => {
    const missing = join(DIR, 'nope.jsonl');
    const r = cli('--jobs', missing);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${missing}: cannot read file: no such file\n`);
  });

  it('answers bad usage with one stderr line, exit 2', () => {
    for (const args of [[], ['--jobs'], ['--jobs', 'a', '--jobs', 'b'], ['--frobnicate']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^simulate: [^\n]*usage: yuma simulate --jobs JOBS\.jsonl\n$/);
    }
  });

  it('exits 0 with empty stdout for a file with no jobs', () => {
    const r = cli('--jobs', file('blank.jsonl', '\n  \n\t\n'));
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(cli('--jobs', file('empty.jsonl', ''))).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('runs as `npm run -s yuma -- simulate --jobs FILE`, reading a relative path from the caller directory', () => {
    writeFileSync(join(DIR, 'one.jsonl'), `${job('YUMA2C', 'package', { id: 'npm' })}\n`);
    // Started in DIR (outside the project, as a user's shell may be); --prefix finds the package.
    const r = spawnSync('npm', ['--prefix', ROOT, 'run', '-s', 'yuma', '--', 'simulate', '--jobs', 'one.jsonl'], { cwd: DIR, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(r.stdout).id).toBe('npm');
  });
});

describe(runSimulateCommand, () => {
  const run = async (...args: string[]) => {
    let stdout = '';
    const stderr: string[] = [];
    const code = await runSimulateCommand(args, { stdout: (t) => (stdout += t), stderr: (l) => stderr.push(l) });
    return { code, stdout, stderr };
  };

  it('refuses a result that overflows float64 instead of printing Infinity or NaN', async () => {
    const huge = JSON.stringify({ case: case1, version: 'YUMA1', flavour: 'package', config: { validator_emission_ratio: 1e300, total_epoch_emission: 1e300 } });
    const r = await run('--jobs', file('huge.jsonl', `${huge}\n`));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^line 1: \$: .*overflows float64/);
  });

  it('reports a directory and invalid UTF-8 as bad input, and prints usage for --help', async () => {
    mkdirSync(join(DIR, 'adir'), { recursive: true });
    expect(await run('--jobs', join(DIR, 'adir'))).toMatchObject({ code: 2, stdout: '', stderr: [`${join(DIR, 'adir')}: cannot read file: is a directory, not a file`] });
    const bytes = Buffer.concat([Buffer.from(`${job('YUMA1', 'package')}\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]);
    writeFileSync(join(DIR, 'latin.jsonl'), bytes);
    const r = await run('--jobs', join(DIR, 'latin.jsonl'));
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toMatch(/^line 2: \$: not valid UTF-8/);
    expect(await run('--help')).toEqual({ code: 0, stdout: 'usage: yuma simulate --jobs JOBS.jsonl\n', stderr: [] });
  });
});
