// The chain view's state: the open chain as the worker last described it, the saved chains, epoch results for the
// charts, run progress and cancel, the last action's refusal, the storage fault banner and the "open in another tab"
// banner (its copy and takeover); chains in from files and links, out as yuma-chain/1 text. Talks to the worker only through the Remote<ChainApi> it is given
// (src/engine/chain-api.ts); components read fields and call methods.
import { proxy, type Remote } from 'comlink';
import { latestWins, SupersededError } from '../engine/client.ts';
import { importScenarioFile } from '../model/export.ts';
import { serializeScenario, type ChainScenario, type Scenario } from '../model/scenario.ts';
import type {
  ActionJson, ChainApi, ChainListEntry, ChainPresetInfo, ChainSource, ChainView, EpochEntry, EpochRecord, FaultMessage, ForkMode, RunProgress, StepTarget,
} from '../engine/chain-api.ts';
import { keepTabChain, tabChain } from './chain-tab.ts';

export type { ActionJson, ChainListEntry, ChainPresetInfo, ChainView, EpochEntry, EpochRecord, FaultMessage, ForkMode, RunProgress };
export type { HyperparameterView, LoggedActionView, NeuronView, SubnetView } from '../engine/chain-api.ts';

const text = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export class ChainPlayground {
  view: ChainView | null = $state.raw(null);
  chains: ChainListEntry[] = $state.raw([]);
  presets: ChainPresetInfo[] = $state.raw([]);
  /** Saved epoch results of the open chain up to its head, in (block, netuid) order. */
  epochs: EpochEntry<EpochRecord>[] = $state.raw([]);
  progress: RunProgress | null = $state.raw(null);
  /** A step, seek or chain operation is in flight. */
  busy = $state(false);
  ready = $state(false);
  status = $state('Starting the chain engine…');
  error = $state('');
  /** The last action's refusal, in the chain's words (cleared by the next success). */
  actionError = $state('');
  fault: FaultMessage | null = $state.raw(null);
  /** The chain whose "open in another tab" banner was dismissed (it comes back for another chain). */
  lockDismissed = $state('');
  /** The open chain is another tab's: viewing only (the worker refuses writes and says why). */
  readOnly = $derived(this.view?.readOnly ?? false);
  lockBanner = $derived(this.readOnly && this.view?.chain.id !== this.lockDismissed);
  /** The subnet the per-subnet panels show. */
  netuid = $state(1);

  subnet = $derived(this.view?.subnets.find((s) => s.netuid === this.netuid) ?? this.view?.subnets[0] ?? null);
  inPast = $derived(this.view !== null && this.view.block < this.view.head);

  private epochsOf = { chainId: '', revision: -1, to: -1n };
  private readonly seekLatest: (block: bigint) => Promise<ChainView>;

  constructor(private readonly remote: Remote<ChainApi>) {
    this.seekLatest = latestWins((block: bigint) => this.remote.chainSeek(block));
  }

  /** Subscribes to faults, loads the presets and the saved chains, and resumes the last session if there is one. */
  async start(): Promise<void> {
    await this.attempt('The chain engine could not start', async () => {
      await this.remote.chainOnFault(proxy((f: FaultMessage) => (this.fault = f)));
      await this.remote.chainOnTakeover(proxy(() => void this.tookOver()));
      this.presets = await this.remote.chainPresets();
      const resumed = await this.remote.chainResume(tabChain());
      this.chains = await this.remote.chainList();
      if (resumed) await this.take(resumed, this.opened(resumed, 'Resumed'));
      else this.status = 'No saved chain yet: create one from a preset.';
      this.ready = true;
    });
  }

  create(source: ChainSource, name?: string): Promise<boolean> {
    return this.chainOp('Could not create the chain', () => this.remote.chainCreate(source, name), (v) => `Created “${v.chain.name}”.`);
  }

  /**
   * A yuma-chain/1 file through the one restore path (model/export.ts → restoreScenario), as a new saved chain stepped
   * to its `blocks`. A bad file changes nothing and says why, as the subnet view's import does.
   */
  async importFile(bytes: Uint8Array, fileName: string, name?: string): Promise<boolean> {
    let s: Scenario;
    try {
      s = importScenarioFile(bytes, fileName);
      if (s.kind !== 'chain') throw new Error(`${fileName} holds a subnet (yuma-trace/1): open it in the subnet view.`);
    } catch (e) {
      this.error = `Could not load ${fileName}: ${text(e)}`;
      return false;
    }
    return this.openScenario(s.chain, fileName, 'Loaded from a file', name);
  }

  /**
   * Saves `s` as a new chain (its name made unique unless `name` is given) and steps it, with progress, to its `blocks`:
   * the block it was exported or shared at. `how` leads the status line (“Opened from a share link”).
   */
  async openScenario(s: ChainScenario['chain'], label: string, how: string, name?: string): Promise<boolean> {
    if (!(await this.create({ json: serializeScenario({ kind: 'chain', chain: s }), label }, name))) return false;
    const target = this.view!.block + BigInt(s.blocks);
    if (s.blocks > 0 && !(await this.step({ blocks: s.blocks }))) return false;
    const v = this.view!;
    if (v.block === target) this.status = `${how}: “${v.chain.name}” at block ${v.block}.`;
    return true;
  }

  /** The open chain as canonical yuma-chain/1 text: its scenario, the logged actions merged in, `blocks` to the cursor. */
  exportText(): Promise<string> {
    return this.remote.chainExport();
  }

  /** Every epoch up to the cursor as CSV: one row per epoch, subnet and uid. */
  resultsCsv(): Promise<string> {
    return this.remote.chainResultsCsv();
  }

  open(chainId: string): Promise<boolean> {
    return this.chainOp('Could not open the chain', () => this.remote.chainOpen(chainId), (v) => this.opened(v, 'Opened'));
  }

  /** Copies the open chain (all its saved history) under a new name and goes on in the copy, which this tab owns. */
  copyHere(): Promise<boolean> {
    return this.chainOp('Could not copy the chain', () => this.remote.chainCopy(), (v) => `Copied to “${v.chain.name}” at block ${v.block}: this tab can change it.`);
  }

  dismissLock(): void {
    this.lockDismissed = this.view?.chain.id ?? '';
  }

  private opened(v: ChainView, how: string): string {
    return v.readOnly ? `${how} “${v.chain.name}” read-only at block ${v.block}: it is open in another tab.` : `${how} “${v.chain.name}” at block ${v.block}.`;
  }

  /** The worker took over the read-only chain: the other tab let go of it, or deleted it. */
  private async tookOver(): Promise<void> {
    const name = this.view?.chain.name ?? 'The chain';
    await this.attempt('Could not take the chain over', async () => {
      const v = await this.remote.chainView();
      this.chains = await this.remote.chainList();
      if (v) await this.take(v, `The other tab let go of “${v.chain.name}”: this tab can change it now.`);
      else {
        this.view = null;
        this.epochs = [];
        this.status = `“${name}” was deleted or renamed in the other tab. Open or create another.`;
      }
    });
  }

  async rename(chainId: string, name: string): Promise<boolean> {
    return this.attempt('Could not rename the chain', async () => {
      this.chains = await this.remote.chainRename(chainId, name);
      const v = await this.remote.chainView();
      if (v) await this.take(v, `Renamed to “${name.trim()}”.`);
    });
  }

  async remove(chainId: string): Promise<boolean> {
    return this.attempt('Could not delete the chain', async () => {
      this.chains = await this.remote.chainDelete(chainId);
      const v = await this.remote.chainView();
      if (v) await this.take(v);
      else {
        this.view = null;
        this.epochs = [];
        this.status = 'Chain deleted. Open or create another.';
      }
    });
  }

  /** Steps blocks with a progress bar; `cancel()` stops it and keeps the blocks done. */
  async step(target: StepTarget): Promise<boolean> {
    const total = 'blocks' in target ? target.blocks : 0;
    this.progress = { done: 0, total, block: this.view?.block ?? 0n };
    try {
      return await this.attempt('The run stopped', async () => {
        const r = await this.remote.chainStep(target, proxy((p: RunProgress) => (this.progress = p)));
        await this.take(r.view, r.cancelled ? `Cancelled after ${r.done} blocks, at block ${r.view.block}.` : `At block ${r.view.block}.`);
      });
    } finally {
      this.progress = null;
    }
  }

  cancel(): void {
    void this.remote.chainCancel();
  }

  /** Time travel (latest wins: dragging the timeline only computes the last position asked for). */
  async seek(block: bigint): Promise<boolean> {
    try {
      this.busy = true;
      const v = await this.seekLatest(block);
      await this.take(v, `At block ${v.block}.`); // read-only, a block past the head stops at the head
      return true;
    } catch (e) {
      if (!(e instanceof SupersededError)) this.error = `Could not go to block ${block}: ${text(e)}`;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Applies an action at the cursor (a fork mode is needed in the past). On refusal `actionError` has the chain's error. */
  async apply(action: ActionJson, fork?: ForkMode): Promise<boolean> {
    let ok = false;
    await this.attempt('The action could not be applied', async () => {
      const r = await this.remote.chainApply(action, fork);
      this.actionError = r.ok ? '' : r.message;
      ok = r.ok;
      await this.take(r.view, r.ok ? `${action.op} applied at block ${r.view.block}.` : undefined);
      if (r.ok && fork) this.chains = await this.remote.chainList();
    });
    return ok;
  }

  fork(mode: ForkMode): Promise<boolean> {
    return this.chainOp('Could not fork', () => this.remote.chainFork(mode), (v) => (mode.mode === 'truncate' ? `Discarded the blocks after ${v.block}.` : `Continuing in “${v.chain.name}”.`));
  }

  /** Saves what is buffered now (the page calls it when hidden). */
  flush(): Promise<boolean> {
    return this.remote.chainFlush().catch(() => false);
  }

  dismissFault(): void {
    this.fault = null;
  }

  private async chainOp(context: string, call: () => Promise<ChainView>, done: (v: ChainView) => string): Promise<boolean> {
    return this.attempt(context, async () => {
      const v = await call();
      this.chains = await this.remote.chainList();
      await this.take(v, done(v));
    });
  }

  private async attempt(context: string, work: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = '';
    try {
      await work();
      return true;
    } catch (e) {
      this.error = `${context}: ${text(e)}`;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Every view from the worker: replace it and bring the epoch results up to its head. */
  private async take(v: ChainView, status?: string): Promise<void> {
    this.view = v;
    keepTabChain(v.chain.id, v.block);
    if (!v.subnets.some((s) => s.netuid === this.netuid) && v.subnets.length > 0) this.netuid = v.subnets[0].netuid;
    if (status) this.status = status;
    const known = this.epochsOf;
    if (known.chainId !== v.chain.id || known.revision !== v.revision || v.head < known.to) {
      this.epochs = await this.remote.chainEpochs({ to: v.head });
    } else if (v.head > known.to) {
      const more = await this.remote.chainEpochs({ from: known.to + 1n, to: v.head });
      if (more.length > 0) this.epochs = [...this.epochs, ...more];
    }
    this.epochsOf = { chainId: v.chain.id, revision: v.revision, to: v.head };
  }
}
