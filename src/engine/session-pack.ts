// Compact, structured-clone-friendly forms of what the session sends to the page: typed arrays instead of nested
// arrays, so a 256-uid epoch crosses the worker boundary as a few flat buffers. Pure; worker-side packers, shared types.
import type { EpochIntermediates, EpochOutput, Hyperparameters, SparseRowRaw, SparseRowU16 } from '../model/epoch.ts';
import type { SubnetState } from '../model/trace-state.ts';
import type { NeuronMeta } from './session-doc.ts';

/** A sparse matrix in compressed rows: row i is `cols/values[offsets[i] .. offsets[i+1])`, in stored order. */
export interface Csr {
  offsets: Uint32Array;
  cols: Uint16Array;
  values: Uint16Array;
}
/** The same with raw I32F32 values (value = raw / 2^32). */
export interface CsrRaw {
  offsets: Uint32Array;
  cols: Uint16Array;
  raw: BigInt64Array;
}

/** One epoch's outputs and the inputs the metagraph needs, per uid. u16 arrays are the stored values. */
export interface EpochSummary {
  /** Unique per computed epoch: a recomputed epoch gets a new id. */
  id: number;
  /** 1-based epoch number in the timeline. */
  epoch: number;
  block: bigint;
  raoEmission: bigint;
  alphaStake: BigUint64Array;
  taoStake: BigUint64Array;
  lastUpdate: BigUint64Array;
  blockAtRegistration: BigUint64Array;
  /** Permits the epoch used (written by the previous epoch). */
  permitUsed: Uint8Array;
  consensus: Uint16Array;
  incentive: Uint16Array;
  dividends: Uint16Array;
  validatorTrust: Uint16Array;
  stakeWeight: Uint16Array;
  emission: BigUint64Array;
  serverEmission: BigUint64Array;
  validatorEmission: BigUint64Array;
  active: Uint8Array;
  newPermit: Uint8Array;
  rank: Uint16Array;
  trust: Uint16Array;
  pruningScore: Uint16Array;
  /** Bonds stored after the epoch. */
  bonds: Csr;
}

/** The subnet as the editor shows it at the timeline position (the state the next epoch would read). */
export interface EditorState {
  block: bigint;
  hyperparameters: Hyperparameters;
  ownerUid: number | null;
  alphaStake: BigUint64Array;
  taoStake: BigUint64Array;
  lastUpdate: BigUint64Array;
  blockAtRegistration: BigUint64Array;
  validatorPermit: Uint8Array;
  weights: Csr;
}

/** Every intermediate of one epoch (spec §4), packed: vectors as BigInt64Array, matrices as CsrRaw, masks as Uint8Array. */
export type PackedIntermediates = {
  [K in keyof EpochIntermediates]: EpochIntermediates[K] extends bigint[] ? BigInt64Array
    : EpochIntermediates[K] extends SparseRowRaw[] ? CsrRaw
    : EpochIntermediates[K] extends boolean[] ? Uint8Array
    : EpochIntermediates[K];
};

/** What every session call returns: enough for the page to redraw. `history` patches the page's list of epochs. */
export interface SessionView {
  name: string;
  n: number;
  meta: NeuronMeta[];
  /** Epochs in the timeline, and how many of them the cursor has reached (0 = the starting state). */
  epochs: number;
  cursor: number;
  raoEmission: bigint;
  /** New epochs re-stamp last_update of every uid with weights (SessionDoc.keepAlive). */
  keepAlive: boolean;
  /** Labels of the edit undo/redo would revert or restore, or null. */
  undo: string | null;
  redo: string | null;
  /** The editor state; `weights` is null when the weight rows are the ones the previous view sent (keep those). */
  editor: Omit<EditorState, 'weights'> & { weights: Csr | null };
  /** Keep the first `keep` epochs the page holds, drop the rest, then append `append`. */
  history: { keep: number; append: EpochSummary[] };
  /** One sentence about what the call did (for the status line), or ''. */
  message: string;
}

