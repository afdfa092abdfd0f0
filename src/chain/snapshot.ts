// snapshot / restore: deep copies of a ChainState (plain data only, so structuredClone copies it
// exactly, bigint included). A snapshot never shares an object with the live state.
import type { ChainState } from './state.ts';

/** A deep copy of `state` to keep (time travel, IndexedDB cache). */
export function snapshot(state: ChainState): ChainState {
  return structuredClone(state);
}

/** A live state from a snapshot; the snapshot stays untouched and reusable. */
export function restore(saved: ChainState): ChainState {
  return structuredClone(saved);
}
