// User actions through the chain API (refusals change nothing and name the chain's error; accepted ones are logged and
// replayed), and storage faults: with the disk full the chain keeps working in memory and saves once space is back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeChainApi } from '../../src/engine/chain-api.ts';
import { chainApi, smallDoc, straightHash } from './chain-fixtures.ts';

afterEach(() => vi.restoreAllMocks());

/** Makes every object-store put throw QuotaExceededError, as a full disk does. */
const fillDisk = () =>
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });

describe(makeChainApi, () => {
  it('refuses an action with the chain’s error and leaves block, hash and log unchanged', async () => {
    const { api } = chainApi();
    await api.chainCreate({ json: JSON.stringify(smallDoc()) });
    const before = (await api.chainStep({ blocks: 30 })).view;
    const tooMuch = await api.chainApply({ op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: '20000000000' });
    expect(tooMuch).toMatchObject({ ok: false, error: 'NotEnoughBalanceToStake', message: expect.stringContaining('NotEnoughBalanceToStake') });
    const notOwner = await api.chainApply({ op: 'set_hyperparameter', coldkey: 'bob', netuid: 1, name: 'tempo', value: 400 });
    expect(notOwner).toMatchObject({ ok: false, error: 'BadOrigin' });
    const malformed = await api.chainApply({ op: 'remove_stake', coldkey: 'bob', hotkey: 'v1', netuid: 1 });
    expect(malformed).toMatchObject({ ok: false, error: null, message: expect.stringContaining('amount') });
    const fraction = await api.chainApply({ op: 'burned_register', coldkey: 'dave', hotkey: 'new', netuid: 1.5 });
    expect(fraction).toMatchObject({ ok: false, error: null });
    for (const r of [tooMuch, notOwner, malformed, fraction]) expect([r.view.block, r.view.stateHash, r.view.log]).toEqual([before.block, before.stateHash, []]);
    expect(await api.chainHash()).toBe(before.stateHash);
  });

  it('logs accepted actions at the cursor block, after the ones already there, and replays them in order', async () => {
    const { api } = chainApi();
    await api.chainCreate({ json: JSON.stringify(smallDoc()) });
    await api.chainStep({ blocks: 50 });
    const register = { op: 'burned_register', coldkey: 'dave', hotkey: 'm3', netuid: 1 } as const;
    const stake = { op: 'add_stake', coldkey: 'carol', hotkey: 'm3', netuid: 1, amount: '1000000000' } as const;
    const hp = { op: 'set_hyperparameter', coldkey: 'alice', netuid: 1, name: 'kappa', value: 30000 } as const;
    expect(await api.chainApply(register)).toMatchObject({ ok: true });
    expect(await api.chainApply(stake)).toMatchObject({ ok: true });
    const refused = await api.chainApply(hp); // kappa is root-only
    expect(refused).toMatchObject({ ok: false, error: 'BadOrigin' });
    const sudo = await api.chainApply({ ...hp, coldkey: null });
    expect(sudo.view.log.map((e) => [e.block, e.seq, e.action.op])).toEqual([[50n, 0, 'burned_register'], [50n, 1, 'add_stake'], [50n, 2, 'set_hyperparameter']]);
    expect(sudo.view.subnets[0].neurons.map((n) => n.hotkey)).toContain('m3');
    expect(sudo.view.subnets[0].hyperparameters.find((h) => h.name === 'kappa')?.value).toBe('30000');
    const end = (await api.chainStep({ blocks: 400 })).view;
    const doc = smallDoc([{ block: 50, ...register }, { block: 50, ...stake }, { block: 50, ...hp, coldkey: null }]);
    expect(end.stateHash).toBe(await straightHash(doc, 450n));
    expect((await api.chainSeek(50n)).stateHash).toBe(await straightHash(doc, 50n));
    expect((await api.chainSeek(49n)).stateHash).toBe(await straightHash(doc, 49n));
  });

  it('applies actions at the start block before any block is stepped', async () => {
    const { api } = chainApi();
    await api.chainCreate({ json: JSON.stringify(smallDoc()) });
    const stake = { op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: '1000000000' } as const;
    const applied = await api.chainApply(stake);
    expect(applied).toMatchObject({ ok: true, view: { block: 0n } });
    await api.chainStep({ blocks: 100 });
    const replayed = await api.chainSeek(0n);
    expect(replayed.stateHash).toBe(applied.view.stateHash);
    expect((await api.chainSeek(100n)).stateHash).not.toBe(await straightHash(smallDoc(), 100n));
  });

  it('keeps working in memory on a full disk, reports one quota fault, and saves everything once space is back', async () => {
    const { api, db, faults } = chainApi();
    await api.chainCreate({ json: JSON.stringify(smallDoc()) });
    await api.chainStep({ blocks: 100 });
    const disk = fillDisk();
    const full = await api.chainStep({ blocks: 300 });
    expect(faults.map((f) => f.kind)).toEqual(['quota']);
    expect(faults[0]).not.toHaveProperty('cause');
    expect(full.view.storage).toEqual({ backend: 'indexeddb', unsaved: true });
    expect(await api.chainApply({ op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: '1000000000' })).toMatchObject({ ok: true });
    const more = await api.chainStep({ blocks: 100 });
    const doc = smallDoc([{ block: 400, op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: '1000000000' }]);
    expect(more.view.stateHash).toBe(await straightHash(doc, 500n));
    expect((await api.chainSeek(250n)).stateHash).toBe(await straightHash(doc, 250n));
    expect(await api.chainFlush()).toBe(false);

    disk.mockRestore();
    await api.chainSeek(500n);
    expect(await api.chainFlush()).toBe(true);
    expect((await api.chainView())?.storage.unsaved).toBe(false);
    await api.chainClose();
    const reopened = chainApi(db);
    expect(await reopened.api.chainResume()).toMatchObject({ block: 500n, head: 500n, stateHash: more.view.stateHash });
  });
});
