// `yuma replay` as a process (shared/formats/yuma-trace.md): results on stdout for valid traces, and for every kind of
// invalid input exit 2, nothing on stdout and exactly one stderr line naming the place and the fault.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffDerived } from '../golden/asserted.ts';
import { validTraceDoc } from '../model/trace-fixture.ts';
import { ROOT, runCli, type CliRun } from './run-cli.ts';

const GOLDEN = join(ROOT, 'tests', 'golden', 'subtensor', 'traces');
const derived = (name: string) => JSON.parse(readFileSync(join(GOLDEN, `${name}.expected.json`), 'utf8')).derived;
const tmp = mkdtempSync(join(tmpdir(), 'yuma-cli-'));

/** Writes a temp file and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
const trace = (mutate: (d: Record<string, any>) => void) => {
  const d = validTraceDoc();
  mutate(d);
  return JSON.stringify(d, null, 1);
};

function expectInvalid(run: CliRun, message: string | RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack frames
  expect(run.stderr.endsWith('\n') && run.stderr.split('\n').length === 2, `one stderr line: ${JSON.stringify(run.stderr)}`).toBe(true);
  if (typeof message === 'string') expect(run.stderr.trimEnd()).toBe(message);
  else expect(run.stderr.trimEnd()).toMatch(message);
  expect(run.code).toBe(2);
}

describe('yuma replay', () => {
  beforeAll(async () => {
    // Build the wasm once up front, so the concurrent runs below do not all compile it.
    expect((await runCli(['replay', join(GOLDEN, 'test_1_graph.json')])).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.concurrent('prints the derived result of a golden trace as one JSON document', async () => {
    const run = await runCli(['replay', join(GOLDEN, 'test_bonds.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n') && run.stdout.split('\n').length === 2).toBe(true);
    const doc = JSON.parse(run.stdout);
    expect(doc.format).toBe('yuma-trace-result/1');
    expect(diffDerived(doc.epochs, derived('test_bonds').epochs)).toEqual([]);
  });

  it.concurrent('prints one line per file (JSON Lines) for several files, in order, through npm from another directory', async () => {
    const names = ['test_yuma_3_bonds_reset', 'test_deregistered_miner_bonds'];
    const run = await runCli(['replay', ...names.map((n) => join('traces', `${n}.json`))], { viaNpm: true, cwd: join(GOLDEN, '..') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    lines.forEach((line, i) => expect(diffDerived(JSON.parse(line).epochs, derived(names[i]).epochs)).toEqual([]));
  });

  it.concurrent('runs the oracle with --engine oracle and adds intermediates with --intermediates', async () => {
    const run = await runCli(['replay', '--engine', 'oracle', '--intermediates', join(GOLDEN, 'test_1_graph.json')]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(diffDerived(doc.epochs, derived('test_1_graph').epochs)).toEqual([]);
    expect(typeof doc.epochs[0].intermediates).toBe('object');
  });

  const malformed: [string, () => string, string | RegExp][] = [
    ['a wrong type', () => file('type.json', trace((d) => (d.validator_permit[0] = 'yes'))), 'validator_permit[0]: expected a boolean, got string "yes"'],
    ['an out-of-range uid', () => file('uid.json', trace((d) => (d.steps[0].uids[1] = 9))), 'steps[0].uids[1]: uid 9 out of range (n = 4)'],
    ['an out-of-range u16', () => file('u16.json', trace((d) => (d.weights[2][0][1] = 70000))), 'weights[2][0][1]: u16 70000 out of range (0..65535)'],
    ['a negative u64', () => file('neg.json', trace((d) => (d.alpha_stake[1] = -5))), 'alpha_stake[1]: negative value -5 for a u64'],
    ['a fractional u64', () => file('frac.json', trace((d) => (d.steps[2].alpha_stake = 2.5))), 'steps[2].alpha_stake: number 2.5 is not an integer'],
    ['an unknown op', () => file('op.json', trace((d) => (d.steps[3].op = 'mint'))), 'steps[3].op: unknown op "mint"'],
    ['blocks going backwards', () => file('back.json', trace((d) => (d.steps[10].block = 5))), 'steps[10].block: block 5 goes backwards (current block 11)'],
    ['n above 4096', () => file('n.json', trace((d) => (d.n = 5000))), 'n: n 5000 out of range (1..4096)'],
    ['truncated JSON', () => file('trunc.json', trace(() => {}).slice(0, 200)), /^\$: invalid JSON at line \d+, column \d+: unexpected end of input$/],
    ['invalid UTF-8', () => file('utf8.json', new Uint8Array([0x7b, 0x22, 0x6e, 0xff, 0x22, 0x7d])), '$: not valid UTF-8 (byte 0xff at offset 3)'],
    ['a 20 MB file', () => file('big.json', new Uint8Array(20 * 1024 * 1024).fill(0x20)), /big\.json: file is 20971520 bytes, over the 16 MiB limit \(16777216 bytes\)$/],
    ['a missing file', () => join(tmp, 'nope.json'), /nope\.json: cannot read file: no such file$/],
    ['a directory', () => (mkdirSync(join(tmp, 'dir.json'), { recursive: true }), join(tmp, 'dir.json')), /dir\.json: cannot read file: is a directory, not a file$/],
  ];

  it.concurrent.each(malformed)('rejects %s with exit 2 and one line', async (_, makeFile, message) => {
    expectInvalid(await runCli(['replay', makeFile()]), message);
  });

  it.concurrent('validates every file first: one bad file among several prints nothing and names that file', async () => {
    const good = join(GOLDEN, 'test_1_graph.json');
    const bad = file('second.json', trace((d) => (d.owner_uid = 7)));
    expectInvalid(await runCli(['replay', good, bad, good]), `${bad}: owner_uid: uid 7 out of range (n = 4)`);
  });

  it.concurrent('answers a bare invocation with exit 2 and the usage line', async () => {
    expectInvalid(await runCli([]), /^usage: yuma replay \[--engine wasm\|oracle\] \[--intermediates\] FILE\.\.\. \| yuma simulate --jobs FILE \| yuma chain FILE \[--blocks N\] \[--final-only\]$/);
  });
});
