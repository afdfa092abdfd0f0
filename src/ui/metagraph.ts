// The metagraph table's rows and sorting (TaoStats' columns for the simulated subnet at the timeline cursor).
// Pure: from the epoch summary and the labels to display rows; no DOM.
import type { EditorState, EpochSummary, NeuronMeta } from '../state/playground.svelte.ts';
import { alphaText, u16Text } from './format.ts';

export const METAGRAPH_COLUMNS = [
  { key: 'uid', label: 'UID', numeric: true },
  { key: 'name', label: 'Name', numeric: false },
  { key: 'role', label: 'Role', numeric: false },
  { key: 'stake', label: 'Stake (α)', numeric: true },
  { key: 'validatorTrust', label: 'VTrust', numeric: true },
  { key: 'consensus', label: 'Consensus', numeric: true },
  { key: 'incentive', label: 'Incentive', numeric: true },
  { key: 'dividends', label: 'Dividends', numeric: true },
  { key: 'emission', label: 'Emission (α)', numeric: true },
  { key: 'updated', label: 'Updated', numeric: true },
  { key: 'active', label: 'Active', numeric: false },
  { key: 'permit', label: 'Permit', numeric: false },
] as const;

export type MetagraphKey = (typeof METAGRAPH_COLUMNS)[number]['key'];

export interface MetagraphRow {
  uid: number;
  sort: Record<MetagraphKey, number | string>;
  /** Raw stored u16 for the u16 columns (shown as a second line). */
  u16: Partial<Record<MetagraphKey, number>>;
  /** Dividend share below stake share: the TaoStats red flag. */
  dividendsLow: boolean;
}

export function metagraphRows(s: EpochSummary, meta: readonly NeuronMeta[]): MetagraphRow[] {
  const n = s.consensus.length;
  let totalStake = 0n;
  for (const v of s.alphaStake) totalStake += v;
  return Array.from({ length: n }, (_, uid) => {
    const stake = s.alphaStake[uid];
    const updated = s.block - s.lastUpdate[uid];
    const stakeShare = totalStake > 0n ? Number((stake * 1_000_000n) / totalStake) / 1e6 : 0;
    const role = meta[uid]?.role ?? 'miner';
    const u16 = { validatorTrust: s.validatorTrust[uid], consensus: s.consensus[uid], incentive: s.incentive[uid], dividends: s.dividends[uid] };
    return {
      uid,
      sort: {
        uid, name: meta[uid]?.name ?? '', role, stake: Number(stake), ...u16,
        emission: Number(s.emission[uid]), updated: Number(updated), active: s.active[uid], permit: s.newPermit[uid],
      },
      u16,
      dividendsLow: role === 'validator' && stakeShare > 0 && s.dividends[uid] / 65535 < stakeShare * 0.9,
    };
  });
}

/** The starting state as a summary with no outputs yet (all zero), so the table can list the uids before any epoch. */
export function startSummary(e: EditorState): EpochSummary {
  const n = e.alphaStake.length;
  const u16 = () => new Uint16Array(n);
  const u64 = () => new BigUint64Array(n);
  return {
    id: 0, epoch: 0, block: e.block, raoEmission: 0n, alphaStake: e.alphaStake, taoStake: e.taoStake, lastUpdate: e.lastUpdate,
    blockAtRegistration: e.blockAtRegistration, permitUsed: e.validatorPermit, consensus: u16(), incentive: u16(), dividends: u16(),
    validatorTrust: u16(), stakeWeight: u16(), emission: u64(), serverEmission: u64(), validatorEmission: u64(), active: new Uint8Array(n).fill(1),
    newPermit: e.validatorPermit, rank: u16(), trust: u16(), pruningScore: u16(), bonds: { offsets: new Uint32Array(n + 1), cols: new Uint16Array(0), values: new Uint16Array(0) },
  };
}

const PENDING: MetagraphKey[] = ['validatorTrust', 'consensus', 'incentive', 'dividends', 'emission', 'active'];

/** The display text of a row's cells (computed only for the rows on screen); `pending`: no epoch yet, outputs show '–'. */
export function rowText(row: MetagraphRow, s: EpochSummary, pending = false): Record<MetagraphKey, string> {
  const uid = row.uid;
  const k = row.sort;
  const text: Record<MetagraphKey, string> = {
    uid: String(uid), name: String(k.name), role: String(k.role), stake: alphaText(s.alphaStake[uid], 2),
    validatorTrust: u16Text(s.validatorTrust[uid]), consensus: u16Text(s.consensus[uid]), incentive: u16Text(s.incentive[uid]), dividends: u16Text(s.dividends[uid]),
    emission: alphaText(s.emission[uid], 4), updated: String(k.updated), active: s.active[uid] ? 'yes' : 'no', permit: s.newPermit[uid] ? 'yes' : 'no',
  };
  if (pending) for (const key of PENDING) text[key] = '–';
  return text;
}

/** Sorted copy; ties keep uid order. */
export function sortRows(rows: readonly MetagraphRow[], key: MetagraphKey, dir: 'ascending' | 'descending'): MetagraphRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.sort[key], y = b.sort[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : a.uid - b.uid;
  });
}
