// Hostile input to decodeShare and importScenarioFile: thousands of mutated and random links and files (subnets and
// whole chains), bombs, deep nesting, huge arrays, NaN/Infinity, prototype keys. Each must end in a Scenario or a
// one-line ShareError/TraceError within 1 s. Seeded, so a failure replays identically; FUZZ_STATS=1 prints the counts
// and the slowest case.
import { deflateSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { importScenarioFile } from '../../src/model/export.ts';
import { restoreScenario, serializeScenario } from '../../src/model/scenario.ts';
import { ShareError, decodeShare, encodeShare } from '../../src/model/share.ts';
import { encodeBase64Url } from '../../src/model/share-base64.ts';
import { crc32 } from '../../src/model/share-crc32.ts';
import { pack } from '../../src/model/share-pack.ts';
import { TraceError } from '../../src/model/trace.ts';
import { validChainDoc } from './chain-fixture.ts';
import { validTraceDoc } from './trace-fixture.ts';

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const TRACE_LINE = /^(\S+: )?(\$|[A-Za-z_$][^\n\r]*?): [^\n\r]+$/;
const stats = { cases: 0, opened: 0, rejected: new Map<string, number>(), maxMs: 0, slowest: '' };
afterAll(() => {
  if (process.env.FUZZ_STATS) console.info(JSON.stringify({ ...stats, rejected: Object.fromEntries(stats.rejected) }));
});

/**
 * Runs one input; returns '' when it opened or was rejected cleanly, else what went wrong. The 1 s budget is wall
 * time, which other processes on a loaded machine can inflate: an input over budget is timed once more and judged
 * by its faster run, so a real hang (or a slow path) still fails and a busy neighbour does not.
 */
function outcome(label: string, run: () => unknown): string {
  const problem = attempt(label, run);
  if (!problem.startsWith('took ')) return problem;
  return attempt(label, run);
}

function attempt(label: string, run: () => unknown): string {
  const started = performance.now();
  let problem = '';
  try {
    run();
    stats.opened++;
  } catch (e) {
    const key = e instanceof ShareError ? e.reason : e instanceof TraceError ? 'TraceError' : 'other';
    stats.rejected.set(key, (stats.rejected.get(key) ?? 0) + 1);
    if (e instanceof ShareError) {
      if (!/^This [^\n\r]+$/.test(e.message)) problem = `unclear ShareError: ${JSON.stringify(e.message)}`;
    } else if (e instanceof TraceError) {
      if (!TRACE_LINE.test(e.message)) problem = `not one "PATH: fault" line: ${JSON.stringify(e.message)}`;
    } else problem = `threw ${String(e)}`;
  }
  const ms = performance.now() - started;
  stats.cases++;
  if (ms > stats.maxMs) Object.assign(stats, { maxMs: Math.round(ms), slowest: label });
  return problem || (ms > 1000 ? `took ${ms.toFixed(0)} ms` : '');
}

/** A v1 hash around arbitrary packed bytes with a valid checksum: reaches the layers behind it. */
function hashAround(packed: Uint8Array): string {
  const payload = new Uint8Array([0, 0, 0, 0, ...deflateSync(packed)]);
  new DataView(payload.buffer).setUint32(0, crc32(packed));
  return `#v1/${encodeBase64Url(payload)}`;
}

const encoder = new TextEncoder();
const validHash = (encodeShare(restoreScenario(validTraceDoc())) as { hash: string }).hash;
const validPacked = pack(JSON.parse(serializeScenario(restoreScenario(validTraceDoc()))));
const chainHash = (encodeShare(restoreScenario(validChainDoc())) as { hash: string }).hash;
const chainPacked = pack(JSON.parse(serializeScenario(restoreScenario(validChainDoc()))));
const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)];

function mutateText(s: string, r: () => number): string {
  const at = 4 + Math.floor(r() * (s.length - 4));
  switch (Math.floor(r() * 4)) {
    case 0: return s.slice(0, at) + pick(r, B64) + s.slice(at + 1);
    case 1: return s.slice(0, at) + pick(r, [...B64, '=', '%', ' ', '#', '/', 'é', '\n']) + s.slice(at);
    case 2: return s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 4));
    default: return s.slice(0, at);
  }
}

