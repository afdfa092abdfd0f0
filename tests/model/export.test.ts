// Files in and out: the canonical scenario file, importing through restoreScenario, and results as CSV computed by the
// WASM engine (RFC 4180 quoting, formula-injection defused, stakes as they were at each epoch).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import type { EpochEngine } from '../../src/model/epoch.ts';
import { CSV_COLUMNS, csvCell } from '../../src/model/export-csv.ts';
import { MAX_IMPORT_BYTES, exportScenarioFile, fileStem, importScenarioFile, resultsCsv } from '../../src/model/export.ts';
import { replayTrace } from '../../src/model/replay.ts';
import { restoreScenario } from '../../src/model/scenario.ts';
import { TraceError } from '../../src/model/trace.ts';
import { traceOf, validTraceDoc } from './trace-fixture.ts';

const GOLDEN = new URL('../golden/subtensor/traces/', import.meta.url);
const encode = (text: string) => new TextEncoder().encode(text);

let engine: EpochEngine;
beforeAll(async () => {
  engine = await loadWasmEngineNode();
});

describe(exportScenarioFile, () => {
  it('writes the canonical file, named after the scenario, that imports back to the same scenario', () => {
    const s = restoreScenario(readFileSync(new URL('test_bonds.json', GOLDEN)));
    const file = exportScenarioFile(s);
    expect(file.fileName).toBe('test_bonds.json');
    expect(file.mimeType).toBe('application/json');
    expect(file.text).toMatch(/^\{\n "format": "yuma-trace\/1",\n "name": "test_bonds",\n "n": 8,\n/);
    expect(file.text).not.toContain('"kappa"'); // a default, left out
    expect(importScenarioFile(encode(file.text), file.fileName)).toEqual(s);
  });

  it('names an unnamed scenario "scenario.json"', () => {
    expect(exportScenarioFile(restoreScenario({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: [] })).fileName).toBe('scenario.json');
  });
});

describe(fileStem, () => {
  it.each([
    ['test_bonds', 'test_bonds'],
    ['Kappa moves first!', 'Kappa-moves-first'],
    ['Über größe', 'Uber-gro-e'],
    ['../../etc/passwd', 'etc-passwd'],
    ['日本', 'scenario'],
    ['x'.repeat(100), 'x'.repeat(60)],
  ])('turns %j into %j', (label, stem) => {
    expect(fileStem(label)).toBe(stem);
  });
});

describe(importScenarioFile, () => {
  it('reads a yuma-trace/1 file, with a BOM, through the same validation as a link', () => {
    const text = JSON.stringify(validTraceDoc());
    expect(importScenarioFile(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]), 'a.json')).toEqual(restoreScenario(text));
  });

  it.each([
    ['an invalid uid', JSON.stringify({ ...validTraceDoc(), owner_uid: 4 }), 'subnet.json: owner_uid: uid 4 out of range (n = 4)'],
    ['a newer format', '{"format":"yuma-trace/2"}', 'subnet.json: format: "yuma-trace/2" was made by a newer version of Yuma Playground; this version reads "yuma-trace/1"'],
    ['an empty file', '', 'subnet.json: $: invalid JSON at line 1, column 1: unexpected end of input'],
  ])('names the file and the path for %s', (_, text, message) => {
    expect(() => importScenarioFile(encode(text), 'subnet.json')).toThrow(TraceError);
    expect(() => importScenarioFile(encode(text), 'subnet.json')).toThrow(message);
  });

  it('refuses a file over 16 MiB before reading it', () => {
    expect(() => importScenarioFile(new Uint8Array(MAX_IMPORT_BYTES + 1), 'big.json')).toThrow(`big.json: $: file is ${MAX_IMPORT_BYTES + 1} bytes, over the 16 MiB a scenario file may have`);
  });
});

describe(resultsCsv, () => {
  it('writes one row per epoch and uid with the values the engine computed', () => {
    const trace = traceOf(restoreScenario(readFileSync(new URL('test_bonds.json', GOLDEN))));
    const result = replayTrace(trace, engine);
    const lines = resultsCsv(trace, result, ['val1', 'val2']).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + result.epochs.length * trace.n + 1);
    expect(lines.at(-1)).toBe('');
    const o = result.epochs[3].output;
    const uid = 2;
    expect(lines[1 + 3 * trace.n + uid]).toBe(
      [3, 4, uid, '', 3, 0, o.stakeWeight[uid], o.consensus[uid], o.incentive[uid], o.dividends[uid], o.emission[uid], o.validatorTrust[uid], o.active[uid], o.newValidatorPermit[uid]].join(','),
    );
    expect(lines[1].split(',').slice(0, 5)).toEqual(['0', '1', '0', 'val1', '1']);
    expect(o.emission[uid]).toBeGreaterThan(0n);
  });

  it('gives each epoch the stakes set before it, across set_stake and replace_neuron', () => {
    const trace = traceOf(restoreScenario(validTraceDoc()));
    const rows = resultsCsv(trace, replayTrace(trace, engine)).split('\r\n').slice(1, -1).map((line) => line.split(','));
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ['0', '11', '0', '1000', '0'], ['0', '11', '1', '60', '0'], ['0', '11', '2', '50', '12'], ['0', '11', '3', '7', '0'],
      ['1', '13', '0', '1000', '0'], ['1', '13', '1', '60', '0'], ['1', '13', '2', '9', '0'], ['1', '13', '3', '7', '0'],
    ]);
  });

  it('defuses formulas and quotes names as RFC 4180 asks', () => {
    const trace = traceOf(restoreScenario({ format: 'yuma-trace/1', n: 3, alpha_stake: [1, 1, 1], steps: [{ op: 'epoch', rao_emission: 1 }] }));
    const lines = resultsCsv(trace, replayTrace(trace, engine), ['=HYPERLINK("x")', 'a,b', 'two\nlines']).split('\r\n');
    expect(lines.slice(1, 4).map((line) => line.split(',')[3])).toEqual(['"\'=HYPERLINK(""x"")"', '"a', '"two\nlines"']);
    expect(lines[2]).toContain(',"a,b",');
  });
});

describe(csvCell, () => {
  it.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['say "hi"', '"say ""hi"""'],
    ['a,b', '"a,b"'],
    ['', ''],
  ])('writes %j as %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes numbers, bigints and booleans as they are', () => {
    expect([csvCell(0), csvCell(18446744073709551615n), csvCell(true)]).toEqual(['0', '18446744073709551615', 'true']);
  });
});
