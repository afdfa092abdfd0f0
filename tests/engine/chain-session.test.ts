// The chain session through makeChainApi in node, on fake-indexeddb: persistence across a reopened store, time travel,
// forks in both modes, cancellation. Every expected hash comes from a straight run of the same scenario (src/chain).
import { describe, expect, it } from 'vitest';
import { makeChainApi } from '../../src/engine/chain-api.ts';
import { chainApi, presetDoc, smallDoc, straightHash, straightHashes } from './chain-fixtures.ts';

const stake = { op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: '2000000000' } as const;

describe(makeChainApi, () => {
  it('steps two epochs; a new session on the reopened database resumes at the same block, hash and epochs', async () => {
    const first = chainApi();
    const created = await first.api.chainCreate({ preset: 'pre-halving' });
    expect(created).toMatchObject({ block: 0n, head: 0n, chain: { name: 'Pre-halving' }, storage: { backend: 'indexeddb', unsaved: false } });
    const one = await first.api.chainStep({ epochOf: 1 });
    expect(one.view.last?.epochs).toContain(1);
    const two = await first.api.chainStep({ epochOf: 1 });
    expect(two.view.last?.epochs).toContain(1);
    const { block, stateHash } = two.view;
    expect(stateHash).toBe(await straightHash(presetDoc('pre-halving'), block));
    const epochs = await first.api.chainEpochs();
    expect(epochs.filter((e) => e.netuid === 1)).toHaveLength(2);
    await first.api.chainClose();

    const second = chainApi(first.db);
    const resumed = await second.api.chainResume();
    expect(resumed).toMatchObject({ block, head: block, stateHash, chain: { id: created.chain.id } });
    expect(await second.api.chainEpochs()).toEqual(epochs);
    expect((await second.api.chainList()).map((c) => [c.name, c.headBlock, c.open])).toEqual([['Pre-halving', block, true]]);
  });

  it('seeks back and forth to exactly the states of a straight run (scheduled actions and snapshots included)', async () => {
    const doc = presetDoc('commit-reveal-vs-copying');
    const targets = [0n, 37n, 250n, 599n, 100n, 600n, 451n, 50n, 49n, 700n];
    const expected = await straightHashes(doc, targets);
    const { api } = chainApi();
    await api.chainCreate({ preset: 'commit-reveal-vs-copying' });
    await api.chainStep({ blocks: 600 });
    for (const b of targets) {
      const view = await api.chainSeek(b);
      expect([view.block, view.stateHash]).toEqual([b, expected.get(b)]);
    }
    expect((await api.chainView())?.head).toBe(700n); // seeking past the head computed the blocks up to it
  });

  it('forks in place: applying an action in the past discards the old future and computes the new one', async () => {
    const { api } = chainApi();
    await api.chainCreate({ json: JSON.stringify(smallDoc()) });
    await api.chainStep({ blocks: 800 });
    const before = await api.chainEpochs();
    await api.chainSeek(120n);
    const refused = await api.chainApply(stake);
    expect(refused).toMatchObject({ ok: false, error: null, message: expect.stringContaining('in the past') });
    const forked = await api.chainApply(stake, { mode: 'truncate' });
    expect(forked).toMatchObject({ ok: true, view: { block: 120n, head: 120n } });
    expect(forked.view.log.map((e) => [e.block, e.action.op])).toEqual([[120n, 'add_stake']]);
    expect(await api.chainEpochs()).toEqual(before.filter((e) => e.block <= 120n));
    const after = await api.chainStep({ blocks: 680 });
    const withAction = smallDoc([{ block: 120, ...stake }]);
    expect(after.view.stateHash).toBe(await straightHash(withAction, 800n));
    expect(after.view.stateHash).not.toBe(await straightHash(smallDoc(), 800n));
    expect((await api.chainSeek(500n)).stateHash).toBe(await straightHash(withAction, 500n));
  });

  it('forks as a new chain: the new one has the action, the old one keeps its future', async () => {
    const { api } = chainApi();
    const original = await api.chainCreate({ json: JSON.stringify(smallDoc()) });
    const end = (await api.chainStep({ blocks: 400 })).view;
    await api.chainSeek(200n);
    const taken = await api.chainApply(stake, { mode: 'new-chain', name: 'small' });
    expect(taken).toMatchObject({ ok: false, message: expect.stringContaining('already exists') });
    const forked = await api.chainApply(stake, { mode: 'new-chain', name: 'with stake' });
    expect(forked).toMatchObject({ ok: true, view: { block: 200n, head: 200n, chain: { name: 'with stake', forkedFrom: { chainId: original.chain.id, name: 'small', block: 200n } } } });
    const next = await api.chainStep({ blocks: 200 });
    expect(next.view.stateHash).toBe(await straightHash(smallDoc([{ block: 200, ...stake }]), 400n));
    const back = await api.chainOpen(original.chain.id);
    expect([back.block, back.head, back.stateHash, back.log]).toEqual([400n, 400n, end.stateHash, []]);
    expect((await api.chainList()).map((c) => c.name).sort()).toEqual(['small', 'with stake']);
  });

  it('cancels a long run between blocks and keeps the blocks already done', async () => {
    const { api } = chainApi();
    await api.chainCreate({ json: JSON.stringify(smallDoc()) });
    const seen: number[] = [];
    const run = await api.chainStep({ blocks: 1_000_000 }, (p) => {
      seen.push(p.done);
      if (seen.length === 2) void api.chainCancel();
    });
    expect(run.cancelled).toBe(true);
    expect(run.done).toBeGreaterThan(0);
    expect(run.done).toBeLessThan(1_000_000);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(run.view).toMatchObject({ block: BigInt(run.done), head: BigInt(run.done) });
    expect(run.view.stateHash).toBe(await straightHash(smallDoc(), BigInt(run.done)));
  });

  it('renames and deletes saved chains, following the open one', async () => {
    const { api } = chainApi();
    await api.chainCreate({ preset: 'pre-halving' });
    const other = await api.chainCreate({ preset: 'pre-halving' });
    expect(other.chain.name).toBe('Pre-halving (2)');
    await api.chainStep({ blocks: 60 });
    const hash = (await api.chainView())!.stateHash;
    const renamed = await api.chainRename(other.chain.id, 'mine');
    expect(renamed.map((c) => [c.name, c.open]).sort()).toEqual([['Pre-halving', false], ['mine', true]]);
    expect(await api.chainView()).toMatchObject({ chain: { name: 'mine' }, block: 60n, stateHash: hash });
    const mine = renamed.find((c) => c.name === 'mine')!;
    expect((await api.chainDelete(mine.id)).map((c) => c.name)).toEqual(['Pre-halving']);
    expect(await api.chainView()).toBeNull();
    await expect(api.chainStep({ blocks: 1 })).rejects.toThrow(/No chain is open/);
  });
});