function mutateBytes(b: Uint8Array, r: () => number): Uint8Array {
  const at = Math.floor(r() * b.length);
  const value = r() < 0.5 ? pick(r, [0, 1, 0x22, 0x30, 0x31, 0x5b, 0x5d, 0x7b, 0x7d, 0x2c, 0x80, 0xff]) : Math.floor(r() * 256);
  switch (Math.floor(r() * 4)) {
    case 0: return b.map((x, i) => (i === at ? value : x));
    case 1: return new Uint8Array([...b.subarray(0, at), value, ...b.subarray(at)]);
    case 2: return new Uint8Array([...b.subarray(0, at), ...b.subarray(at + 1 + Math.floor(r() * 4))]);
    default: return b.subarray(0, at);
  }
}

const ODD_VALUES: unknown[] = ['NaN', 'Infinity', '-Infinity', '1e400', -1, 0.5, 2 ** 53, '18446744073709551616', null, [], {}, '__proto__', { __proto__: { polluted: 1 } }];

/** A valid document (`base`) with one value replaced, deleted or a key like __proto__ added, somewhere. */
function mutateDoc(r: () => number, base: () => Record<string, unknown> = validTraceDoc): Record<string, unknown> {
  const doc = base();
  const containers: any[] = [];
  const walk = (v: any) => {
    if (v !== null && typeof v === 'object') {
      containers.push(v);
      for (const k of Object.keys(v)) walk(v[k]);
    }
  };
  walk(doc);
  const c = pick(r, containers);
  const key = pick(r, Object.keys(c).length > 0 ? Object.keys(c) : ['x']);
  const choice = r();
  if (choice < 0.6) c[key] = structuredClone(pick(r, ODD_VALUES));
  else if (choice < 0.8) Array.isArray(c) ? c.splice(Number(key), 1) : delete c[key];
  else Object.defineProperty(c, pick(r, ['__proto__', 'constructor', 'prototype']), { value: { polluted: 1 }, enumerable: true, configurable: true, writable: true });
  return doc;
}

