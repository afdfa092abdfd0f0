// The chain view's links and files (state/share.svelte.ts with chainShareTarget, state/chain-route.ts, ChainPlayground's
// import) over the real chain API in node: a shared chain opens in an empty browser as a new saved chain at the same
// block and state hash, never over an existing one; a broken link, a subnet link and a bad file change nothing; a
// chain too large for a link is offered as its file.
import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { benchmarkScenario } from '../../src/chain/presets/benchmark.ts';
import type { ChainApi } from '../../src/engine/chain-api.ts';
import { restoreScenario } from '../../src/model/scenario.ts';
import { MAX_SHARE_LENGTH, decodeShare, encodeShare } from '../../src/model/share.ts';
import type { EngineClient } from '../../src/engine/client.ts';
import { ChainPlayground } from '../../src/state/chain.svelte.ts';
import { Playground } from '../../src/state/playground.svelte.ts';
import { chainPresetCards, parseChainRoute, routeChain } from '../../src/state/chain-route.ts';
import { Share, chainShareTarget, type ShareHost } from '../../src/state/share.svelte.ts';
import { chainApi, presetDoc, straightHash } from '../engine/chain-fixtures.ts';
import { chainOf } from '../model/chain-fixture.ts';

const playground = (db?: string) => new ChainPlayground(chainApi(db).api as unknown as Remote<ChainApi>);

/** A window stand-in at `http://x/app/?view=chain` + `hash`, recording what the page did to the address. */
function host(hash = '') {
  const log: { replaced: string[]; redirected: string[]; copied: string[] } = { replaced: [], redirected: [], copied: [] };
  const location = { hash, pathname: '/app/', search: '?view=chain', get href() { return `http://x/app/?view=chain${this.hash}`; } };
  const h: ShareHost = {
    location,
    history: { replaceState: (_d, _u, url) => { log.replaced.push(url); location.hash = url.startsWith('#') ? url : ''; } },
    clipboard: { writeText: async (t) => { log.copied.push(t); } },
    redirect: (url) => log.redirected.push(url),
  };
  return { h, log };
}

const kappa = { op: 'set_hyperparameter', coldkey: null, netuid: 1, name: 'kappa', value: 30000 } as const;
const taoWeight = { op: 'sudo_set', name: 'tao_weight', value: '0.2' } as const;

