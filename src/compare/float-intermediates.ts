// The f64 twin's intermediates: the shape of model/epoch.ts EpochIntermediates with every raw I32F32
// (bigint, value = raw / 2^32) replaced by the real value as a number. Pure types.
import type { EpochIntermediates, EpochOutput, SparseRowRaw } from '../model/epoch.ts';

/** A sparse row of real values, `[column_uid, value]` in the order the epoch holds it. */
export type SparseRowF64 = [number, number][];

type Floated<T> = T extends bigint ? number : T extends bigint[] ? number[] : T extends SparseRowRaw[] ? SparseRowF64[] : T;

/** Every intermediate of spec §4 as the twin computed it; block counts (activityCutoff, lastTempo) as plain numbers. */
export type FloatIntermediates = { [K in keyof EpochIntermediates]: Floated<EpochIntermediates[K]> };

/** What the twin writes: EpochOutput's storage fields (floored to u16 and rao exactly as the chain stores them), plus its f64 intermediates. */
export interface FloatEpochOutput extends EpochOutput {
  /** Present only when intermediates were requested (the exact `intermediates` field is never set by the twin). */
  floatIntermediates?: FloatIntermediates;
}

/** I32F32 raw to its real value (exact for every raw value an epoch produces: |raw| < 2^53). */
export const rawToReal = (raw: bigint): number => Number(raw) / 2 ** 32;
