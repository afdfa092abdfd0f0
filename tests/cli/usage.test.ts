// The CLI's argument handling, in process (tests/cli/replay.test.ts spawns the real command for the file cases).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/yuma.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (l) => err.push(l) });
  return { code, stdout: out.join(''), stderr: err };
}

describe(main, () => {
  it.each([
    [[], /^usage: yuma replay/],
    [['frobnicate'], /^unknown command "frobnicate"; usage: yuma replay/],
    [['replay'], /^replay: no trace file given; usage: yuma replay/],
    [['replay', '--fast', 'x.json'], /^replay: unknown option "--fast"; usage/],
    [['replay', '--engine', 'gpu', 'x.json'], /^replay: --engine must be wasm or oracle; usage/],
    [['replay', '--engine'], /^replay: --engine must be wasm or oracle; usage/],
  ])('answers %j with exit 2 and one usage line', async (argv, line) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(line);
  });

  it('prints the usage on stdout for --help', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, stderr: [] });
  });

  it('treats everything after -- as file names', async () => {
    const r = await run(['replay', '--', '--intermediates']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: ['--intermediates: cannot read file: no such file'] });
  });
});
