// The worker-side session (src/engine/session.ts through makeEngineApi) in node, checked against replayTrace
// of the very trace it exports: the timeline, edits, forks, undo/redo and the compact history patches.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { makeEngineApi, type EngineApi, type EpochSummary, type SessionView } from '../../src/engine/api.ts';
import { createWasmEngine } from '../../src/engine/wasm-epoch.ts';
import { replayTrace } from '../../src/model/replay.ts';
import { parseTrace } from '../../src/model/trace.ts';
import { presetTrace } from '../../src/state/presets.ts';

const WASM = new URL('../../src/generated/engine.wasm', import.meta.url);
const compile = async () => WebAssembly.compile(await readFile(WASM));

/** The page's side of the protocol: applies every history patch in order. */
function pageOf(api: EngineApi) {
  let history: EpochSummary[] = [];
  let last: SessionView | undefined;
  const take = (v: SessionView) => {
    history = [...history.slice(0, v.history.keep), ...v.history.append];
    last = { ...v, editor: { ...v.editor, weights: v.editor.weights ?? last?.editor.weights ?? null } }; // null: unchanged
    return last;
  };
  return { take, history: () => history, view: () => last! };
}

async function replayed(api: EngineApi) {
  const engine = await createWasmEngine(await compile());
  return replayTrace(parseTrace(await api.exportTrace()), engine).epochs;
}

describe('Session', () => {
  it('runs epochs whose outputs equal a replay of the exported trace', async () => {
    const api = makeEngineApi(compile);
    const page = pageOf(api);
    page.take(await api.load(presetTrace('four-by-four'), 'four'));
    expect(page.view().epochs).toBe(0);
    page.take(await api.run(3));
    expect(page.view()).toMatchObject({ epochs: 3, cursor: 3 });
    const epochs = await replayed(api);
    expect(epochs).toHaveLength(3);
    for (const [k, e] of epochs.entries()) {
      const s = page.history()[k];
      expect(s.block).toBe(e.block);
      expect([...s.consensus]).toEqual(e.output.consensus);
      expect([...s.dividends]).toEqual(e.output.dividends);
      expect([...s.emission]).toEqual(e.output.emission);
    }
    expect(page.history()[2].dividends.some((d) => d > 0)).toBe(true);
  });

  it('applies a weight edit before the next epoch, and undo/redo drop and restore steps', async () => {
    const api = makeEngineApi(compile);
    const page = pageOf(api);
    page.take(await api.load(presetTrace('four-by-four'), 'four'));
    page.take(await api.run(1));
    const edited = page.take(await api.edit({ op: 'set_weights', uid: 0, uids: [4, 7], values: [65535, 0] }));
    expect(edited.undo).toMatch(/set weights/);
    const row = edited.editor.weights!;
    expect([...row.cols.slice(row.offsets[0], row.offsets[1])]).toEqual([4, 7]);
    page.take(await api.run(1));
    expect(page.view().epochs).toBe(2);
    page.take(await api.undo()); // drops the epoch
    expect(page.view()).toMatchObject({ epochs: 1, cursor: 1 });
    page.take(await api.undo()); // drops the edit
    expect(page.view().editor.weights!.offsets[1]).toBe(4);
    page.take(await api.redo());
    page.take(await api.redo());
    expect(page.view().epochs).toBe(2);
    const epochs = await replayed(api);
    expect([...page.history()[1].incentive]).toEqual(epochs[1].output.incentive);
  });

  it('forks when edited at a past epoch, and scrubbing recomputes nothing', async () => {
    const api = makeEngineApi(compile);
    const page = pageOf(api);
    page.take(await api.load(presetTrace('four-by-four'), 'four'));
    page.take(await api.run(4));
    const ids = page.history().map((s) => s.id);
    const back = page.take(await api.jump(2));
    expect(back.history).toEqual({ keep: 4, append: [] });
    const fork = page.take(await api.edit({ op: 'set_stake', uid: 1, alphaStake: 5n * 10n ** 12n }));
    expect(fork).toMatchObject({ epochs: 2, cursor: 2 });
    expect(fork.message).toMatch(/Forked at epoch 2/);
    expect(page.history().map((s) => s.id)).toEqual(ids.slice(0, 2));
    page.take(await api.undo());
    expect(page.view()).toMatchObject({ epochs: 4, cursor: 2 });
  });

  it('adds and removes neurons without changing the earlier epochs of the others', async () => {
    const api = makeEngineApi(compile);
    const page = pageOf(api);
    page.take(await api.load(presetTrace('four-by-four'), 'four'));
    page.take(await api.run(2));
    const before = page.history()[1];
    page.take(await api.edit({ op: 'add_neuron', role: 'miner', name: 'New', alphaStake: 0n }));
    expect(page.view().n).toBe(9);
    expect([...page.history()[1].incentive.slice(0, 8)]).toEqual([...before.incentive]);
    page.take(await api.edit({ op: 'remove_neuron', uid: 4 }));
    expect(page.view().n).toBe(8);
    expect(page.view().meta.map((m) => m.name)).toEqual(['Ada', 'Brin', 'Cato', 'Dido', 'M5', 'M6', 'M7', 'New']);
    await expect(api.edit({ op: 'set_weights', uid: 0, uids: [9], values: [1] })).rejects.toThrow(/does not exist/);
    expect((await replayed(api))).toHaveLength(2);
  });

  it('reports progress, can be cancelled, and keeps the finished epochs', async () => {
    const api = makeEngineApi(compile);
    await api.load(presetTrace('four-by-four'), 'four');
    const seen: number[] = [];
    const run = api.run(100000, (p) => {
      seen.push(p.done);
      if (p.done > 20) void api.cancel();
    });
    const view = await run;
    expect(view.message).toMatch(/Cancelled after/);
    expect(view.epochs).toBeGreaterThan(20);
    expect(view.epochs).toBeLessThan(100000);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('loads the teaching cases with their 40 epochs and inspects one with every intermediate', async () => {
    const api = makeEngineApi(compile);
    const view = await api.load(presetTrace('kappa-moves-first'), 'case');
    expect(view).toMatchObject({ n: 5, epochs: 40, cursor: 40 });
    const x = await api.inspect(3);
    expect(x.intermediates.consensus).toBeInstanceOf(BigInt64Array);
    const c = x.intermediates.consensus;
    for (let j = 0; j < 5; j++) expect(x.summary.consensus[j]).toBe(Number((c[j] * 65535n) >> 32n));
  });
});
