// A ChainState as a compact snapshot for IndexedDB: neurons, hotkeys, balances and stake pools stored column by column
// (chain-columns.ts). Cloning a packed benchmark state (8 × 256 uids, dense weights) costs a few ms instead of ~250 ms,
// which is what makes a snapshot every K blocks affordable. Exact: unpackState(packState(s)) deep-equals s, and every
// record keeps its key order. Pure; no DOM, no store.
import type { ChainState, StakePool, SubnetState } from '../chain/state.ts';
import { packColumn, packRecord, packTable, unpackRecord, unpackTable, columnAt, type Column, type PackedRecord, type Table } from './chain-columns.ts';

export const SNAPSHOT_FORMAT = 'yuma-chain-snapshot/1';

/** Objects as a table when they share their keys, else as they are. */
type Rows = { t: 'table'; v: Table } | { t: 'raw'; v: object[] };

/** Pools in insertion order; pool k owns coldkeys/shares[offset_k .. offset_k + counts[k]). */
interface PackedPools {
  hotkeys: string[];
  total: Column;
  totalShares: Column;
  counts: Uint32Array;
  coldkeys: string[];
  shares: Column;
}

type SubnetRest = Omit<SubnetState, 'neurons' | 'pools' | 'uids' | 'rootClaimable'>;
interface PackedSubnet {
  rest: SubnetRest;
  neurons: Rows;
  pools: PackedPools;
  uids: PackedRecord;
  rootClaimable: PackedRecord;
}

type StateRest = Omit<ChainState, 'subnets' | 'root' | 'hotkeys' | 'balances'>;
export interface PackedChainState {
  format: typeof SNAPSHOT_FORMAT;
  rest: StateRest;
  root: { rest: Omit<ChainState['root'], 'pools'>; pools: PackedPools };
  hotkeys: { keys: string[]; rows: Rows };
  balances: PackedRecord;
  subnets: PackedSubnet[];
}

function packRows(rows: object[]): Rows {
  const table = packTable(rows);
  return table ? { t: 'table', v: table } : { t: 'raw', v: structuredClone(rows) };
}

const unpackRows = <T>(r: Rows): T[] => (r.t === 'table' ? unpackTable<T>(r.v) : (structuredClone(r.v) as T[]));

function packPools(pools: Record<string, StakePool>): PackedPools {
  const hotkeys = Object.keys(pools);
  const coldkeys: string[] = [];
  const shares: bigint[] = [];
  const counts = new Uint32Array(hotkeys.length);
  hotkeys.forEach((hk, k) => {
    const s = pools[hk].shares;
    for (const ck of Object.keys(s)) {
      coldkeys.push(ck);
      shares.push(s[ck]);
      counts[k]++;
    }
  });
  return {
    hotkeys, counts, coldkeys, shares: packColumn(shares),
    total: packColumn(hotkeys.map((hk) => pools[hk].total)), totalShares: packColumn(hotkeys.map((hk) => pools[hk].totalShares)),
  };
}

function unpackPools(p: PackedPools): Record<string, StakePool> {
  const pools: Record<string, StakePool> = {};
  let at = 0;
  for (let k = 0; k < p.hotkeys.length; k++) {
    const shares: Record<string, bigint> = {};
    for (let m = 0; m < p.counts[k]; m++, at++) shares[p.coldkeys[at]] = columnAt(p.shares, at) as bigint;
    pools[p.hotkeys[k]] = { total: columnAt(p.total, k) as bigint, totalShares: columnAt(p.totalShares, k) as bigint, shares };
  }
  return pools;
}

/** The snapshot of `state`; shares nothing with it. */
export function packState(state: ChainState): PackedChainState {
  const { subnets, root, hotkeys, balances, ...rest } = state;
  const { pools: rootPools, ...rootRest } = root;
  const hotkeyNames = Object.keys(hotkeys);
  return {
    format: SNAPSHOT_FORMAT,
    rest: structuredClone(rest),
    root: { rest: { ...rootRest }, pools: packPools(rootPools) },
    hotkeys: { keys: hotkeyNames, rows: packRows(hotkeyNames.map((hk) => hotkeys[hk])) },
    balances: packRecord(balances),
    subnets: subnets.map(({ neurons, pools, uids, rootClaimable, ...s }) => ({
      rest: structuredClone(s), neurons: packRows(neurons), pools: packPools(pools), uids: packRecord(uids), rootClaimable: packRecord(rootClaimable),
    })),
  };
}

/** A live state from a snapshot; the snapshot stays untouched and reusable. */
export function unpackState(p: PackedChainState): ChainState {
  const hotkeyRows = unpackRows<ChainState['hotkeys'][string]>(p.hotkeys.rows);
  return {
    ...structuredClone(p.rest),
    root: { ...p.root.rest, pools: unpackPools(p.root.pools) },
    hotkeys: Object.fromEntries(p.hotkeys.keys.map((hk, i) => [hk, hotkeyRows[i]])),
    balances: unpackRecord<bigint>(p.balances),
    subnets: p.subnets.map((s) => ({
      ...structuredClone(s.rest), neurons: unpackRows(s.neurons), pools: unpackPools(s.pools), uids: unpackRecord<number>(s.uids), rootClaimable: unpackRecord<bigint>(s.rootClaimable),
    })),
  };
}

/** Whether a stored value looks like a snapshot this code wrote (the persist layer's schema check). */
export function isPackedState(v: unknown): v is PackedChainState {
  const p = v as PackedChainState | null;
  return typeof p === 'object' && p !== null && p.format === SNAPSHOT_FORMAT && typeof p.rest?.block === 'bigint' && Array.isArray(p.subnets);
}
