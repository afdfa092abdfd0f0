// Every golden subtensor trace through a share link: the link opens to exactly restoreScenario's scenario, and
// replaying both on the WASM engine gives the same result document. No golden trace is too large for a link.
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import type { EpochEngine } from '../../src/model/epoch.ts';
import { replayTrace, toResultJson } from '../../src/model/replay.ts';
import { restoreScenario } from '../../src/model/scenario.ts';
import { MAX_SHARE_LENGTH, decodeShare, encodeShare } from '../../src/model/share.ts';
import { traceOf } from './trace-fixture.ts';

const GOLDEN = new URL('../golden/subtensor/traces/', import.meta.url);
const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
/** Golden traces whose link would pass MAX_SHARE_LENGTH: none (the largest, test_512_graph, needs ~2,800). */
const TOO_LARGE: string[] = [];

let engine: EpochEngine;
beforeAll(async () => {
  engine = await loadWasmEngineNode();
});

describe(encodeShare, () => {
  it('finds a golden trace for every file and only the listed ones too large', () => {
    expect(files.length).toBeGreaterThan(40);
    const tooLarge = files.filter((f) => 'tooLarge' in encodeShare(restoreScenario(readFileSync(new URL(f, GOLDEN)), f)));
    expect(tooLarge).toEqual(TOO_LARGE);
  });

  it.each(files)('round-trips %s, and the replay of the link matches the replay of the file', (file) => {
    const s = restoreScenario(readFileSync(new URL(file, GOLDEN)), file);
    const link = encodeShare(s);
    if (TOO_LARGE.includes(file)) {
      expect(link).toMatchObject({ tooLarge: true, limit: MAX_SHARE_LENGTH });
      return;
    }
    if (!('hash' in link)) throw new Error(`${file}: ${link.bytes} > ${link.limit}`);
    expect(link.hash.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH);
    const opened = decodeShare(link.hash);
    expect(opened).toEqual(s);
    expect(toResultJson(replayTrace(traceOf(opened), engine))).toEqual(toResultJson(replayTrace(traceOf(s), engine)));
  });
});