function expectClean(problems: string[]) {
  expect(problems.filter(Boolean)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe(decodeShare, () => {
  it('survives 3000 character edits and truncations of a valid link', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 3000; seed++) {
      const r = rng(seed);
      let hash = validHash;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) hash = mutateText(hash, r);
      problems.push(outcome(`edit ${seed}`, () => decodeShare(hash)));
    }
    expectClean(problems);
  });

  it('survives 2000 random base64url strings and random bytes behind a valid checksum', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const r = rng(10_000 + seed);
      const text = Array.from({ length: Math.floor(r() * 200) }, () => pick(r, B64)).join('');
      problems.push(outcome(`random text ${seed}`, () => decodeShare(`#v1/${text}`)));
      const bytes = Uint8Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * 256));
      problems.push(outcome(`random pack ${seed}`, () => decodeShare(hashAround(bytes))));
    }
    expectClean(problems);
  });

  it('survives 3000 byte edits of a packed scenario behind a valid checksum', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 3000; seed++) {
      const r = rng(20_000 + seed);
      let bytes = validPacked;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) bytes = mutateBytes(bytes, r);
      problems.push(outcome(`pack edit ${seed}`, () => decodeShare(hashAround(bytes))));
    }
    expectClean(problems);
  });

  it('survives 2000 documents with odd values, deletions and prototype keys', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 2000; seed++) {
      const doc = mutateDoc(rng(30_000 + seed));
      problems.push(outcome(`doc value ${seed}`, () => restoreScenario(doc)));
      let packed: Uint8Array;
      try {
        packed = pack(JSON.parse(JSON.stringify(doc)));
      } catch {
        continue; // a fraction or an unsafe integer: no link can hold it, restoreScenario above saw it
      }
      problems.push(outcome(`doc link ${seed}`, () => decodeShare(hashAround(packed))));
    }
    expectClean(problems);
  });

  it('rejects bombs, deep nesting and huge arrays within 1 s each', () => {
    const zeros = (count: number) => `[${'0,'.repeat(count - 1)}0]`;
    const dictionary = (count: number, value: number[]) => new Uint8Array([1, 0, ...value, ...new Array(count).fill(0)]);
    const packOf = (skeleton: string, streams: Uint8Array) => new Uint8Array([...encoder.encode(skeleton), 0, ...streams]);
    const bombs: [string, string, string][] = [
      ['zeros inflating to 16 MiB', hashAround(new Uint8Array(16 << 20)), 'too-large'],
      ['600k numbers of 16 digits each', hashAround(packOf(zeros(600_000), dictionary(600_000, [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1f]))), 'too-large'],
      ['an array of 600k zeros', hashAround(packOf(zeros(600_000), dictionary(600_000, [0]))), 'invalid'],
      ['nesting 300 levels deep', hashAround(packOf(`${'['.repeat(300)}${']'.repeat(300)}`, new Uint8Array())), 'damaged'],
      ['nesting 256 levels deep in a scenario', hashAround(packOf(`{"format":"yuma-trace/1","x":${'['.repeat(255)}${']'.repeat(255)}}`, new Uint8Array())), 'invalid'],
      ['60k steps', hashAround(pack({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: new Array(60_000).fill({ op: 'reset_bonds', uid: 0 }) })), 'opened'],
      ['60k steps, the last invalid', hashAround(pack({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: [...new Array(60_000).fill({ op: 'reset_bonds', uid: 0 }), {}] })), 'invalid'],
      ['a 2 MiB name', hashAround(encoder.encode(`{"format":"yuma-trace/1","name":"${'x'.repeat(2 << 20)}"}\0`)), 'too-large'],
      ['a 1.5 MiB name', hashAround(pack({ format: 'yuma-trace/1', name: 'x'.repeat(3 << 19), n: 1, alpha_stake: [1], steps: [] })), 'opened'],
      ['NaN and Infinity as u64 strings', hashAround(pack({ format: 'yuma-trace/1', n: 2, alpha_stake: ['NaN', 'Infinity'], steps: [] })), 'invalid'],
      ['prototype keys', hashAround(pack({ ['__proto__']: { format: 'yuma-trace/1', polluted: 1 }, constructor: { prototype: { polluted: 1 } } })), 'invalid'],
      ['a number in the skeleton', hashAround(encoder.encode('{"format":"yuma-trace/1","n":1}\0')), 'damaged'],
    ];
    const problems = bombs.map(([label, hash]) => outcome(label, () => decodeShare(hash)));
    expectClean(problems);
    const reasonOf = (hash: string) => {
      try {
        decodeShare(hash);
        return 'opened';
      } catch (e) {
        return (e as ShareError).reason;
      }
    };
    expect(bombs.map(([label, hash]) => [label, reasonOf(hash)])).toEqual(bombs.map(([label, , reason]) => [label, reason]));
  });
});

