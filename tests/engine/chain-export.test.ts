// A saved chain exported as one yuma-chain/1 document (chainExport): the user's actions, applied at several blocks
// (the start block, a block the scenario also schedules an action at, two in one block), land in `actions` at the
// blocks they were applied, after the scenario's own; running the document headless (runScenario and the CLI code)
// and re-importing it reproduce the cursor's block and state hash. No hash here is typed in: each one is computed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../src/chain/hash.ts';
import { loadChainEnginesNode } from '../../src/chain/node-math.ts';
import { runScenario } from '../../src/chain/run.ts';
import { writeScenario } from '../../src/chain/scenario-write.ts';
import { chain as chainCli } from '../../src/cli/chain.ts';
import { makeChainApi } from '../../src/engine/chain-api.ts';
import { restoreScenario } from '../../src/model/scenario.ts';
import { chainApi, smallDoc, type Doc } from './chain-fixtures.ts';

const TAO = 1_000_000_000;
/** Scheduled by the scenario itself at block 40; the user adds one of their own in the same block. */
const scripted = { block: 40, op: 'add_stake', coldkey: 'bob', hotkey: 'v1', netuid: 1, amount: String(5 * TAO) };

function doc(): Doc {
  const d = smallDoc([scripted]);
  (d.subnets as { hyperparameters: Doc }[])[0].hyperparameters.tempo = 30;
  return d;
}

const user = {
  atStart: { op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: String(2 * TAO) },
  withScript: { op: 'add_stake', coldkey: 'carol', hotkey: 'v2', netuid: 1, amount: String(5 * TAO) },
  weights: { op: 'set_weights', hotkey: 'v1', netuid: 1, uids: [3, 4], values: [65535, 10000] },
  unstake: { op: 'remove_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: String(TAO) },
} as const;

/** The chain built through the API: actions at blocks 0, 40 (beside the scripted one) and 120 (two), stepped to 200. */
async function builtChain() {
  const { api } = chainApi();
  await api.chainCreate({ json: JSON.stringify(doc()) });
  const applied = [await api.chainApply(user.atStart)];
  await api.chainStep({ blocks: 40 });
  applied.push(await api.chainApply(user.withScript));
  await api.chainStep({ blocks: 80 });
  applied.push(await api.chainApply(user.weights), await api.chainApply(user.unstake));
  await api.chainStep({ blocks: 80 });
  expect(applied.map((r) => [r.ok, r.view.block])).toEqual([[true, 0n], [true, 40n], [true, 120n], [true, 120n]]);
  return api;
}

async function cliHash(text: string): Promise<{ block: number; hash: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'chain-export-')), 'exported.json');
  writeFileSync(path, text);
  let out = '';
  const err: string[] = [];
  const code = await chainCli([path, '--final-only'], { stdout: (t) => { out += t; }, stderr: (l) => err.push(l) }, loadChainEnginesNode);
  expect([code, err]).toEqual([0, []]);
  const final = JSON.parse(out).final as { block: number; state_hash: string };
  return { block: final.block, hash: final.state_hash };
}

describe(makeChainApi, () => {
  it('exports the chain at the cursor: logged actions merged at their blocks after the scenario’s, blocks = cursor − start', async () => {
    const api = await builtChain();
    const at150 = await api.chainSeek(150n);
    const text = await api.chainExport();
    const restored = restoreScenario(text);
    if (restored.kind !== 'chain') throw new Error(`exported a ${restored.kind}`);
    const s = restored.chain;
    expect([s.name, s.startBlock, s.blocks]).toEqual(['small', 0n, 150]);
    expect(s.actions.map((a) => [a.block, a.action.op, 'coldkey' in a.action ? a.action.coldkey : 'hotkey' in a.action ? a.action.hotkey : ''])).toEqual([
      [0n, 'add_stake', 'dave'], [40n, 'add_stake', 'bob'], [40n, 'add_stake', 'carol'], [120n, 'set_weights', 'v1'], [120n, 'remove_stake', 'dave'],
    ]);

    const engines = await loadChainEnginesNode();
    expect(stateHash(runScenario(s, engines))).toBe(at150.stateHash);
    expect(await cliHash(text)).toEqual({ block: 150, hash: at150.stateHash });
    // The log beyond the cursor is part of the timeline: running on to the old head gives the old head's state.
    const head = await api.chainSeek(200n);
    expect(stateHash(runScenario(s, engines, { blocks: 200 }))).toBe(head.stateHash);

    // The order within block 40 matters (two swaps move the price): the user's action after the scenario's is the only
    // order that reproduces the session; before it, the hash differs.
    const swapped = writeScenario(s);
    const actions = swapped.actions as Doc[];
    [actions[1], actions[2]] = [actions[2], actions[1]];
    const reordered = restoreScenario(JSON.stringify(swapped));
    if (reordered.kind !== 'chain') throw new Error('not a chain');
    expect(stateHash(runScenario(reordered.chain, engines))).not.toBe(at150.stateHash);
  });

  it('re-imports the exported file as a new chain that steps to the same block and hash, and continues to the same head', async () => {
    const api = await builtChain();
    const at150 = await api.chainSeek(150n);
    const text = await api.chainExport();
    const other = chainApi().api;
    const created = await other.chainCreate({ json: text, label: 'small.chain.json' });
    expect([created.block, created.chain.name, created.log]).toEqual([0n, 'small', []]);
    const stepped = await other.chainStep({ blocks: 150 });
    expect([stepped.view.block, stepped.view.stateHash]).toEqual([150n, at150.stateHash]);
    const further = await other.chainStep({ blocks: 50 });
    expect(further.view.stateHash).toBe((await api.chainSeek(200n)).stateHash);
    // Exporting the re-imported chain gives the same document: the actions are now the scenario's own.
    await other.chainSeek(150n);
    expect(await other.chainExport()).toBe(text);
  });

  it('refuses a subnet document as a chain, and names the file in a chain document’s fault', async () => {
    const { api } = chainApi();
    const subnet = JSON.stringify({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: [] });
    await expect(api.chainCreate({ json: subnet, label: 'subnet.json' })).rejects.toThrow(/^subnet\.json: this is a subnet scenario/);
    const bad = JSON.stringify({ ...doc(), blocks: -1 });
    await expect(api.chainCreate({ json: bad, label: 'bad.json' })).rejects.toThrow(/^bad\.json: blocks: /);
  });
});
