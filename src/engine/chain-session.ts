// One open saved chain in the worker: its live state at the cursor, stepping, time travel (nearest snapshot + replay
// of the logged actions), user actions validated with the chain's own errors, and forks in place or as a new chain.
// Inputs, not outputs: the store holds the scenario and the action log; snapshots and epoch records are a cache.
import { applyAction, type ChainAction } from '../chain/actions.ts';
import type { ChainError } from '../chain/errors.ts';
import { stateHash } from '../chain/hash.ts';
import type { Scenario } from '../chain/scenario.ts';
import { readActions } from '../chain/scenario-actions.ts';
import { scenarioWithLog } from '../chain/timeline.ts';
import type { ChainEngines } from '../chain/state.ts';
import { parseJson } from '../model/json-parse.ts';
import { restoreScenario } from '../model/scenario.ts';
import type { ChainInfo, EpochEntry, SavedChain } from '../persist/index.ts';
import { unpackState } from './chain-pack.ts';
import { chainResultsCsv } from './chain-csv.ts';
import type { EpochRecord, ScenarioDoc, SessionStore } from './chain-records.ts';
import { initialState, nextSeq, placeAt, runBlocks, snapshotIfDue, type CancelToken, type Cursor, type RunHooks } from './chain-run.ts';
import { buildView, nextEpochBlock, type ChainView } from './chain-view.ts';

/** How to change the past: discard the blocks after the cursor, or keep them and continue in a new saved chain. */
export type ForkMode = { mode: 'truncate' } | { mode: 'new-chain'; name: string };

/** Run a number of blocks, or until a subnet's next epoch has run. */
export type StepTarget = { blocks: number } | { epochOf: number };

/** A refused action changes nothing: `error` is the chain's error name, or null when the action was malformed or misplaced. */
export type ActionOutcome = { ok: true } | { ok: false; error: ChainError | null; message: string };

/** A user action as yuma-chain/1 writes it (docs/chain-format.md "Actions", without `block`): u64 values as strings. */
export type ActionJson = { op: ChainAction['op'] } & Record<string, unknown>;

export interface SessionOptions {
  store: SessionStore;
  engines: ChainEngines;
  snapshotEvery: number;
  yieldEvery?: number;
}

/** Reads one action in the scenario format (strict JSON rules: exact integers, named fields). Throws TraceError. */
export function parseAction(json: ActionJson): ChainAction {
  const text = JSON.stringify({ ...json, block: 1 });
  return readActions(parseJson(`[${text}]`), 'action', 0n)[0].action;
}

/**
 * The chain scenario in a document (text, bytes or a stored JSON value), read through the one restore path
 * (model/scenario.ts). Throws TraceError (prefixed by `label`), or a plain Error when it holds a subnet instead.
 */
export function chainScenarioOf(doc: unknown, label?: string): Scenario {
  const s = restoreScenario(doc, label);
  if (s.kind !== 'chain') throw new Error(`${label ? `${label}: ` : ''}this is a subnet scenario (yuma-trace/1): open it in the subnet view, not as a chain.`);
  return s.chain;
}