/** One epoch of the timeline laid open: its inputs and every intermediate of spec §4. */
export interface InspectView {
  epoch: number;
  block: bigint;
  n: number;
  hyperparameters: Hyperparameters;
  ownerUid: number | null;
  summary: EpochSummary;
  intermediates: PackedIntermediates;
}

export interface RunProgress {
  done: number;
  total: number;
  block: bigint;
}

export function packCsr(rows: readonly SparseRowU16[]): Csr {
  const offsets = new Uint32Array(rows.length + 1);
  let total = 0;
  for (let i = 0; i < rows.length; i++) { offsets[i] = total; total += rows[i].length; }
  offsets[rows.length] = total;
  const cols = new Uint16Array(total);
  const values = new Uint16Array(total);
  let k = 0;
  for (const row of rows) for (const [j, v] of row) { cols[k] = j; values[k++] = v; }
  return { offsets, cols, values };
}

function packCsrRaw(rows: readonly SparseRowRaw[]): CsrRaw {
  const offsets = new Uint32Array(rows.length + 1);
  let total = 0;
  for (let i = 0; i < rows.length; i++) { offsets[i] = total; total += rows[i].length; }
  offsets[rows.length] = total;
  const cols = new Uint16Array(total);
  const raw = new BigInt64Array(total);
  let k = 0;
  for (const row of rows) for (const [j, v] of row) { cols[k] = j; raw[k++] = v; }
  return { offsets, cols, raw };
}

const u64s = (v: readonly bigint[]) => BigUint64Array.from(v);
const u16s = (v: readonly number[]) => Uint16Array.from(v);
const flags = (v: readonly boolean[]) => Uint8Array.from(v, (b) => (b ? 1 : 0));

export function packSummary(id: number, epoch: number, before: SubnetState, raoEmission: bigint, o: EpochOutput): EpochSummary {
  return {
    id,
    epoch,
    block: before.block,
    raoEmission,
    alphaStake: u64s(before.alphaStake),
    taoStake: u64s(before.taoStake),
    lastUpdate: u64s(before.lastUpdate),
    blockAtRegistration: u64s(before.blockAtRegistration),
    permitUsed: flags(before.validatorPermit),
    consensus: u16s(o.consensus),
    incentive: u16s(o.incentive),
    dividends: u16s(o.dividends),
    validatorTrust: u16s(o.validatorTrust),
    stakeWeight: u16s(o.stakeWeight),
    emission: u64s(o.emission),
    serverEmission: u64s(o.serverEmission),
    validatorEmission: u64s(o.validatorEmission),
    active: flags(o.active),
    newPermit: flags(o.newValidatorPermit),
    rank: u16s(o.legacyOutputs.rank),
    trust: u16s(o.legacyOutputs.trust),
    pruningScore: u16s(o.legacyOutputs.pruningScore),
    bonds: packCsr(o.bonds),
  };
}

/** The editor state; `weights: false` leaves the rows out (the page still has them). */
export function packEditor(s: SubnetState, weights = true): Omit<EditorState, 'weights'> & { weights: Csr | null } {
  return {
    block: s.block,
    hyperparameters: { ...s.hyperparameters },
    ownerUid: s.ownerUid,
    alphaStake: u64s(s.alphaStake),
    taoStake: u64s(s.taoStake),
    lastUpdate: u64s(s.lastUpdate),
    blockAtRegistration: u64s(s.blockAtRegistration),
    validatorPermit: flags(s.validatorPermit),
    weights: weights ? packCsr(s.weights) : null,
  };
}

const MATRICES = new Set(['weightsMasked', 'weights', 'clippedWeights', 'weightsForBonds', 'bondsBefore', 'bondsDelta', 'liquidAlpha', 'bondsEma']);
const MASKS = new Set(['inactive', 'validatorPermit']);

export function packIntermediates(x: EpochIntermediates): PackedIntermediates {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(x)) {
    if (MATRICES.has(key)) out[key] = packCsrRaw(v as SparseRowRaw[]);
    else if (MASKS.has(key)) out[key] = flags(v as boolean[]);
    else if (Array.isArray(v)) out[key] = BigInt64Array.from(v as bigint[]);
    else out[key] = v;
  }
  return out as PackedIntermediates;
}
