// Mutation fuzz of parseTrace: thousands of random edits of a valid trace (bytes, text and JSON values) must each end
// in a Trace or a one-line TraceError `PATH: fault`, within 1 s. Seeded, so a failure replays identically.
import { describe, expect, it } from 'vitest';
import { TraceError, parseTraceBytes } from '../../src/model/trace.ts';
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

const SEEDS = 4000;
const LINE = /^(\$|[A-Za-z_$][^\n\r]*?): [^\n\r]+$/;
const base = new TextEncoder().encode(JSON.stringify(validTraceDoc(), null, 1));
const SPICE = [0, 0x22, 0x5b, 0x5d, 0x7b, 0x7d, 0x2c, 0x3a, 0x2d, 0x2e, 0x65, 0x30, 0x39, 0x5c, 0x80, 0xc3, 0xed, 0xf4, 0xff, 0x0a];
const ODD_VALUES: unknown[] = [-1, 0.5, 65536, 2 ** 53, -(2 ** 31), 4097, 4096, '', '12', '18446744073709551616', 'x', null, true, [], {}, [[0, 1]], [1, 2, 3], { op: 'epoch' }];

/** One random edit of the bytes: flip, insert, delete, truncate or duplicate a slice. */
function mutateBytes(b: Uint8Array, r: () => number): Uint8Array {
  const at = Math.floor(r() * b.length);
  const pick = () => (r() < 0.7 ? SPICE[Math.floor(r() * SPICE.length)] : Math.floor(r() * 256));
  switch (Math.floor(r() * 5)) {
    case 0: return b.map((x, i) => (i === at ? pick() : x));
    case 1: return new Uint8Array([...b.subarray(0, at), pick(), ...b.subarray(at)]);
    case 2: return new Uint8Array([...b.subarray(0, at), ...b.subarray(at + 1 + Math.floor(r() * 8))]);
    case 3: return b.subarray(0, at);
    default: return new Uint8Array([...b.subarray(0, at), ...b.subarray(Math.floor(r() * b.length)).subarray(0, 40), ...b.subarray(at)]);
  }
}

/** One random edit of the JSON value tree: replace, delete or duplicate a value somewhere. */
function mutateValue(doc: any, r: () => number): any {
  const containers: any[] = [];
  const walk = (v: any) => {
    if (v !== null && typeof v === 'object') {
      containers.push(v);
      for (const k of Object.keys(v)) walk(v[k]);
    }
  };
  walk(doc);
  const c = containers[Math.floor(r() * containers.length)];
  const keys = Object.keys(c);
  const key = keys[Math.floor(r() * keys.length)] ?? 'x';
  const choice = r();
  if (choice < 0.6) c[key] = structuredClone(ODD_VALUES[Math.floor(r() * ODD_VALUES.length)]);
  else if (choice < 0.8) Array.isArray(c) ? c.splice(Number(key), 1) : delete c[key];
  else if (typeof c[key] === 'number') c[key] += r() < 0.5 ? 1 : -1;
  else if (Array.isArray(c)) c.push(structuredClone(c[0]));
  return doc;
}

function parseOutcome(bytes: Uint8Array): 'ok' | string {
  const started = performance.now();
  try {
    parseTraceBytes(bytes);
    return 'ok';
  } catch (e) {
    if (!(e instanceof TraceError)) return `not a TraceError: ${String(e)}`;
    if (!LINE.test(e.message)) return `not one "PATH: fault" line: ${JSON.stringify(e.message)}`;
    return 'rejected';
  } finally {
    const ms = performance.now() - started;
    if (ms > 1000) throw new Error(`parse took ${ms.toFixed(0)} ms`);
  }
}

describe(parseTraceBytes, () => {
  it(`survives ${SEEDS} byte-level mutations of a valid trace`, () => {
    const outcomes = new Map<string, number>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = rng(seed);
      let bytes: Uint8Array = base;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) bytes = mutateBytes(bytes, r);
      const outcome = parseOutcome(bytes);
      expect(outcome.startsWith('not'), `seed ${seed}: ${outcome}`).toBe(false);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(outcomes.get('rejected')).toBeGreaterThan(SEEDS / 2);
  });

  it(`survives ${SEEDS} value-level mutations of a valid trace`, () => {
    const outcomes = new Map<string, number>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = rng(seed);
      let doc = validTraceDoc();
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) doc = mutateValue(doc, r);
      const outcome = parseOutcome(new TextEncoder().encode(JSON.stringify(doc)));
      expect(outcome.startsWith('not'), `seed ${seed}: ${outcome}`).toBe(false);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // Both branches are exercised: some edits only touch ignored keys or stay in range.
    expect(outcomes.get('rejected')).toBeGreaterThan(SEEDS / 4);
    expect(outcomes.get('ok')).toBeGreaterThan(0);
  });
});
