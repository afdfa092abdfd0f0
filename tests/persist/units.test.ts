// The small parts: the sorted block table and merge, the debouncer, fault plumbing and classification, block keys.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Debouncer } from '../../src/persist/debounce.ts';
import { FaultHub, isConnectionLost, isQuotaError, makeFault } from '../../src/persist/fault.ts';
import { toStoredBlock } from '../../src/persist/records.ts';
import { BlockTable, mergeSorted } from '../../src/persist/tables.ts';

interface Row {
  block: bigint;
  seq: number;
  tag: string;
}
const row = (block: number, seq: number, tag = ''): Row => ({ block: BigInt(block), seq, tag });
const keys = (rows: readonly Row[]) => rows.map((r) => `${r.block}.${r.seq}${r.tag}`);

describe(BlockTable, () => {
  const table = () => {
    const t = new BlockTable<Row>((r) => r.seq);
    for (const r of [row(5, 1), row(1, 0), row(5, 0), row(9, 0), row(5, 1, '!')]) t.put(r);
    return t;
  };

  it('keeps rows sorted by (block, seq) and replaces a row with the same key', () => {
    expect(keys(table().all())).toEqual(['1.0', '5.0', '5.1!', '9.0']);
  });

  it('returns inclusive block ranges and nothing for an empty or reversed range', () => {
    expect(keys(table().between(5n, 9n))).toEqual(['5.0', '5.1!', '9.0']);
    expect(keys(table().between(2n, 4n))).toEqual([]);
    expect(keys(table().between(9n, 1n))).toEqual([]);
  });

  it('finds the last row at or before a block', () => {
    expect(table().lastAtOrBefore(5n)?.seq).toBe(1);
    expect(table().lastAtOrBefore(8n)?.block).toBe(5n);
    expect(table().lastAtOrBefore(0n)).toBeUndefined();
  });

  it('deletes rows after a block, keeping the block itself', () => {
    const t = table();
    t.deleteAfter(5n);
    expect(keys(t.all())).toEqual(['1.0', '5.0', '5.1!']);
  });

  it('deletes a row only while it is still the stored object', () => {
    const t = table();
    const stale = row(9, 0);
    t.deleteIfSame(stale);
    expect(t.size).toBe(4);
    t.deleteIfSame(t.all()[3]);
    expect(keys(t.all())).toEqual(['1.0', '5.0', '5.1!']);
  });
});

describe(mergeSorted, () => {
  it('merges two sorted lists, the newer entry winning on an equal key', () => {
    const merged = mergeSorted([row(1, 0, 'a'), row(3, 0, 'a'), row(7, 0, 'a')], [row(2, 0, 'b'), row(3, 0, 'b')], (r) => r.seq);
    expect(keys(merged)).toEqual(['1.0a', '2.0b', '3.0b', '7.0a']);
  });
});

describe(Debouncer, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once after pokes pause, and no later than the ceiling while they continue', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const d = new Debouncer(task, 100, 250);
    d.poke();
    vi.advanceTimersByTime(99);
    d.poke();
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    for (let t = 0; t < 300; t += 50) {
      d.poke();
      vi.advanceTimersByTime(50);
    }
    expect(task).toHaveBeenCalledTimes(2); // the stream of pokes was cut at 250 ms
  });

  it('drops a scheduled run on cancel', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const d = new Debouncer(task, 10, 10);
    d.poke();
    expect(d.scheduled).toBe(true);
    d.cancel();
    vi.advanceTimersByTime(100);
    expect(task).not.toHaveBeenCalled();
    expect(d.scheduled).toBe(false);
  });
});

describe(FaultHub, () => {
  it('delivers to every listener even if one throws, and stops after unsubscribe', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const hub = new FaultHub();
    const seen: string[] = [];
    hub.on(() => {
      throw new Error('listener bug');
    });
    const off = hub.on((f) => seen.push(f.kind));
    hub.emit(makeFault('quota'));
    off();
    hub.emit(makeFault('quota'));
    expect(seen).toEqual(['quota']);
  });

  it('emits a keyed fault once until re-armed', () => {
    const hub = new FaultHub();
    const seen: string[] = [];
    hub.on((f) => seen.push(f.kind));
    hub.emitOnce('q', makeFault('quota'));
    hub.emitOnce('q', makeFault('quota'));
    hub.rearm('q');
    hub.emitOnce('q', makeFault('quota'));
    expect(seen).toEqual(['quota', 'quota']);
  });
});

describe(isQuotaError, () => {
  it('recognises every spelling of a full disk and nothing else', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('legacy'), { code: 22 }))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('firefox'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toBe(true);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

describe(isConnectionLost, () => {
  it('treats a closed or dropped connection as lost, and a data error as not', () => {
    expect(isConnectionLost(new DOMException('closing', 'InvalidStateError'))).toBe(true);
    expect(isConnectionLost(new DOMException('Connection to Indexed Database server lost', 'UnknownError'))).toBe(true);
    expect(isConnectionLost(new DOMException('bad key', 'DataError'))).toBe(false);
  });
});

describe(toStoredBlock, () => {
  it('stores blocks 0 … 2^53−1 as numbers and refuses the rest', () => {
    expect(toStoredBlock(0n)).toBe(0);
    expect(toStoredBlock(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toStoredBlock(2n ** 53n)).toThrow(RangeError);
    expect(() => toStoredBlock(-1n)).toThrow(RangeError);
    expect(() => toStoredBlock(5 as unknown as bigint)).toThrow(RangeError);
  });
});
