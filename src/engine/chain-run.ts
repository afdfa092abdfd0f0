// The open chain's cursor and the loop that moves it: steps blocks with the scenario's scheduled actions plus the
// user's logged ones, and writes what is new (blocks past the head) to the store: epoch records, a packed snapshot
// every K blocks, the head. Yields between blocks about every 50 ms so a cancel (and the store's flushes) get in.
import { applyAction, type ChainAction } from '../chain/actions.ts';
import { stepBlock, type BlockReport } from '../chain/block.ts';
import type { ChainError } from '../chain/errors.ts';
import { actionsAt, startChain } from '../chain/run.ts';
import type { Scenario } from '../chain/scenario.ts';
import type { ChainEngines, ChainState } from '../chain/state.ts';
import type { ActionEntry, EpochEntry, SnapshotEntry } from '../persist/index.ts';
import { packState, type PackedChainState } from './chain-pack.ts';
import { epochRecord, type EpochRecord, type SessionStore } from './chain-records.ts';

/** What the last stepped block did, in a few numbers (the view's "last block" line). */
export interface LastBlock {
  block: bigint;
  emission: bigint;
  recycledTao: bigint;
  /** Netuids whose epoch ran in this block. */
  epochs: number[];
  actions: { op: ChainAction['op']; ok: boolean; error: ChainError | null }[];
}

/** Progress of a run: blocks done of the total asked for, and the block reached. */
export interface RunProgress {
  done: number;
  total: number;
  block: bigint;
}

/** Checked between blocks; set `cancelled` to stop a run after the block in progress (blocks done are kept). */
export interface CancelToken {
  cancelled: boolean;
}

export interface RunHooks {
  onProgress?: (p: RunProgress) => void;
  token?: CancelToken;
  /** Stop right after the block in which this subnet's epoch ran. */
  untilEpochOf?: number;
}

/** The open chain: its store and engines, the scenario and the live state at the cursor. Mutated by the functions here. */
export interface Cursor {
  readonly store: SessionStore;
  readonly engines: ChainEngines;
  /** K: a snapshot is written after every block that is a multiple of K. */
  readonly snapshotEvery: bigint;
  readonly yieldEvery: number;
  chainId: string;
  scenario: Scenario;
  state: ChainState;
  /** The latest block computed for this chain (its stored headBlock). */
  head: bigint;
  /** Index of the first scheduled scenario action after the cursor. */
  scriptNext: number;
  last: LastBlock | null;
}

const PROGRESS_EVERY_MS = 100;
/** Lets queued messages (a cancel, IndexedDB events) run. A MessageChannel, not setTimeout: nested timers are clamped to 4 ms. */
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });

/** The index of the first scheduled action after `block`. */
export function scriptIndexAfter(scenario: Scenario, block: bigint): number {
  let lo = 0;
  let hi = scenario.actions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scenario.actions[mid].block <= block) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The state at the start block: the scenario's chain, its actions scheduled at that block, then the user's logged there. */
export async function initialState(c: Cursor): Promise<ChainState> {
  const { state } = startChain(c.scenario, c.engines);
  for (const entry of await c.store.actionsBetween(c.chainId, state.block, state.block)) applyAction(state, c.engines, entry.action);
  return state;
}

/** Puts the cursor on `state` (restored from a snapshot or the start), at that state's block. */
export function placeAt(c: Cursor, state: ChainState): void {
  c.state = state;
  c.scriptNext = scriptIndexAfter(c.scenario, state.block);
  c.last = null;
}

function summary(r: BlockReport): LastBlock {
  return {
    // TAO recycled this block: unspent coinbase credit plus the protocol's share of any dissolved subnet.
    block: r.block, emission: r.emission, recycledTao: r.dissolutions.reduce((t, d) => t + d.recycled, r.recycledTao), epochs: r.epochs.ran.map((e) => e.netuid),
    actions: r.actions.map((a) => ({ op: a.op, ok: a.ok, error: a.error })),
  };
}

/** Writes the snapshot of the cursor's state at its block (after its actions) if that block is a snapshot block. */
export function snapshotIfDue(c: Cursor): void {
  const b = c.state.block;
  if (b > c.scenario.startBlock && b % c.snapshotEvery === 0n) c.store.write({ chainId: c.chainId, snapshots: [{ block: b, state: packState(c.state) }] });
}

/**
 * Steps up to `blocks` blocks (fewer when cancelled or when `untilEpochOf`'s epoch ran). Blocks past the head are new
 * history: their epoch records, snapshots and the new head are written (buffered) as the run goes. Returns blocks done.
 */
export async function runBlocks(c: Cursor, blocks: number, hooks: RunHooks = {}): Promise<{ done: number; cancelled: boolean }> {
  const from = c.state.block;
  const logged = new Map<bigint, ChainAction[]>();
  if (blocks > 0) {
    for (const e of await c.store.actionsBetween(c.chainId, from + 1n, from + BigInt(blocks))) {
      const list = logged.get(e.block);
      if (list) list.push(e.action);
      else logged.set(e.block, [e.action]);
    }
  }
  let epochs: EpochEntry<EpochRecord>[] = [];
  let snapshots: SnapshotEntry<PackedChainState>[] = [];
  let newHead: bigint | undefined;
  const write = () => {
    if (newHead === undefined) return;
    c.store.write({ chainId: c.chainId, epochs, snapshots, head: newHead });
    epochs = [];
    snapshots = [];
    newHead = undefined;
  };
  const progress = (done: number) => hooks.onProgress?.({ done, total: blocks, block: c.state.block });
  let lastYield = performance.now();
  let lastProgress = -Infinity;
  let done = 0;
  let cancelled = false;
  while (done < blocks) {
    const b = c.state.block + 1n;
    const [script, next] = actionsAt(c.scenario.actions, c.scriptNext, b);
    c.scriptNext = next;
    const user = logged.get(b);
    const report = stepBlock(c.state, c.engines, user ? [...script, ...user] : script);
    done++;
    if (b > c.head) {
      c.head = newHead = b;
      for (const e of report.epochs.ran) epochs.push({ block: b, netuid: e.netuid, result: epochRecord(report, e, c.state) });
      if (b % c.snapshotEvery === 0n) snapshots.push({ block: b, state: packState(c.state) });
    }
    c.last = summary(report);
    if (hooks.untilEpochOf !== undefined && report.epochs.ran.some((e) => e.netuid === hooks.untilEpochOf)) break;
    const now = performance.now();
    if (now - lastYield >= c.yieldEvery) {
      write();
      if (now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        progress(done);
      }
      await yieldToEvents();
      lastYield = performance.now();
      if (hooks.token?.cancelled) {
        cancelled = true;
        break;
      }
    }
  }
  write();
  progress(done);
  return { done, cancelled };
}

/** The seq of a new action logged after `entries` (the actions already logged at its block). */
export function nextSeq(entries: readonly ActionEntry<ChainAction>[]): number {
  return entries.reduce((max, e) => Math.max(max, e.seq + 1), 0);
}
