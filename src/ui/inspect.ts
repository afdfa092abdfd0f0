// Tables for the epoch inspector's vector stages, from one InspectView: which uids, which columns, which cells.
// Pure; raw I32F32 values shown exactly (rawText) next to the u16 the chain stores.
import type { CsrRaw, InspectView, NeuronMeta } from '../state/playground.svelte.ts';
import type { StageId } from '../copy/stages.ts';
import { alphaText, rawText, raoText } from './format.ts';

export interface StageTable {
  columns: string[];
  rows: { uid: number; cells: string[] }[];
}

/** Entry (i, j) of a packed sparse matrix, or null when the row has no entry for column j. */
export function rawGet(m: CsrRaw, i: number, j: number): bigint | null {
  for (let k = m.offsets[i]; k < m.offsets[i + 1]; k++) if (m.cols[k] === j) return m.raw[k];
  return null;
}

const yes = (b: number | boolean) => (b ? 'yes' : 'no');

/** The per-uid table of a vector stage; `null` for stages drawn otherwise (matrices, curves, bonds). */
export function stageTable(stage: StageId, x: InspectView, meta: readonly NeuronMeta[]): StageTable | null {
  const v = x.intermediates;
  const s = x.summary;
  const all = Array.from({ length: x.n }, (_, uid) => uid);
  const role = (r: string) => all.filter((uid) => meta[uid]?.role === r);
  const name = (uid: number) => meta[uid]?.name ?? '';
  const table = (uids: number[], columns: string[], cells: (uid: number) => string[]): StageTable => ({
    columns: ['UID', 'Name', ...columns],
    rows: uids.map((uid) => ({ uid, cells: [String(uid), name(uid), ...cells(uid)] })),
  });
  switch (stage) {
    case 'stake':
      return table(all, ['Alpha stake (α)', 'S (normalised)', 'StakeWeight (stored u16)'], (uid) => [alphaText(s.alphaStake[uid], 4), rawText(v.stake[uid]), String(s.stakeWeight[uid])]);
    case 'active':
      return table(all, ['Last update', 'Inactive', 'Permit (used)', 'New permit', 'A (active stake)'], (uid) => [
        String(s.lastUpdate[uid]), yes(v.inactive[uid]), yes(v.validatorPermit[uid]), yes(s.newPermit[uid]), rawText(v.activeStake[uid]),
      ]);
    case 'clip':
      return table(role('validator'), ['VT = Σ_j W̄_ij', 'stored u16'], (uid) => [rawText(v.validatorTrust[uid]), String(s.validatorTrust[uid])]);
    case 'incentive':
      return table(role('miner'), ['R (rank)', 'I = R ⊘ ΣR', 'stored u16'], (uid) => [rawText(v.ranks[uid]), rawText(v.incentive[uid]), String(s.incentive[uid])]);
    case 'dividends':
      return table(role('validator'), ['A (active stake)', 'D (normalised)', 'stored u16'], (uid) => [rawText(v.activeStake[uid]), rawText(v.dividends[uid]), String(s.dividends[uid])]);
    case 'emission':
      return table(all, ['ns (miner share)', 'nv (validator share)', 'nc (combined)', 'miner rao', 'validator rao', 'Emission (rao)'], (uid) => [
        rawText(v.serverShare[uid]), rawText(v.validatorShare[uid]), rawText(v.combinedShare[uid]),
        raoText(s.serverEmission[uid]), raoText(s.validatorEmission[uid]), raoText(s.emission[uid]),
      ]);
    case 'legacy':
      return table(all, ['Rank (u16)', 'Trust (u16)', 'PruningScore (u16)'], (uid) => [String(s.rank[uid]), String(s.trust[uid]), String(s.pruningScore[uid])]);
    default:
      return null;
  }
}
