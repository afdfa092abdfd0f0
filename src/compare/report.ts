// The exact-vs-float report: what compareExactVsFloat (exact-vs-float.ts) returns, and the outputs it compares.
// Types and constants only, so the page can read a report without loading the replay code.
import type { StepDiff, StepName } from './step-diff.ts';

/** The stored outputs compared, with their unit: u16 proportions (x·65535) or rao. */
export const OUTPUT_FIELDS = [
  ['dividends', 'u16'], ['incentive', 'u16'], ['consensus', 'u16'], ['validatorTrust', 'u16'], ['stakeWeight', 'u16'],
  ['validatorEmission', 'rao'], ['serverEmission', 'rao'], ['emission', 'rao'],
] as const;
export type OutputField = (typeof OUTPUT_FIELDS)[number][0];
export type Unit = 'u16' | 'rao';

/** One field of one epoch, per uid. `rel` = |exact − float| / max(|exact|, |float|), 0 when both are 0. */
export interface FieldDiff { field: OutputField; unit: Unit; exact: number[]; float: number[]; abs: number[]; rel: number[] }

export interface EpochDiff {
  epoch: number;
  block: number;
  fields: FieldDiff[];
  /** Largest stored-bond difference (u16; an entry absent on one side counts as 0) and its (row, column). */
  bonds: { maxAbs: number; at: [number, number] | null; cellsDiffering: number };
  /** Per-step differences of the intermediates (null unless requested). */
  steps: StepDiff[] | null;
}

/** A field over the whole run. Per-uid arrays have length n; totals are sums over epochs. */
export interface FieldSummary {
  field: OutputField;
  unit: Unit;
  maxAbs: number;
  /** Where maxAbs first occurs (−1 when nothing differs). */
  epoch: number;
  uid: number;
  maxRel: number;
  relEpoch: number;
  relUid: number;
  /** (epoch, uid) cells whose values differ at all. */
  cellsDiffering: number;
  exactTotal: number[];
  floatTotal: number[];
  perUidMaxAbs: number[];
}

export interface ExactVsFloatReport {
  name: string;
  n: number;
  epochs: EpochDiff[];
  fields: FieldSummary[];
  bonds: { maxAbs: number; epoch: number; at: [number, number] | null };
  /** The largest difference of any u16 output, stored bonds included. */
  maxU16Diff: number;
  /** The first epoch, in field order, where a stored value differs. */
  firstOutputDifference: { epoch: number; field: OutputField | 'bonds'; uid: number } | null;
  /** The first (epoch, step) whose largest difference exceeds `absTolerance` (needs intermediates). */
  firstDivergence: { epoch: number; step: StepName; maxAbs: number; ulps: number; at: string } | null;
  absTolerance: number;
}

export interface ExactVsFloatOptions {
  /** Keep every intermediate and compare the pipeline step by step (costs a second copy of each epoch). */
  intermediates?: boolean;
  /** A step "diverges" when some element differs by more than this (real units). Default 1e-6, ≈ 4,300 I32F32 ulps, 1/15 of a u16 step. */
  absTolerance?: number;
}
