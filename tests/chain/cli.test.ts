// `yuma chain FILE [--blocks N]` (src/cli/chain.ts): a result document on stdout, exit 2 and one
// `PATH: fault` line for bad input, the same output on every run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chain } from '../../src/cli/chain.ts';
import { engines, smallDoc } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'yuma-chain-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await chain(args, { stdout: (t) => { out += t; }, stderr: (l) => err.push(l) }, engines);
  return { code, out, err };
}

const good = file('good.json', JSON.stringify(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, tempo: 10 } }, {
  blocks: 25, actions: [{ block: 3, op: 'add_stake', coldkey: 'dave', hotkey: 'v1', netuid: 1, amount: '1000000000' }],
})));

describe(chain, () => {
  it('prints every epoch, every action and the final state with its hash', async () => {
    const { code, out, err } = await run([good]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.format).toBe('yuma-chain-result/1');
    expect(doc.blocks).toBe(25);
    expect(doc.epochs.map((e: { block: number }) => e.block)).toEqual([10, 20]);
    expect(doc.epochs[0]).toHaveProperty('incentive_u16');
    expect(doc.actions).toEqual([{ block: 3, index: 0, op: 'add_stake', ok: true, error: null }]);
    expect(doc.dissolutions).toEqual([]);
    expect(doc.final).toMatchObject({ block: 25, block_emission: 500000000, halvings: 1 });
    expect(doc.final.subnets[0]).toHaveProperty('pending');
    expect(doc.final.subnets[0].price).toMatch(/^0\.\d{18}$/);
    expect(doc.final.state_hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives byte-identical output on a second run, and honours --blocks', async () => {
    const a = await run([good]);
    const b = await run([good]);
    expect(b.out).toBe(a.out);
    const short = JSON.parse((await run([good, '--blocks', '5'])).out);
    expect(short.final.block).toBe(5);
    expect(short.epochs).toEqual([]);
  });

  it('exits 2 with one PATH: fault line for an invalid scenario, printing nothing on stdout', async () => {
    const bad = file('bad.json', JSON.stringify(smallDoc({ tao_reserve: 'lots' })));
    const { code, out, err } = await run([bad]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toEqual(['subnets[0].tao_reserve: u64 string "lots" is not ASCII decimal digits']);
  });

  it('exits 2 for a missing file and for bad usage', async () => {
    const missing = await run([join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/nope\.json: cannot read file: no such file$/);
    expect((await run([])).code).toBe(2);
    expect((await run([good, '--blocks', '-3'])).err[0]).toMatch(/^chain: --blocks must be an integer/);
  });
});
