// The chain view's remote contract: what the page may call on the chain worker and the plain types it gets back.
// Types only (the page imports them; erased at build). The one implementation is chain-api.ts.
import type { PersistFaultKind, EpochEntry } from '../persist/index.ts';
import type { EpochRecord } from './chain-records.ts';
import type { RunProgress } from './chain-run.ts';
import type { ActionJson, ActionOutcome, ForkMode, StepTarget } from './chain-session.ts';
import type { ChainView } from './chain-view.ts';
export interface ChainPresetInfo {
  id: string;
  name: string;
  description: string;
}

export interface ChainListEntry {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  headBlock: bigint | null;
  forkedFrom: { chainId: string; block: bigint } | null;
  /** The chain this worker has open. */
  open: boolean;
}

/** A new chain from a shipped preset (an id of chainPresets()) or from a yuma-chain/1 text, read by restoreScenario. */
export type ChainSource = { preset: string } | { json: string; label?: string };

/** A storage fault as the page shows it: kind and a complete sentence (no `cause`: it may not clone). */
export interface FaultMessage {
  kind: PersistFaultKind;
  message: string;
  record?: { store: string; key: string };
}

export interface StepResult {
  view: ChainView;
  done: number;
  cancelled: boolean;
}

export type ApplyResult = ActionOutcome & { view: ChainView };

/** The remote contract. Values cross by structured clone (bigint included); errors reject with one-line messages. */
export interface ChainApi {
  chainPresets(): Promise<ChainPresetInfo[]>;
  chainList(): Promise<ChainListEntry[]>;
  /** Creates a saved chain (default name: the scenario's, made unique) and opens it at its start block. */
  chainCreate(source: ChainSource, name?: string): Promise<ChainView>;
  /** Opens a saved chain at `block` (default: its head); read-only (`view.readOnly`) while another tab has it open. */
  chainOpen(chainId: string, block?: bigint): Promise<ChainView>;
  /**
   * Reopens the last session (chain and block) after a reload; null when there is none. Read-only while another tab has
   * it. `prefer`: this tab's own last chain and block (kept per tab by the page), used while that chain is still saved.
   */
  chainResume(prefer?: { chainId: string; block: bigint }): Promise<ChainView | null>;
  /** Renames a saved chain; refused while another tab has it open. */
  chainRename(chainId: string, name: string): Promise<ChainListEntry[]>;
  /**
   * Copies the open chain's whole saved history (default name “X (copy)”, made unique) and opens the copy at the same
   * block, owned by this tab: the way on from a chain another tab has open.
   */
  chainCopy(name?: string): Promise<ChainView>;
  /** Deletes a saved chain; deleting the open one closes it. Refused while another tab has it open. */
  chainDelete(chainId: string): Promise<ChainListEntry[]>;
  /** The open chain's view, or null when none is open. */
  chainView(): Promise<ChainView | null>;
  /** Steps blocks; `onProgress` about 10 times a second. Cancelled runs keep the blocks done. */
  chainStep(target: StepTarget, onProgress?: (p: RunProgress) => void): Promise<StepResult>;
  /** Stops a running step, seek or open after its current block. Never queued behind it. */
  chainCancel(): Promise<void>;
  /** Time travel to any block (past: nearest snapshot + replay; future: computed). */
  chainSeek(block: bigint): Promise<ChainView>;
  /** Applies one action at the cursor's block; in the past it needs `fork`. A refusal changes nothing and names the chain's error. */
  chainApply(action: ActionJson, fork?: ForkMode): Promise<ApplyResult>;
  /** Forks at the cursor without an action: discard the future, or keep it and continue in a new chain. */
  chainFork(mode: ForkMode): Promise<ChainView>;
  /** Saved epoch results (inclusive block range, default all), optionally for one subnet. */
  chainEpochs(query?: { from?: bigint; to?: bigint; netuid?: number }): Promise<EpochEntry<EpochRecord>[]>;
  chainHash(): Promise<string>;
  /**
   * The open chain as canonical yuma-chain/1 text (model/scenario.ts): its starting scenario named after the saved chain,
   * the logged actions merged in at their blocks, `blocks` = cursor − start block. Running it reproduces the cursor's
   * block and state hash (`npm run -s yuma -- chain FILE`, or chainCreate then chainStep of `blocks`).
   */
  chainExport(): Promise<string>;
  /** Every epoch of the open chain up to the cursor as CSV (engine/chain-csv.ts). */
  chainResultsCsv(): Promise<string>;
  /** Writes everything buffered; false when storage refused it (the chain keeps working in memory). */
  chainFlush(): Promise<boolean>;
  /**
   * Called with the chain's id when the read-only chain became this tab's: the other tab let go of it (the session was
   * reopened from the store: fetch chainView), or deleted it (chainView is null).
   */
  chainOnTakeover(listener: (chainId: string) => void): Promise<void>;
  /** Receives storage faults, including any raised before the listener was registered. */
  chainOnFault(listener: (fault: FaultMessage) => void): Promise<void>;
  /** Saves and releases the store (the next call opens it again). */
  chainClose(): Promise<void>;
}