describe(Share, () => {
  it('shares a stepped chain as ?view=chain#v1/… without touching the address, and the link opens it in an empty browser', async () => {
    const chain = playground();
    await chain.start();
    await chain.create({ preset: 'pre-halving' });
    expect(await chain.apply(taoWeight)).toBe(true);
    await chain.step({ epochOf: 1 });
    expect(await chain.apply(kappa)).toBe(true);
    await chain.step({ epochOf: 1 });
    const { block, stateHash } = chain.view!;
    const sender = host();
    const share = new Share(chainShareTarget(chain), sender.h);
    await share.share();
    expect(share.url).toMatch(/^http:\/\/x\/app\/\?view=chain#v1\/[A-Za-z0-9_-]+$/);
    expect([sender.log.copied, sender.log.replaced, share.copied]).toEqual([[share.url], [], true]);
    expect(share.message).toContain(`block ${block} and state hash ${stateHash}`);
    const sent = chainOf(decodeShare(new URL(share.url).hash));
    expect([sent.blocks, sent.actions.map((a) => [a.block, a.action.op])]).toEqual([Number(block), [[0n, 'sudo_set'], [360n, 'set_hyperparameter']]]);

    const receiver = playground();
    const at = host(new URL(share.url).hash);
    await receiver.start();
    await routeChain(receiver, new Share(chainShareTarget(receiver), at.h), at.h);
    expect([receiver.view?.block, receiver.view?.stateHash, receiver.view?.chain.name]).toEqual([block, stateHash, 'Pre-halving']);
    expect(receiver.view?.subnets.map((s) => s.neurons)).toEqual(chain.view!.subnets.map((s) => s.neurons));
    expect(receiver.status).toBe(`Opened from a share link: “Pre-halving” at block ${block}.`);
    expect(at.log.replaced).toEqual(['/app/?view=chain']); // the link leaves the address: a reload resumes instead of copying
  });

  it('opens a link as a new chain with a unique name, leaving the saved chains as they were', async () => {
    const chain = playground();
    await chain.start();
    await chain.create({ preset: 'pre-halving' });
    await chain.step({ blocks: 30 });
    const mine = chain.view!;
    const link = encodeShare(restoreScenario({ ...presetDoc('pre-halving'), blocks: 12 }));
    if (!('hash' in link)) throw new Error('too large');
    const at = host(link.hash);
    expect(await new Share(chainShareTarget(chain), at.h).openFromHash()).toBe(true);
    expect(chain.view?.chain.name).toBe('Pre-halving (2)');
    expect([chain.view?.block, chain.view?.stateHash]).toEqual([12n, await straightHash(presetDoc('pre-halving'), 12n)]);
    expect(chain.chains.map((c) => c.name).sort()).toEqual(['Pre-halving', 'Pre-halving (2)']);
    expect(await chain.open(mine.chain.id)).toBe(true);
    expect([chain.view?.chain.name, chain.view?.block, chain.view?.stateHash]).toEqual(['Pre-halving', 30n, mine.stateHash]);
  });

  it('shows a broken link’s reason and changes nothing; a subnet link goes to the subnet view', async () => {
    const chain = playground();
    await chain.start();
    await chain.create({ preset: 'post-halving' });
    const view = chain.view;
    const broken = host('#v1/this-is-not-a-chain');
    const share = new Share(chainShareTarget(chain), broken.h);
    await routeChain(chain, share, broken.h);
    expect(share.linkError).toMatch(/^This link/);
    expect([chain.view, chain.chains.length, broken.log.replaced]).toEqual([view, 1, []]);

    const subnet = encodeShare(restoreScenario({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: [] }));
    if (!('hash' in subnet)) throw new Error('too large');
    const other = host(subnet.hash);
    expect(await new Share(chainShareTarget(chain), other.h).openFromHash()).toBe(false);
    expect(other.log.redirected).toEqual([`./${subnet.hash}`]);
    expect(chain.chains.length).toBe(1);
  });
});

describe('a chain too large for a link', () => {
  it('offers its file instead: the message says so, and the file is the chain', async () => {
    const chain = playground();
    await chain.start();
    const doc = benchmarkScenario(2, 128, 32, 0);
    expect(await chain.importFile(new TextEncoder().encode(JSON.stringify(doc)), 'big.chain.json')).toBe(true);
    const at = host();
    const share = new Share(chainShareTarget(chain), at.h);
    await share.share();
    expect([share.url, share.copied, at.log.copied]).toEqual(['', false, []]);
    expect(share.tooLarge?.limit).toBe(MAX_SHARE_LENGTH);
    expect(share.tooLarge!.bytes).toBeGreaterThan(MAX_SHARE_LENGTH);
    expect(share.message).toBe(`This chain is too large for a link (${share.tooLarge!.bytes.toLocaleString('en')} against a limit of ${MAX_SHARE_LENGTH.toLocaleString('en')}). Download it as a scenario file and share the file instead.`);
    expect(restoreScenario(share.fileText())).toEqual(restoreScenario(await chain.exportText()));
    expect(chainOf(restoreScenario(share.fileText())).subnets.map((s) => s.neurons.length)).toEqual([128, 128]);
  });
});

describe(ChainPlayground, () => {
  it('imports a chain file through the one restore path, stepping it to its blocks; a bad or subnet file changes nothing', async () => {
    const chain = playground();
    await chain.start();
    const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(await chain.importFile(encode({ ...presetDoc('pre-halving'), blocks: -1 }), 'bad.chain.json')).toBe(false);
    expect(chain.error).toMatch(/^Could not load bad\.chain\.json: bad\.chain\.json: blocks: /);
    expect(await chain.importFile(encode({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: [] }), 'subnet.json')).toBe(false);
    expect(chain.error).toMatch(/^Could not load subnet\.json: subnet\.json holds a subnet/);
    expect([chain.view, chain.chains]).toEqual([null, []]);
    expect(await chain.importFile(encode({ ...presetDoc('post-halving'), blocks: 20 }), 'post.chain.json', 'mine')).toBe(true);
    expect([chain.view?.chain.name, chain.view?.block, chain.view?.stateHash]).toEqual(['mine', 20n, await straightHash(presetDoc('post-halving'), 20n)]);
    expect(chain.status).toBe('Loaded from a file: “mine” at block 20.');
  });

  it('creates a gallery preset from #preset/<id> and takes the preset off the address', async () => {
    expect(parseChainRoute('#preset/registration-rush')).toEqual({ kind: 'preset', id: 'registration-rush' });
    expect(parseChainRoute('#v1/abc')).toEqual({ kind: 'share' });
    expect(parseChainRoute('#gallery')).toEqual({ kind: 'none' });
    const cards = await chainPresetCards();
    expect(cards.map((c) => c.href)).toContain('./?view=chain#preset/registration-rush');
    const chain = playground();
    await chain.start();
    const at = host('#preset/registration-rush');
    await routeChain(chain, new Share(chainShareTarget(chain), at.h), at.h);
    expect([chain.view?.chain.name, chain.view?.block, at.log.replaced]).toEqual([presetDoc('registration-rush').name, 0n, ['/app/?view=chain']]);
  });
});

describe(Playground, () => {
  it('refuses a chain file in the subnet view’s import, saying where it opens, before the worker sees it', async () => {
    const pg = new Playground({} as EngineClient); // never called: the file is refused first
    const text = JSON.stringify(presetDoc('pre-halving'));
    expect(await pg.importTrace(text, 'pre-halving.json')).toBe(false);
    expect(pg.error).toBe('Could not load pre-halving.json: pre-halving.json holds a whole chain (yuma-chain/1): import it in the chain view.');
  });
});

