// The chain view's state when another tab has the chain open: the banner, the refusal in the worker's words, the copy
// this tab owns, and the takeover when the other tab closes. Two playgrounds over one database and one fake lock manager.
import { describe, expect, it, vi } from 'vitest';
import type { Remote } from 'comlink';
import type { ChainApi } from '../../src/engine/chain-api.ts';
import { ChainPlayground } from '../../src/state/chain.svelte.ts';
import { chainApi, uniqueDb } from '../engine/chain-fixtures.ts';
import { fakeLocks } from '../engine/fake-locks.ts';

describe(ChainPlayground, () => {
  it('shows a second tab the chain read-only with a banner, copies it on request, and takes over when the first closes', async () => {
    const db = uniqueDb();
    const locks = fakeLocks();
    const tab = () => {
      const { api } = chainApi(db, { locks });
      return { api, chain: new ChainPlayground(api as unknown as Remote<ChainApi>) };
    };
    const one = tab();
    await one.chain.start();
    await one.chain.create({ preset: 'pre-halving' });
    await one.chain.step({ blocks: 20 });
    const hash = one.chain.view!.stateHash;

    const two = tab();
    await two.chain.start();
    expect([two.chain.readOnly, two.chain.lockBanner, two.chain.view?.block]).toEqual([true, true, 20n]);
    expect(two.chain.status).toBe('Resumed “Pre-halving” read-only at block 20: it is open in another tab.');
    expect(await two.chain.step({ blocks: 1 })).toBe(false);
    expect(two.chain.error).toBe('The run stopped: “Pre-halving” is open in another tab, so this tab cannot step it. Make a copy here to keep working, or close the other tab.');
    two.chain.dismissLock();
    expect([two.chain.readOnly, two.chain.lockBanner]).toEqual([true, false]);

    expect(await two.chain.copyHere()).toBe(true);
    expect([two.chain.readOnly, two.chain.view?.chain.name, two.chain.view?.stateHash]).toEqual([false, 'Pre-halving (copy)', hash]);
    expect(await two.chain.step({ blocks: 1 })).toBe(true);

    const three = tab();
    await three.chain.start(); // resumes the copy, which the second tab owns
    expect([three.chain.readOnly, three.chain.view?.chain.name]).toEqual([true, 'Pre-halving (copy)']);
    await two.api.chainClose();
    await vi.waitFor(() => expect(three.chain.readOnly).toBe(false));
    expect(three.chain.status).toBe('The other tab let go of “Pre-halving (copy)”: this tab can change it now.');
    expect(await three.chain.step({ blocks: 1 })).toBe(true);
    expect(one.chain.view).toMatchObject({ block: 20n, stateHash: hash, readOnly: false });
  });
});
