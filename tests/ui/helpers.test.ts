// Pure helpers behind the views: metagraph rows and sorting, quick fills, series, consensus curve, heat cells, shortcuts.
import { describe, expect, it } from 'vitest';
import { metagraphRows, rowText, sortRows, startSummary } from '../../src/ui/metagraph.ts';
import { copyFill, oneHotFill, randomFill, uniformFill, withCell } from '../../src/ui/fills.ts';
import { bondSeries, seriesFor } from '../../src/ui/series.ts';
import { consensusCurve } from '../../src/ui/consensus-curve.ts';
import { heatCells } from '../../src/ui/heat.ts';
import { actionFor } from '../../src/ui/shortcuts.ts';
import { packCsr, type EpochSummary } from '../../src/engine/session-pack.ts';
import type { NeuronMeta } from '../../src/engine/session-doc.ts';

const meta: NeuronMeta[] = [
  { name: 'A', role: 'validator' },
  { name: 'B', role: 'validator' },
  { name: 'M2', role: 'miner' },
  { name: 'M3', role: 'miner' },
];

function summary(epoch: number, dividends: number[], incentive: number[]): EpochSummary {
  const s = startSummary({
    block: BigInt(epoch * 10), hyperparameters: {} as never, ownerUid: null,
    alphaStake: BigUint64Array.from([3n, 1n, 0n, 0n]), taoStake: new BigUint64Array(4), lastUpdate: BigUint64Array.from([5n, 5n, 0n, 0n]),
    blockAtRegistration: new BigUint64Array(4), validatorPermit: Uint8Array.from([1, 1, 0, 0]), weights: packCsr([[], [], [], []]),
  });
  return { ...s, epoch, id: epoch, dividends: Uint16Array.from(dividends), incentive: Uint16Array.from(incentive), bonds: packCsr([[[2, 100], [3, 200]], [[3, 300]], [], []]) };
}

describe(sortRows, () => {
  it('sorts by a numeric column either way, ties in uid order', () => {
    const rows = metagraphRows(summary(1, [60000, 5535, 0, 0], [0, 0, 40000, 25535]), meta);
    expect(sortRows(rows, 'dividends', 'descending').map((r) => r.uid)).toEqual([0, 1, 2, 3]);
    expect(sortRows(rows, 'incentive', 'descending').map((r) => r.uid)).toEqual([2, 3, 0, 1]);
    expect(sortRows(rows, 'name', 'ascending').map((r) => r.uid)).toEqual([0, 1, 2, 3]);
    expect(rows[1].dividendsLow).toBe(true); // 25 % of the stake, 8 % of the dividends
    expect(rowText(rows[0], summary(1, [60000, 5535, 0, 0], [0, 0, 0, 0]), true).dividends).toBe('–');
  });
});

describe(uniformFill, () => {
  it('builds set_weights submissions for one row', () => {
    expect(uniformFill([2, 3])).toEqual({ uids: [2, 3], values: [65535, 65535] });
    expect(oneHotFill([2, 3], 3)).toEqual({ uids: [2, 3], values: [0, 65535] });
    expect(randomFill([2, 3], 7)).toEqual(randomFill([2, 3], 7));
    expect(randomFill([2, 3], 7)).not.toEqual(randomFill([2, 3], 8));
    expect(copyFill([[0, 5], [2, 9]], 0)).toEqual({ uids: [2], values: [9] });
    expect(withCell([[2, 1]], 3, 4)).toEqual({ uids: [2, 3], values: [1, 4] });
  });
});

describe(seriesFor, () => {
  it('draws the role’s uids ranked at the cursor epoch, values as proportions', () => {
    const h = [summary(1, [65535, 0, 0, 0], [0, 0, 1, 0]), summary(2, [0, 65535, 0, 0], [0, 0, 0, 65535])];
    const set = seriesFor(h, meta, 'validator', 'dividends', 2, 1);
    expect(set).toEqual({ epochs: [1, 2], series: [{ uid: 1, name: 'B', values: [0, 1] }], hidden: 1 });
    expect(bondSeries(h, meta, 0, [2, 3]).series.map((s) => s.values)).toEqual([[100 / 65535, 100 / 65535], [200 / 65535, 200 / 65535]]);
  });
});

describe(consensusCurve, () => {
  it('sorts participants by weight (highest first) with cumulative active stake', () => {
    const one = 1n << 32n;
    const weights = { offsets: Uint32Array.from([0, 1, 2, 2]), cols: Uint16Array.from([2, 2]), raw: BigInt64Array.from([one / 4n, one]) };
    const points = consensusCurve(weights, BigInt64Array.from([one / 4n, (3n * one) / 4n, 0n]), 2);
    expect(points.map((p) => p.uid)).toEqual([1, 0]);
    expect(points.map((p) => p.cumulative)).toEqual([0.75, 1]);
  });
});

describe(heatCells, () => {
  it('gives row shares or u16 proportions for the visible slice only', () => {
    const m = packCsr([[[2, 1], [3, 3]], [[3, 65535]], [], []]);
    expect(heatCells(m, [0], [2, 3], true)).toEqual([[0, 0, 0.25], [1, 0, 0.75]]);
    expect(heatCells(m, [1], [3], false)).toEqual([[0, 0, 1]]);
  });
});

describe(actionFor, () => {
  const key = (k: string, tagName = 'BODY', role: string | null = null) =>
    actionFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: { tagName, getAttribute: () => role } });
  it('maps keys to actions, leaving fields, buttons and tabs their own keys', () => {
    expect(key(' ')).toBe('togglePlay');
    expect(key('ArrowRight')).toBe('step');
    expect(key('ArrowLeft')).toBe('back');
    expect(key('z')).toBe('undo');
    expect(key('Z')).toBe('redo');
    expect(key('?')).toBe('help');
    expect(key(' ', 'BUTTON')).toBeNull();
    expect(key('z', 'INPUT')).toBeNull();
    expect(key('ArrowRight', 'BUTTON', 'tab')).toBeNull();
    expect(actionFor({ key: 'z', ctrlKey: true, metaKey: false, altKey: false, target: null })).toBeNull();
  });
});