describe('decodeShare on whole chains (yuma-chain/1)', () => {
  it('survives 1500 character edits of a chain link and 1500 byte edits of its packed form', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 1500; seed++) {
      const r = rng(60_000 + seed);
      let hash = chainHash;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) hash = mutateText(hash, r);
      problems.push(outcome(`chain edit ${seed}`, () => decodeShare(hash)));
      let bytes = chainPacked;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) bytes = mutateBytes(bytes, r);
      problems.push(outcome(`chain pack edit ${seed}`, () => decodeShare(hashAround(bytes))));
    }
    expectClean(problems);
  });

  it('survives 1000 chain documents with odd values, deletions and prototype keys', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const doc = mutateDoc(rng(70_000 + seed), validChainDoc);
      problems.push(outcome(`chain doc value ${seed}`, () => restoreScenario(doc)));
      let packed: Uint8Array;
      try {
        packed = pack(JSON.parse(JSON.stringify(doc)));
      } catch {
        continue; // not a number a link can hold: restoreScenario above saw it
      }
      problems.push(outcome(`chain doc link ${seed}`, () => decodeShare(hashAround(packed))));
    }
    expectClean(problems);
  });

  it('rejects or opens huge chains within 1 s each, never anything else', () => {
    const action = { block: 1, op: 'set_root_claim_type', coldkey: 'a', claim_type: 'keep' };
    const subnet = (netuid: number) => ({ netuid, owner_coldkey: 'a', owner_hotkey: `h${netuid}`, tao_reserve: 1, alpha_in: 1 });
    const bombs: [string, string][] = [
      ['10k actions', hashAround(pack({ format: 'yuma-chain/1', actions: new Array(10_000).fill(action) }))],
      ['10k actions, the last invalid', hashAround(pack({ format: 'yuma-chain/1', actions: [...new Array(10_000).fill(action), { block: 1, op: 'fly' }] }))],
      ['60k actions', hashAround(pack({ format: 'yuma-chain/1', actions: new Array(60_000).fill(action) }))],
      ['20k subnets', hashAround(pack({ format: 'yuma-chain/1', subnets: Array.from({ length: 20_000 }, (_, i) => subnet(i + 1)) }))],
      ['a netuid past 65535', hashAround(pack({ format: 'yuma-chain/1', subnets: [subnet(70_000)] }))],
      ['nesting 256 levels deep in a chain', hashAround(encoder.encode(`{"format":"yuma-chain/1","x":${'['.repeat(255)}${']'.repeat(255)}}\0`))],
      ['prototype keys in balances', hashAround(pack({ format: 'yuma-chain/1', balances: JSON.parse('{"__proto__":{"polluted":1}}') }))],
    ];
    expectClean(bombs.map(([label, hash]) => outcome(label, () => decodeShare(hash))));
    expect(() => decodeShare(bombs[1][1])).toThrow(/^This link's scenario is not valid: actions\[10000\]\.op: unknown op "fly"$/);
  });
});

describe(importScenarioFile, () => {
  const file = encoder.encode(JSON.stringify(validTraceDoc(), null, 1));

  it('survives 3000 byte edits and 1000 random files', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 3000; seed++) {
      const r = rng(40_000 + seed);
      let bytes: Uint8Array = file;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) bytes = mutateBytes(bytes, r);
      problems.push(outcome(`file edit ${seed}`, () => importScenarioFile(bytes, 'edited.json')));
    }
    for (let seed = 1; seed <= 1000; seed++) {
      const r = rng(50_000 + seed);
      const bytes = Uint8Array.from({ length: Math.floor(r() * 500) }, () => Math.floor(r() * 256));
      problems.push(outcome(`random file ${seed}`, () => importScenarioFile(bytes, 'random.bin')));
    }
    expectClean(problems);
  });

  it('rejects huge, deep and odd files within 1 s each, naming the file', () => {
    const files: [string, Uint8Array, RegExp][] = [
      ['a file over 16 MiB', new Uint8Array((16 << 20) + 1), /^big\.json: \$: file is 16777217 bytes, over the 16 MiB a scenario file may have$/],
      ['3M zeros', encoder.encode(`{"format":"yuma-trace/1","n":1,"alpha_stake":[${'0,'.repeat(3_000_000)}0],"steps":[]}`), /^big\.json: alpha_stake: length 3000001, expected n = 1$/],
      ['nesting 100k deep', encoder.encode('['.repeat(100_000)), /^big\.json: \$: invalid JSON at line 1, column 257: nesting deeper than 256 levels$/],
      ['NaN', encoder.encode('{"format":"yuma-trace/1","n":NaN}'), /^big\.json: \$: invalid JSON at line 1, column 30: expected a value, found "N"$/],
      ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /^big\.json: \$: not valid UTF-8 \(byte 0x89 at offset 0\)$/],
    ];
    expectClean(files.map(([label, bytes]) => outcome(label, () => importScenarioFile(bytes, 'big.json'))));
    for (const [, bytes, message] of files) expect(() => importScenarioFile(bytes, 'big.json')).toThrow(message);
  });
});
