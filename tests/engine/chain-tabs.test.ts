// One writer per saved chain: two chain APIs over one database and one (fake) lock manager stand for two tabs. The
// second sees the first's chain read-only, every write is refused and leaves the store as it was, a copy is its own,
// and when the first lets go (close, another chain, delete) the second takes over. Hashes come from straight runs.
import { describe, expect, it } from 'vitest';
import { makeChainApi, type ChainApi } from '../../src/engine/chain-api.ts';
import { chainApi, smallDoc, straightHash } from './chain-fixtures.ts';
import { fakeLocks } from './fake-locks.ts';

const stake = { op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: '2000000000' } as const;
const withStake = () => smallDoc([{ block: 120, ...stake }]);

/** Tab one: the small chain with an action at block 120, stepped to block 150. Tab two: the same browser, resumed. */
async function twoTabs() {
  const locks = fakeLocks();
  const one = chainApi(undefined, { locks });
  const created = await one.api.chainCreate({ json: JSON.stringify(smallDoc()) });
  await one.api.chainStep({ blocks: 120 });
  await one.api.chainApply(stake);
  const first = (await one.api.chainStep({ blocks: 30 })).view;
  const two = chainApi(one.db, { locks });
  const takeovers: string[] = [];
  let tookOver = () => {};
  const nextTakeover = () => new Promise<void>((resolve) => (tookOver = resolve));
  await two.api.chainOnTakeover((id) => {
    takeovers.push(id);
    tookOver();
  });
  return { locks, one, two, id: created.chain.id, first, takeovers, nextTakeover };
}

/** What the store holds for the open chain of `api`: head, log, epochs, and the chain list. */
async function saved(api: ChainApi) {
  const view = (await api.chainView())!;
  return { head: view.head, log: view.log, epochs: await api.chainEpochs(), list: (await api.chainList()).map((c) => [c.name, c.headBlock]) };
}

