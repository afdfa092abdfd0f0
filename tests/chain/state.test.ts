// stateHash, snapshot and restore: deterministic identity of a state, deep copies, and the same run
// twice giving the same bits.
import { describe, expect, it } from 'vitest';
import { stepBlock } from '../../src/chain/block.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { CHAIN_PRESETS } from '../../src/chain/presets/index.ts';
import { runScenario } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { restore, snapshot } from '../../src/chain/snapshot.ts';
import { chainOf, engines, smallDoc } from './helpers.ts';

const eng = await engines();

describe(stateHash, () => {
  it('is 16 hex digits, equal for equal data whatever the key order, and tells bigint from number', () => {
    expect(stateHash({ a: 1n, b: [1, 'x'] })).toMatch(/^[0-9a-f]{16}$/);
    expect(stateHash({ a: 1n, b: [1, 'x'] })).toBe(stateHash({ b: [1, 'x'], a: 1n }));
    expect(stateHash({ a: 1n })).not.toBe(stateHash({ a: 1 }));
    expect(stateHash(['ab', 'c'])).not.toBe(stateHash(['a', 'bc']));
  });

  it('is FNV-1a 64 of the canonical text (checked against a BigInt reference)', () => {
    // FNV-1a 64: h = 0xcbf29ce484222325; for each byte: h = (h ^ byte) · 0x100000001b3 mod 2^64.
    const fnv = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (const c of Buffer.from(text, 'latin1')) h = ((h ^ BigInt(c)) * 0x100000001b3n) & ((1n << 64n) - 1n);
      return h.toString(16).padStart(16, '0');
    };
    expect(stateHash('')).toBe(fnv('s0:'));
    expect(stateHash({ b: 2n, a: [true, null] })).toBe(fnv('{2:s1:a[2:tz]s1:bn2;}'));
  });

  it('gives the same final hash when a preset runs twice', () => {
    const scenario = parseScenario(JSON.stringify(CHAIN_PRESETS['burn-uid-penalty'].doc));
    expect(stateHash(runScenario(scenario, eng))).toBe(stateHash(runScenario(scenario, eng)));
  });
});

describe(snapshot, () => {
  it('copies deeply: stepping the live state leaves the snapshot and its hash untouched', () => {
    const state = chainOf(smallDoc());
    const saved = snapshot(state);
    const hash = stateHash(saved);
    for (let k = 0; k < 5; k++) stepBlock(state, eng);
    expect(stateHash(saved)).toBe(hash);
    expect(stateHash(state)).not.toBe(hash);
  });

  it('restores a state that continues exactly like the original (time travel)', () => {
    const a = chainOf(smallDoc({ hyperparameters: { commit_reveal_weights_enabled: false, tempo: 10 } }));
    for (let k = 0; k < 7; k++) stepBlock(a, eng);
    const b = restore(snapshot(a));
    for (let k = 0; k < 20; k++) {
      stepBlock(a, eng);
      stepBlock(b, eng);
    }
    expect(stateHash(b)).toBe(stateHash(a));
  });
});
