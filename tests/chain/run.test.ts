// runScenario and the actions at the start block (docs/chain-format.md "Actions"): they act on the starting state
// before the first block is stepped, in file order, exactly as applying them to a fresh chain would; the headless
// runner reports them at the start block.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/chain/actions.ts';
import { stepBlock } from '../../src/chain/block.ts';
import { createChain } from '../../src/chain/create.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { runScenario, startChain } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { chain } from '../../src/cli/chain.ts';
import { engines, smallDoc } from './helpers.ts';

const stake = (coldkey: string, amount: string) => ({ op: 'add_stake', coldkey, hotkey: 'm1', netuid: 1, amount });
const atStart = [{ block: 7, ...stake('dave', '3000000000') }, { block: 7, ...stake('bob', '9000000000') }, { block: 7, ...stake('dave', '8000000000') }];
const doc = smallDoc({}, { start_block: 7, blocks: 30, actions: [...atStart, { block: 9, ...stake('carol', '1000000000') }] });

describe(startChain, () => {
  it('applies the start block’s actions to the starting state, in order, refusals included, before any block', async () => {
    const e = await engines();
    const s = parseScenario(JSON.stringify(doc));
    const { state, next, actions } = startChain(s, e);
    expect(next).toBe(3);
    expect(actions.map((a) => [a.op, a.ok, a.error])).toEqual([['add_stake', true, null], ['add_stake', true, null], ['add_stake', false, 'NotEnoughBalanceToStake']]);
    const by = createChain(s);
    for (const a of s.actions.slice(0, 3)) applyAction(by, e, a.action);
    expect([state.block, stateHash(state)]).toEqual([7n, stateHash(by)]);
  });

  it('runScenario from it equals stepping the hand-built chain with the later actions', async () => {
    const e = await engines();
    const s = parseScenario(JSON.stringify(doc));
    const by = createChain(s);
    for (const a of s.actions.slice(0, 3)) applyAction(by, e, a.action);
    for (let b = 8n; b <= 37n; b++) stepBlock(by, e, b === 9n ? [s.actions[3].action] : []);
    expect(stateHash(runScenario(s, e))).toBe(stateHash(by));
    const none = parseScenario(JSON.stringify({ ...doc, actions: [] }));
    expect(stateHash(runScenario(none, e))).not.toBe(stateHash(by));
  });

  it('is reported by the headless runner at the start block', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'yuma-run-')), 'start.json');
    writeFileSync(path, JSON.stringify(doc));
    let out = '';
    expect(await chain([path, '--final-only'], { stdout: (t) => { out += t; }, stderr: () => undefined }, engines)).toBe(0);
    expect(JSON.parse(out).actions).toEqual([
      { block: 7, index: 0, op: 'add_stake', ok: true, error: null },
      { block: 7, index: 1, op: 'add_stake', ok: true, error: null },
      { block: 7, index: 2, op: 'add_stake', ok: false, error: 'NotEnoughBalanceToStake' },
      { block: 9, index: 0, op: 'add_stake', ok: true, error: null },
    ]);
  });
});