describe(makeChainApi, () => {
  it('opens a chain another tab has open read-only: it seeks up to the head, and refuses every write with the reason', async () => {
    const { one, two, id, first } = await twoTabs();
    const before = await saved(one.api);
    const seen = (await two.api.chainResume())!;
    expect(seen).toMatchObject({ readOnly: true, chain: { id, name: 'small' }, block: 150n, head: 150n, stateHash: first.stateHash });
    expect(first.readOnly).toBe(false);

    const why = '“small” is open in another tab, so this tab cannot';
    await expect(two.api.chainStep({ blocks: 1 })).rejects.toThrow(`${why} step it. Make a copy here to keep working, or close the other tab.`);
    expect(await two.api.chainApply({ ...stake, amount: '1000000000' })).toMatchObject({ ok: false, error: null, message: `${why} apply actions to it. Make a copy here to keep working, or close the other tab.` });
    await expect(two.api.chainFork({ mode: 'truncate' })).rejects.toThrow(`${why} fork it.`);
    await expect(two.api.chainFork({ mode: 'new-chain', name: 'elsewhere' })).rejects.toThrow(`${why} fork it.`);
    await expect(two.api.chainRename(id, 'renamed')).rejects.toThrow(`${why} rename it.`);
    await expect(two.api.chainDelete(id)).rejects.toThrow(`${why} delete it.`);

    const back = await two.api.chainSeek(60n);
    expect([back.block, back.stateHash]).toEqual([60n, await straightHash(withStake(), 60n)]);
    expect((await two.api.chainSeek(10_000n)).block).toBe(150n); // the head: blocks past it would be new history
    expect(await two.api.chainEpochs()).toEqual(before.epochs);

    // The first tab wrote on; the second follows its head when it seeks, and the store holds one timeline.
    await one.api.chainStep({ blocks: 250 });
    expect((await two.api.chainSeek(400n)).stateHash).toBe(await straightHash(withStake(), 400n));
    const after = await saved(one.api);
    expect(after.log).toEqual(before.log);
    expect(after.epochs.slice(0, before.epochs.length)).toEqual(before.epochs);
    expect(after.list).toEqual([['small', 400n]]);
    expect(await one.store()!.getLastSession()).toEqual({ chainId: id, block: 400n }); // the reader never moved it

    // A share link in the reading tab is a new chain of its own: writable there, and the first tab's chain stays as it was.
    const linked = await two.api.chainCreate({ json: JSON.stringify(smallDoc()), label: 'link' });
    expect(linked).toMatchObject({ readOnly: false, chain: { name: 'small (2)' } });
    expect((await two.api.chainStep({ blocks: 5 })).view.block).toBe(5n);
    expect((await saved(one.api)).list).toEqual([['small (2)', 5n], ['small', 400n]]);
  });

  it('makes a copy the second tab owns: writable at the same block, and the first tab’s chain is untouched', async () => {
    const { one, two, id, first } = await twoTabs();
    await two.api.chainResume();
    await two.api.chainSeek(130n);
    const copy = await two.api.chainCopy();
    expect(copy).toMatchObject({ readOnly: false, block: 130n, head: 150n, chain: { name: 'small (copy)', forkedFrom: { chainId: id, name: 'small', block: 150n } } });
    expect(copy.log).toEqual(first.log);
    const stepped = await two.api.chainStep({ blocks: 100 });
    expect(stepped.view).toMatchObject({ block: 230n, head: 230n, stateHash: await straightHash(withStake(), 230n) });
    expect((await two.api.chainApply({ ...stake, amount: '1000000000' })).ok).toBe(true);

    expect(await one.api.chainView()).toMatchObject({ chain: { id }, block: 150n, head: 150n, readOnly: false, stateHash: first.stateHash, log: first.log });
    expect((await one.api.chainList()).map((c) => [c.name, c.headBlock]).sort()).toEqual([['small (copy)', 230n], ['small', 150n]]); // sorted as text
    expect((await one.api.chainStep({ blocks: 1 })).view.block).toBe(151n);

    // The copy is the shared last session now; the first tab, reloaded, resumes its own chain (the page keeps it per tab).
    await two.api.chainStep({ blocks: 1 });
    const reloaded = chainApi(one.db, { locks: fakeLocks() }); // the first tab's new worker (its old one ended with it)
    expect(await reloaded.api.chainResume()).toMatchObject({ chain: { name: 'small (copy)' } });
    expect(await reloaded.api.chainResume({ chainId: id, block: 151n })).toMatchObject({ chain: { id }, block: 151n, readOnly: false });
  });

  it('takes over when the first tab closes, by itself and at the next write; a third tab is then the reader', async () => {
    const { locks, one, two, id, takeovers, nextTakeover } = await twoTabs();
    await two.api.chainResume();
    const freed = nextTakeover();
    await one.api.chainClose();
    await freed;
    expect(takeovers).toEqual([id]);
    expect(await two.api.chainView()).toMatchObject({ readOnly: false, block: 150n });
    const stepped = await two.api.chainStep({ blocks: 50 });
    expect(stepped.view).toMatchObject({ block: 200n, head: 200n, stateHash: await straightHash(withStake(), 200n) });

    const three = chainApi(one.db, { locks });
    expect(await three.api.chainOpen(id)).toMatchObject({ readOnly: true, head: 200n });
    await two.api.chainClose();
    expect((await three.api.chainStep({ blocks: 1 })).view).toMatchObject({ readOnly: false, block: 201n });
  });

  it('lets go of a chain when the first tab opens another one or deletes it; the reader hears of both', async () => {
    const { one, two, id, takeovers, nextTakeover } = await twoTabs();
    const other = await one.api.chainCreate({ json: JSON.stringify(smallDoc()) }, 'other');
    await two.api.chainOpen(other.chain.id).then((v) => expect(v.readOnly).toBe(true));
    await two.api.chainOpen(id).then((v) => expect(v.readOnly).toBe(false)); // one let go of it when it created another
    const gone = nextTakeover();
    await two.api.chainOpen(other.chain.id);
    await one.api.chainDelete(other.chain.id);
    await gone;
    expect(takeovers).toEqual([other.chain.id]);
    expect(await two.api.chainView()).toBeNull();
  });
});
