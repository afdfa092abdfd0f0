// Every gallery preset is a test case: it restores through the one restore path and replays on the WASM engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import type { EpochEngine } from '../../src/model/epoch.ts';
import { replayTrace } from '../../src/model/replay.ts';
import { restoreScenario } from '../../src/model/scenario.ts';
import { decodeShare, encodeShare } from '../../src/model/share.ts';
import { galleryEntries, type GalleryEntry } from '../../src/ui/gallery/entries.ts';
import { traceOf } from '../model/trace-fixture.ts';

const entries: GalleryEntry[] = await galleryEntries();
let engine: EpochEngine;
beforeAll(async () => {
  engine = await loadWasmEngineNode();
});

describe(galleryEntries, () => {
  it('lists the 24 yuma-simulation cases and the subtensor tests, with unique ids and a story each', () => {
    expect(entries.filter((e) => e.group === 'case')).toHaveLength(24);
    expect(entries.filter((e) => e.group === 'subtensor').length).toBeGreaterThanOrEqual(10);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) expect(e.story.length, e.id).toBeGreaterThan(20);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s restores and replays on the wasm engine', (_id, entry) => {
    const scenario = restoreScenario(entry.text(), entry.id);
    const trace = traceOf(scenario);
    const result = replayTrace(trace, engine);
    expect(result.epochs.length).toBeGreaterThan(0);
    for (const epoch of result.epochs) expect(epoch.output.incentive).toHaveLength(trace.n);
    const link = encodeShare(scenario);
    if ('hash' in link) expect(decodeShare(link.hash)).toEqual(scenario);
  });
});
