// Packed snapshots (src/engine/chain-pack.ts): every preset, stepped past its first epochs, packs and unpacks to a
// deep-equal state with the same hash and key order, through a structured clone as IndexedDB makes one.
import { describe, expect, it } from 'vitest';
import { packColumn, packTable, unpackTable, columnAt } from '../../src/engine/chain-columns.ts';
import { isPackedState, packState, unpackState } from '../../src/engine/chain-pack.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { loadChainEnginesNode } from '../../src/chain/node-math.ts';
import { CHAIN_PRESETS, type ChainPresetId } from '../../src/chain/presets/index.ts';
import { runScenario } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import type { ChainState } from '../../src/chain/state.ts';

const engines = await loadChainEnginesNode();

/** Every object's keys, in order, as paths: a round trip must keep insertion order (the chain iterates records). */
function keyOrder(v: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x, i) => keyOrder(x, `${path}[${i}]`, out));
  else if (typeof v === 'object' && v !== null) {
    out.push(`${path}: ${Object.keys(v).join(',')}`);
    for (const [k, x] of Object.entries(v)) keyOrder(x, `${path}.${k}`, out);
  }
  return out;
}

const sortedKeys = (lines: string[]) => lines.map((l) => l.replace(/: (.*)$/, (_, k: string) => `: ${k.split(',').sort().join(',')}`)).sort();

describe(packState, () => {
  it.each(Object.keys(CHAIN_PRESETS) as ChainPresetId[])('round-trips %s exactly after 800 blocks', (id) => {
    const state: ChainState = runScenario(parseScenario(JSON.stringify(CHAIN_PRESETS[id].doc)), engines, { blocks: 800 });
    const packed = structuredClone(packState(state));
    expect(isPackedState(packed)).toBe(true);
    const back = unpackState(packed);
    expect(back).toEqual(state);
    expect(stateHash(back)).toBe(stateHash(state));
    // Every object has the same keys; records (balances, hotkeys, uids, pools and their shares) keep their insertion order.
    expect(sortedKeys(keyOrder(back))).toEqual(sortedKeys(keyOrder(state)));
    expect([Object.keys(back.balances), Object.keys(back.hotkeys)]).toEqual([Object.keys(state.balances), Object.keys(state.hotkeys)]);
    back.subnets.forEach((s, i) => expect([Object.keys(s.uids), Object.keys(s.rootClaimable)]).toEqual([Object.keys(state.subnets[i].uids), Object.keys(state.subnets[i].rootClaimable)]));
    for (const [k, pools] of [['root', state.root.pools], ...state.subnets.map((s, i) => [`sn${i}`, s.pools] as const)] as const) {
      const again = k === 'root' ? back.root.pools : back.subnets[Number(k.slice(2))].pools;
      expect(Object.keys(again)).toEqual(Object.keys(pools));
      for (const hk of Object.keys(pools)) expect(Object.keys(again[hk].shares)).toEqual(Object.keys(pools[hk].shares));
    }
    expect(unpackState(packed)).toEqual(state); // the snapshot stays reusable
  });

  it('shares nothing with the live state', () => {
    const state = runScenario(parseScenario(JSON.stringify(CHAIN_PRESETS['pre-halving'].doc)), engines, { blocks: 400 });
    const packed = packState(state);
    const before = stateHash(unpackState(packed));
    state.subnets[0].neurons[1].weights[0][1] = 7;
    state.balances.someone = 5n;
    state.subnets[0].pools['sn1-v1'].total += 1n;
    expect(stateHash(unpackState(packed))).toBe(before);
  });
});

describe(packColumn, () => {
  it('keeps values that do not fit a typed array as they are', () => {
    const cases: unknown[][] = [[1n, -1n], [1n, 1n << 64n], [1, 'x'], [true, 0], [[[1, 70000]]], [[[1, 2, 3]]], [null, 1], []];
    for (const values of cases) {
      const c = packColumn(values);
      expect(c.t).toBe('any');
      expect(values.map((_, i) => columnAt(c, i))).toEqual(values);
    }
    expect(packColumn([0n, (1n << 64n) - 1n]).t).toBe('u64');
    expect(packColumn([-0, 1.5, NaN]).t).toBe('f64');
    expect(packColumn([[], [[0, 65535]]]).t).toBe('rows');
  });

  it('packs a table only when every row has the same keys in the same order', () => {
    expect(packTable([{ a: 1, b: 2 }, { b: 2, a: 1 }])).toBeNull();
    expect(packTable([{ a: 1 }, { a: 1, b: 2 }])).toBeNull();
    const t = packTable([{ a: 1n, b: 'x' }, { a: 2n, b: 'y' }])!;
    expect(unpackTable(t)).toEqual([{ a: 1n, b: 'x' }, { a: 2n, b: 'y' }]);
  });
});
