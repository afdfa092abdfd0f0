// The subnet draft (persist/draft.ts through makeEngineApi): after a change the session is saved to IndexedDB
// (fake-indexeddb here), a new page's API reopens it at the same cursor with the same document, a load keeps the
// replaced subnet as 'previous', an unarmed page (an embed) never writes, and a damaged draft is skipped.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { makeEngineApi } from '../../src/engine/api.ts';
import { openDraftStore } from '../../src/persist/draft.ts';
import { presetTrace } from '../../src/state/presets.ts';

const WASM = new URL('../../src/generated/engine.wasm', import.meta.url);
const compile = async () => WebAssembly.compile(await readFile(WASM));
let dbs = 0;
const freshStore = () => openDraftStore(`draft-test-${++dbs}`);

describe('subnet drafts', () => {
  it('reopen the subnet at its cursor after a reload, and keep the subnet a load replaced', async () => {
    const store = freshStore();
    const page = makeEngineApi(compile, undefined, store, 0);
    expect(await page.restoreDraft()).toBeNull(); // nothing yet; arms saving
    await page.load(presetTrace('four-by-four'), 'Four by four');
    await page.edit({ op: 'set_stake', uid: 1, alphaStake: 123_000_000_000n });
    await page.run(3);
    await page.jump(2);
    expect(await page.saveDraft()).toBe(true);
    const text = await page.exportTrace();

    const reloaded = makeEngineApi(compile, undefined, store, 0);
    const view = await reloaded.restoreDraft();
    expect(view?.cursor).toBe(2);
    expect(view?.epochs).toBe(3);
    expect(await reloaded.exportTrace()).toBe(text);

    // Another subnet replaces it: the edited one is kept as 'previous' and comes back with its cursor.
    await reloaded.load(presetTrace('clipping-demo'), 'Clipping demo');
    expect(await reloaded.saveDraft()).toBe(true);
    expect((await reloaded.previousDraft())?.name).toBe(JSON.parse(text).name);
    const back = await reloaded.restoreDraft('previous');
    expect(back?.cursor).toBe(2);
    expect(await reloaded.exportTrace()).toBe(text);
  });

  it('keep as previous only a subnet the user worked on, not one still as it was loaded', async () => {
    const store = freshStore();
    const page = makeEngineApi(compile, undefined, store, 0);
    await page.restoreDraft();
    await page.load(presetTrace('four-by-four'), 'Four by four');
    await page.load(presetTrace('clipping-demo'), 'Clipping demo'); // over an untouched preset
    await page.saveDraft();
    expect(await page.previousDraft()).toBeNull();
    await page.run(1); // now it is the user's
    await page.load(presetTrace('four-by-four'), 'Four by four');
    await page.saveDraft();
    expect((await page.previousDraft())?.name).toBe(JSON.parse(presetTrace('clipping-demo')).name);
  });

  it('are never written by a page that did not ask for them (an embed)', async () => {
    const store = freshStore();
    const embed = makeEngineApi(compile, undefined, store, 0);
    await embed.load(presetTrace('four-by-four'), 'Four by four');
    await embed.run(1);
    expect(await embed.saveDraft()).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('skip a draft that no longer reads, changing nothing', async () => {
    const store = freshStore();
    await store.save({ text: '{"format":"yuma-trace/9"}', name: 'from the future', cursor: 0, savedAt: 0 });
    const page = makeEngineApi(compile, undefined, store, 0);
    expect(await page.restoreDraft()).toBeNull();
    await page.load(presetTrace('four-by-four'), 'Four by four');
    expect((await page.exportTrace()).length).toBeGreaterThan(0);
  });
});