/** The refusal a read-only session gives, naming the chain and the way out. */
export const readOnlyMessage = (name: string, doing: string): string =>
  `“${name}” is open in another tab, so this tab cannot ${doing} it. Make a copy here to keep working, or close the other tab.`;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export class ChainSession {
  private revision = 0;
  private version = 0;
  private hash: { version: number; value: string } | null = null;
  private sourceName: string | null = null;

  private constructor(
    private readonly c: Cursor,
    private info: ChainInfo,
    /** Another tab writes this chain: nothing here writes to the store (no step, action, fork, or last-session pointer). */
    readonly readOnly: boolean,
  ) {}

  /**
   * Opens a saved chain at `at.block` (default: its head; past the head it is computed, unless `at.readOnly`: then the
   * cursor stops at the head). `at.scenario`: already parsed.
   */
  static async open(
    o: SessionOptions, saved: SavedChain<ScenarioDoc>, at: { block?: bigint; token?: CancelToken; scenario?: Scenario; readOnly?: boolean } = {},
  ): Promise<ChainSession> {
    const scenario = at.scenario ?? chainScenarioOf(saved.scenario, saved.name);
    const c: Cursor = {
      store: o.store, engines: o.engines, snapshotEvery: BigInt(o.snapshotEvery), yieldEvery: o.yieldEvery ?? 50,
      chainId: saved.id, scenario, state: null!, head: saved.headBlock ?? scenario.startBlock, scriptNext: 0, last: null,
    };
    placeAt(c, await initialState(c));
    const session = new ChainSession(c, saved, at.readOnly ?? false);
    await session.lookUpSource();
    await session.seek(at.block ?? c.head, at.token);
    return session;
  }

  get chainId(): string {
    return this.c.chainId;
  }

  get name(): string {
    return this.info.name;
  }

  /** The cursor's block. */
  get block(): bigint {
    return this.c.state.block;
  }

  /** Throws the read-only refusal: `doing` is what was refused (“step”, “apply an action to”…). */
  private writable(doing: string): void {
    if (this.readOnly) throw new Error(readOnlyMessage(this.info.name, doing));
  }

  private changed(): void {
    this.version++;
  }

  private async lookUpSource(): Promise<void> {
    const from = this.info.forkedFrom;
    this.sourceName = from ? ((await this.c.store.listChains()).find((c) => c.id === from.chainId)?.name ?? null) : null;
  }

  /** Steps forward; blocks already computed are replayed from the log, new ones are saved. Cancelling keeps the blocks done. */
  async step(target: StepTarget, hooks: Omit<RunHooks, 'untilEpochOf'> = {}): Promise<{ done: number; cancelled: boolean }> {
    this.writable('step');
    let blocks: number;
    let untilEpochOf: number | undefined;
    if ('epochOf' in target) {
      const subnet = this.c.state.subnets.find((s) => s.netuid === target.epochOf);
      if (!subnet) throw new Error(`There is no subnet ${target.epochOf}.`);
      const next = nextEpochBlock(subnet, this.c.state.block, this.c.state.rules.scheduler);
      if (next === null) throw new Error(`Subnet ${target.epochOf} has tempo 0: its epoch never runs.`);
      // The per-block cap can defer a due epoch by a block per subnet ahead of it; the run stops when it has run.
      blocks = Number(next - this.c.state.block) + this.c.state.subnets.length + 1;
      untilEpochOf = target.epochOf;
    } else {
      blocks = target.blocks;
      if (!Number.isSafeInteger(blocks) || blocks < 0) throw new Error(`Cannot step ${blocks} blocks.`);
    }
    const result = await runBlocks(this.c, blocks, { ...hooks, untilEpochOf });
    if (result.done > 0) this.changed();
    return result;
  }

  /**
   * Moves the cursor to `block`: restores the nearest snapshot at or before it (or the start) and replays the logged
   * actions, or steps on from where it is when that is closer. `fresh` always restores (drops unlogged changes).
   */
  async seek(block: bigint, token?: CancelToken, fresh = false): Promise<void> {
    const c = this.c;
    if (this.readOnly) fresh = (await this.followHead()) || fresh;
    let target = block < c.scenario.startBlock ? c.scenario.startBlock : block;
    if (this.readOnly && target > c.head) target = c.head; // blocks past the head would be new history: not ours to write
    if (target === c.state.block && !fresh) return;
    const snap = await c.store.nearestSnapshot(c.chainId, target);
    const base = snap?.block ?? c.scenario.startBlock;
    if (fresh || !(c.state.block < target && c.state.block >= base)) placeAt(c, snap ? unpackState(snap.state) : await initialState(c));
    this.changed();
    await runBlocks(c, Number(target - c.state.block), { token });
  }

  /**
   * Applies one user action at the cursor's block, after the actions already there. In the past (cursor < head) it
   * needs a fork mode; the fork happens only if the action succeeds. A refused action changes nothing.
   */
  async apply(json: ActionJson, fork?: ForkMode): Promise<ActionOutcome> {
    const c = this.c;
    if (this.readOnly) return { ok: false, error: null, message: readOnlyMessage(this.info.name, 'apply actions to') };
    let action: ChainAction;
    try {
      action = parseAction(json);
    } catch (e) {
      return { ok: false, error: null, message: message(e) };
    }
    const b = c.state.block;
    if (b < c.head && !fork) {
      return { ok: false, error: null, message: `Block ${b} is in the past (the chain runs to block ${c.head}): choose to discard the blocks after it or to keep them in a new chain.` };
    }
    if (fork?.mode === 'new-chain' && (await c.store.findChain(fork.name))) return { ok: false, error: null, message: `A chain named “${fork.name}” already exists.` };
    const result = applyAction(c.state, c.engines, action);
    if (!result.ok) return { ok: false, error: result.error, message: `${action.op} refused by the chain: ${result.error}` };
    this.changed();
    if (fork) {
      try {
        await this.fork(fork);
      } catch (e) {
        await this.reload(); // the action is not logged: replaying drops it
        throw e;
      }
    }
    const seq = nextSeq(await c.store.actionsBetween(c.chainId, b, b));
    c.store.write({ chainId: c.chainId, actions: [{ block: b, seq, action }], head: c.head });
    snapshotIfDue(c);
    return { ok: true };
  }

  /** Forks at the cursor: drops the saved blocks after it, or copies the history up to it into a new chain and continues there. */
  async fork(mode: ForkMode): Promise<void> {
    this.writable('fork');
    const c = this.c;
    const b = c.state.block;
    if (mode.mode === 'truncate') {
      await c.store.truncateAfter(c.chainId, b);
      this.info = { ...this.info, headBlock: b };
    } else {
      const source = this.info;
      this.info = await c.store.forkAs(c.chainId, b, mode.name);
      c.chainId = this.info.id;
      this.sourceName = source.name;
    }
    c.head = b;
    this.revision++;
  }

  /**
   * Read-only: takes the head the writing tab has saved since. True when it moved back (that tab forked in place):
   * the history here may be stale, so the next seek restores from the store.
   */
  private async followHead(): Promise<boolean> {
    const saved = await this.c.store.getChain(this.c.chainId);
    if (!saved) throw new Error(`“${this.info.name}” was deleted in another tab.`);
    const head = saved.headBlock ?? this.c.scenario.startBlock;
    if (head === this.c.head) return false;
    const back = head < this.c.head;
    this.c.head = head;
    this.info = saved;
    if (back) this.revision++;
    return back;
  }

  /** Recomputes the cursor's state from the store (after a failed fork: the unlogged action is dropped). */
  private async reload(): Promise<void> {
    await this.seek(this.c.state.block, undefined, true);
  }

  /** Points the last session here and makes everything durable; false when storage refused it (still kept in memory). */
  async save(): Promise<boolean> {
    if (this.readOnly) return this.c.store.flush();
    this.c.store.setLastSession({ chainId: this.c.chainId, block: this.c.state.block });
    return this.c.store.flush();
  }

  stateHash(): string {
    if (this.hash?.version !== this.version) this.hash = { version: this.version, value: stateHash(this.c.state) };
    return this.hash.value;
  }

  /**
   * The chain up to the cursor as one scenario: the starting scenario named after the saved chain, every logged action
   * (up to the head) merged in at its block, and `blocks` to the cursor. Running it gives the cursor's state and hash.
   */
  async timeline(): Promise<Scenario> {
    const c = this.c;
    const log = await c.store.actionsBetween(c.chainId, c.scenario.startBlock, c.head);
    return { ...scenarioWithLog(c.scenario, log, c.state.block), name: this.info.name };
  }

  /** Epoch records for the charts, `from` … `to` (inclusive, default the whole saved history), optionally one subnet. */
  epochs(from?: bigint, to?: bigint, netuid?: number): Promise<EpochEntry<EpochRecord>[]> {
    return this.c.store.epochResults(this.c.chainId, from ?? this.c.scenario.startBlock, to ?? this.c.head, netuid);
  }

  /** Every epoch up to the cursor as CSV (chain-csv.ts). */
  async resultsCsv(): Promise<string> {
    return chainResultsCsv(await this.epochs(undefined, this.c.state.block));
  }

  async view(): Promise<ChainView> {
    const c = this.c;
    const from = this.info.forkedFrom;
    const log = await c.store.actionsBetween(c.chainId, c.scenario.startBlock, c.head);
    return buildView(c.state, c.engines, {
      chain: { id: c.chainId, name: this.info.name, forkedFrom: from && this.sourceName !== null ? { chainId: from.chainId, name: this.sourceName, block: from.block } : null },
      storage: { backend: c.store.backend, unsaved: c.store.hasUnsaved() }, readOnly: this.readOnly,
      startBlock: c.scenario.startBlock, head: c.head, revision: this.revision, snapshotEvery: Number(c.snapshotEvery),
      stateHash: this.stateHash(), last: c.last, log,
    });
  }

  /** Renamed in the store (a copy under a new id): follow it. */
  async moved(info: ChainInfo): Promise<void> {
    this.info = info;
    this.c.chainId = info.id;
    this.revision++;
    await this.lookUpSource();
  }
}
