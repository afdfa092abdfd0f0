// The one place UI state lives: the session as the page sees it, the time controls, and what each view shows.
// Talks to the engine worker through engine/client.ts only; components read fields and call methods, nothing else.
import { createEngineClient, SupersededError, type EngineClient } from '../engine/client.ts';
import type { EditorState, EpochSummary, InspectView, NeuronMeta, SessionEdit, SessionView } from '../engine/client.ts';
import { PRESET_COPY, type PresetId } from '../copy/presets.ts';
import { presetTrace } from './presets.ts';
import { SPEEDS } from './speeds.ts';
import { restoreScenario } from '../model/scenario.ts';

export type { Csr, CsrRaw, EditorState, EpochSummary, InspectView, NeuronMeta, PackedIntermediates, Role, SessionEdit } from '../engine/client.ts';
export type Tab = 'subnet' | 'weights' | 'metagraph' | 'charts' | 'inspector';

const sameMeta = (a: readonly NeuronMeta[], b: readonly NeuronMeta[]) => a.length === b.length && a.every((m, i) => m.name === b[i].name && m.role === b[i].role);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export class Playground {
  name = $state('');
  n = $state(0);
  meta: NeuronMeta[] = $state.raw([]);
  epochs = $state(0);
  cursor = $state(0);
  raoEmission = $state(0n);
  keepAlive = $state(true);
  undoLabel: string | null = $state(null);
  redoLabel: string | null = $state(null);
  editor: EditorState | null = $state.raw(null);
  history: EpochSummary[] = $state.raw([]);
  inspected: InspectView | null = $state.raw(null);

  status = $state('Starting the engine…');
  error = $state('');
  ready = $state(false);
  progress: { done: number; total: number } | null = $state.raw(null);
  playing = $state(false);
  speedIndex = $state(3);
  preset: PresetId | 'file' = $state('four-by-four');
  tab: Tab = $state('metagraph');
  helpOpen = $state(false);
  engineName = $state('');

  /** The subnet a load replaced (kept as the 'previous' draft in IndexedDB), so one click brings it back. */
  previous: { name: string } | null = $state.raw(null);

  /** The summary of the epoch at the cursor (null at the starting state). */
  current = $derived(this.cursor > 0 ? (this.history[this.cursor - 1] ?? null) : null);
  busy = $derived(this.progress !== null);

  private client: EngineClient;

  constructor(client?: EngineClient) {
    this.client = client ?? createEngineClient((v) => this.take(v));
  }

  /**
   * Starts the engine and opens the subnet the user left on their last visit (the draft the worker keeps in IndexedDB
   * after every change), else `preset`. A share link or lesson in the address is opened after this, on top.
   */
  async start(preset: PresetId = 'four-by-four', options: { drafts?: boolean } = {}): Promise<void> {
    try {
      this.engineName = await this.client.version();
      // An embedded view (a blog's iframe) is not the user's work: it neither reopens nor writes the draft.
      const restored = options.drafts === false ? null : await this.client.restoreDraft().catch(() => null);
      if (options.drafts !== false) this.previous = await this.client.previousDraft().catch(() => null);
      if (restored) {
        this.preset = 'file';
        this.origin = 'Your subnet as you left it (kept in this browser after every change).';
        this.touched = true;
      } else await this.loadPreset(preset);
      this.ready = true;
    } catch (e) {
      this.fail(e, 'The engine could not start');
    }
  }

  async loadPreset(id: PresetId): Promise<void> {
    this.pause();
    const replacing = this.name;
    this.preset = id;
    if (await this.act(() => this.client.load(presetTrace(id), PRESET_COPY[id].name))) this.replaced(replacing);
  }

  /** After a load: the subnet it replaced becomes `previous` if the user had worked on it (as the worker keeps it). */
  private replaced(name: string): void {
    if (name && this.touched) this.previous = { name };
    this.touched = false;
  }

  /** Brings back the subnet the last load replaced (undoable, like any load); the current one becomes 'previous'. */
  async reopenPrevious(): Promise<boolean> {
    this.pause();
    const replacing = this.name;
    await this.client.saveDraft(); // a rotation still waiting for its debounce lands first
    const ok = await this.act(async () => {
      const view = await this.client.restoreDraft('previous');
      if (!view) throw new Error('it is no longer kept in this browser');
      return view;
    }, 'Could not reopen the previous subnet');
    if (ok) { this.preset = 'file'; this.origin = 'Reopened as you left it (kept in this browser).'; this.replaced(replacing); this.touched = true; }
    return ok;
  }

  /** A file the user picked: checked by the model's one restore path first, then loaded with its labels. */
  async importTrace(text: string, fileName: string): Promise<boolean> {
    this.pause();
    try {
      if (restoreScenario(text, fileName).kind === 'chain') throw new Error(`${fileName} holds a whole chain (yuma-chain/1): import it in the chain view.`);
    } catch (e) {
      this.fail(e, `Could not load ${fileName}`);
      return false;
    }
    return this.loadScenarioText(text, fileName, '');
  }

  // ── Issue 5 (share links, gallery, lessons): a subnet that came from somewhere other than the preset picker. ──
  /** Where the loaded subnet came from when it is not a preset (a link, the gallery, a lesson); '' for a file. */
  origin = $state('');

  /** Loads a yuma-trace/1 text already restored by the caller; the current subnet stays when it fails. */
  async loadScenarioText(text: string, label: string, origin: string): Promise<boolean> {
    this.pause();
    const replacing = this.name;
    const ok = await this.act(() => this.client.load(text, label), `Could not load ${label}`);
    if (ok) { this.preset = 'file'; this.origin = origin; this.replaced(replacing); }
    return ok;
  }
  // ── end issue 5 ──

  /** Saves the draft now: the page calls it when it is hidden, so a closed tab keeps its last change. */
  saveDraft(): Promise<boolean> {
    return this.client.saveDraft();
  }

  /** Every epoch's results as CSV (computed in the worker). */
  exportCsv(): Promise<string> {
    return this.client.exportCsv();
  }

  exportTrace(): Promise<string> {
    return this.client.exportTrace();
  }

  edit(edit: SessionEdit): Promise<boolean> {
    return this.work(() => this.client.edit(edit));
  }

  setWeights(uid: number, uids: number[], values: number[]) {
    return this.edit({ op: 'set_weights', uid, uids, values });
  }

  /** Step forward one epoch: moves along the timeline, or computes a new epoch at its end. */
  step(): Promise<boolean> {
    return this.work(() => this.client.run(1));
  }

  back(): Promise<boolean> {
    return this.jump(this.cursor - 1);
  }

  async jump(k: number): Promise<boolean> {
    if (k < 0 || k > this.epochs) return false;
    try {
      await this.client.jump(k);
      return true;
    } catch (e) {
      if (!(e instanceof SupersededError)) this.fail(e);
      return false;
    }
  }

  /** Runs `count` epochs with a progress bar; `cancel()` stops it and keeps the epochs already done. */
  async run(count: number): Promise<boolean> {
    this.pause();
    this.progress = { done: 0, total: count };
    try {
      return await this.work(() => this.client.run(count, (p) => (this.progress = { done: p.done, total: p.total })));
    } finally {
      this.progress = null;
    }
  }

  cancel(): void {
    void this.client.cancel();
  }

  undo = () => this.work(() => this.client.undo());
  redo = () => this.work(() => this.client.redo());

  togglePlay(): void {
    if (this.playing) this.pause();
    else void this.play();
  }

  pause(): void {
    this.playing = false;
  }

  /**
   * One epoch per tick at the chosen speed. At the top speed epochs go in batches sized so one batch takes about
   * 150 ms of worker time: the page redraws a few times a second instead of every epoch, which keeps the main thread
   * mostly idle (and every task short) while the worker runs flat out. Stops on pause or error.
   */
  async play(): Promise<void> {
    if (this.playing || this.busy) return;
    this.playing = true;
    this.status = 'Playing…';
    let batch = 1;
    while (this.playing) {
      const started = performance.now();
      const top = SPEEDS[this.speedIndex].perSecond === Infinity;
      const count = top ? batch : 1;
      if (!(await this.work(() => this.client.run(count)))) break;
      const spent = performance.now() - started;
      if (top) {
        batch = Math.min(50, Math.max(1, Math.round((count * 150) / Math.max(spent, 1))));
        await frame();
        await sleep(30);
      } else await sleep(Math.max(0, 1000 / SPEEDS[this.speedIndex].perSecond - spent));
    }
    this.playing = false;
    // Only if nothing else (a preset load, an edit) has written the status since the last epoch of this loop.
    if (!this.error && this.status === 'Playing…') this.status = `Paused at epoch ${this.cursor}.`;
  }

  /** Fetches epoch k laid open for the inspector (latest wins: scrubbing fast only fetches the last one). */
  async inspect(k: number): Promise<void> {
    if (k < 1 || k > this.epochs) { this.inspected = null; return; }
    try {
      this.inspected = await this.client.inspect(k);
    } catch (e) {
      if (!(e instanceof SupersededError)) this.fail(e);
    }
  }

  /** Whether the user changed this subnet since it was loaded (then a load over it keeps it as `previous`). */
  private touched = false;

  /** act() for the user's own work on the subnet (edits, epochs, undo): marks it touched. */
  private async work(call: () => Promise<SessionView>): Promise<boolean> {
    const ok = await this.act(call);
    if (ok) this.touched = true;
    return ok;
  }

  private async act(call: () => Promise<SessionView>, context = 'That did not work'): Promise<boolean> {
    try {
      this.error = '';
      await call();
      return true;
    } catch (e) {
      this.fail(e, context);
      return false;
    }
  }

  private fail(e: unknown, context = 'That did not work'): void {
    this.playing = false;
    const message = e instanceof Error ? e.message : String(e);
    this.error = `${context}: ${message}`;
    this.status = 'Stopped: see the message below.';
  }

  /** Every view from the worker, in order: patch the history and replace what changed. */
  private take(v: SessionView): void {
    const { keep, append } = v.history;
    if (keep !== this.history.length || append.length > 0) this.history = [...this.history.slice(0, keep), ...append];
    this.name = v.name;
    this.n = v.n;
    if (!sameMeta(this.meta, v.meta)) this.meta = v.meta; // unchanged labels keep their identity: nothing re-derives
    this.epochs = v.epochs;
    this.cursor = v.cursor;
    this.raoEmission = v.raoEmission;
    this.keepAlive = v.keepAlive;
    this.undoLabel = v.undo;
    this.redoLabel = v.redo;
    const weights = v.editor.weights ?? this.editor?.weights;
    if (weights) this.editor = { ...v.editor, weights };
    if (v.message) this.status = v.message;
    else if (!this.playing) this.status = v.cursor === 0 ? 'Starting state: no epoch yet.' : `Epoch ${v.cursor} of ${v.epochs}, block ${this.history[v.cursor - 1]?.block ?? v.editor.block}.`;
  }
}
