// The worker-side playground session: one subnet as a yuma-trace/1 document, its replayed epochs, the timeline
// cursor and undo/redo. Inputs, not outputs: results are a cache recomputed from the document. No DOM, no comlink.
import type { EpochEngine, EpochOutput } from '../model/epoch.ts';
import type { TraceStep } from '../model/trace.ts';
import { applyStep, epochInput, initialState, persistEpoch, type SubnetState } from '../model/trace-state.ts';
import { addNeuron, docFromText, docToJson, relabel, removeNeuron, type SessionDoc, type SessionEdit } from './session-doc.ts';
import { packEditor, packIntermediates, packSummary, type InspectView, type RunProgress, type SessionView } from './session-pack.ts';
import { checkEdit } from './session-check.ts';

export type { InspectView, RunProgress, SessionView } from './session-pack.ts';

interface Frame {
  id: number;
  stepIndex: number;
  raoEmission: bigint;
  /** The state the epoch read (shallow copy: rows are shared and never mutated). */
  before: SubnetState;
  output: EpochOutput;
}
interface Entry {
  doc: SessionDoc;
  cursor: number;
  label: string;
}

const UNDO_DEPTH = 200;
const snapshot = (s: SubnetState): SubnetState => ({
  ...s,
  hyperparameters: { ...s.hyperparameters },
  alphaStake: [...s.alphaStake],
  taoStake: [...s.taoStake],
  blockAtRegistration: [...s.blockAtRegistration],
  lastUpdate: [...s.lastUpdate],
  validatorPermit: [...s.validatorPermit],
  weights: [...s.weights],
  bonds: [...s.bonds],
  commitBlock: [...s.commitBlock],
});
const yieldToMessages = () => new Promise<void>((resolve) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
  ch.port2.postMessage(0);
});

export class Session {
  private doc: SessionDoc;
  private cursor = 0;
  private past: Entry[] = [];
  private future: Entry[] = [];
  private frames: Frame[] = [];
  private framesDoc: SessionDoc | null = null;
  private sentIds: number[] = [];
  private nextId = 1;
  private cancelled = false;
  private endCache: { doc: SessionDoc; state: SubnetState } | null = null;
  private sentWeights: SubnetState['weights'] | null = null;

  constructor(private readonly engine: EpochEngine, text: string) {
    this.doc = docFromText(text);
    this.cursor = this.compute().length;
  }

  /** The subnet's name, and the timeline cursor (epochs behind it; 0 = the starting state). */
  get name(): string { return this.doc.base.name; }
  get position(): number { return this.cursor; }

  /** Replaces the subnet with a trace text (undoable); the cursor goes to its last epoch. */
  load(text: string, label: string): SessionView {
    const doc = docFromText(text);
    this.commit(doc, `load ${label}`);
    this.cursor = this.compute().length;
    return this.view(`Loaded ${label}: ${this.frames.length} epochs.`);
  }

  /** Applies one edit at the cursor. Editing a past position forks: later epochs are dropped (undo restores them). */
  edit(e: SessionEdit): SessionView {
    checkEdit(this.doc, e);
    const doc = this.fork();
    const step = (s: TraceStep): SessionDoc => ({ ...doc, steps: [...doc.steps, s] });
    const label = (uid: number) => `${this.doc.meta[uid]?.name ?? 'uid'} (uid ${uid})`;
    let next: SessionDoc;
    let what: string;
    switch (e.op) {
      case 'set_weights': next = step({ block: null, ...e }); what = `set weights of ${label(e.uid)}`; break;
      case 'set_stake': next = step({ block: null, op: 'set_stake', uid: e.uid, alphaStake: e.alphaStake, taoStake: e.taoStake ?? null }); what = `set stake of ${label(e.uid)}`; break;
      case 'set_hyperparameter': next = step({ block: null, ...e }); what = `set ${Object.keys(e.values).join(', ')}`; break;
      case 'set_last_update': next = step({ block: null, ...e }); what = `set last update of ${label(e.uid)}`; break;
      case 'reset_bonds': next = step({ block: null, ...e }); what = `reset bonds to ${label(e.uid)}`; break;
      case 'register':
        next = { ...step({ block: null, op: 'replace_neuron', uid: e.uid, newAlphaStake: e.alphaStake }), meta: relabel(doc.meta, e.uid, { name: e.name }) };
        what = `register ${e.name} at uid ${e.uid}`;
        break;
      case 'deregister':
        next = { ...step({ block: null, op: 'replace_neuron', uid: e.uid, newAlphaStake: 0n }), meta: relabel(doc.meta, e.uid, { name: `empty ${e.uid}` }) };
        what = `deregister ${label(e.uid)}`;
        break;
      case 'add_neuron': next = addNeuron(doc, { name: e.name, role: e.role }, this.state(doc).block, e.alphaStake); what = `add ${e.role} ${e.name}`; break;
      case 'remove_neuron': next = removeNeuron(this.doc, e.uid); what = `remove ${label(e.uid)}`; break;
      case 'rename': next = { ...this.doc, meta: relabel(this.doc.meta, e.uid, { name: e.name }) }; what = `rename uid ${e.uid} to ${e.name}`; break;
      case 'set_role': next = { ...this.doc, meta: relabel(this.doc.meta, e.uid, { role: e.role }) }; what = `make ${label(e.uid)} a ${e.role}`; break;
      case 'set_emission': next = { ...this.doc, raoEmission: e.raoEmission }; what = 'set the emission per epoch'; break;
      case 'set_keep_alive': next = { ...this.doc, keepAlive: e.keepAlive }; what = `${e.keepAlive ? 'keep' : 'stop'} validators setting weights every epoch`; break;
    }
    const keepCursor = e.op === 'rename' || e.op === 'set_role' || e.op === 'set_emission' || e.op === 'set_keep_alive';
    const cursor = this.cursor;
    const dropped = this.frames.length - this.cursor;
    this.commit(next, what);
    this.cursor = keepCursor ? cursor : this.compute().length;
    return this.view(`Done: ${what}.${!keepCursor && dropped > 0 ? ` Forked at epoch ${cursor}: ${dropped} later epochs dropped (z undoes).` : ''}`);
  }

  /**
   * Moves the cursor `count` epochs on; past the last epoch, appends and computes new epoch steps (one block tempo
   * apart). Yields between epochs so `cancel()` can arrive; a cancelled run keeps the epochs it finished.
   */
  async run(count: number, onProgress?: (p: RunProgress) => void): Promise<SessionView> {
    this.cancelled = false;
    const target = this.cursor + Math.max(0, Math.floor(count));
    const have = this.compute().length;
    const total = Math.max(0, target - have);
    if (total === 0) {
      this.cursor = target;
      return this.view('');
    }
    const start = this.doc;
    const state = this.state(start);
    let steps = [...start.steps];
    let lastYield = performance.now();
    let lastReport = 0;
    let done = 0;
    while (done < total && !this.cancelled) {
      const block = state.block + BigInt(Math.max(1, state.hyperparameters.tempo));
      state.block = block;
      if (start.keepAlive) {
        for (let uid = 0; uid < state.n; uid++) {
          if (state.weights[uid].length === 0) continue;
          const step: TraceStep = { block, op: 'set_last_update', uid, value: block };
          steps.push(step);
          applyStep(state, step, this.engine);
        }
      }
      steps.push({ block, op: 'epoch', raoEmission: start.raoEmission });
      const before = snapshot(state);
      const output = this.engine.runEpoch(epochInput(state, start.raoEmission));
      persistEpoch(state, output);
      this.frames.push({ id: this.nextId++, stepIndex: steps.length - 1, raoEmission: start.raoEmission, before, output });
      done++;
      const now = performance.now();
      if (onProgress && (now - lastReport > 100 || done === total)) { onProgress({ done, total, block }); lastReport = now; }
      if (now - lastYield > 25) { await yieldToMessages(); lastYield = performance.now(); }
    }
    if (done === 0) return this.view('Cancelled before the first epoch.');
    const next: SessionDoc = { ...start, steps };
    this.commit(next, done === 1 ? 'step one epoch' : `run ${done} epochs`, true);
    this.endCache = { doc: next, state };
    this.cursor = this.frames.length;
    return this.view(done < total ? `Cancelled after ${done} of ${total} epochs.` : '');
  }

  cancel(): void { this.cancelled = true; }
  undo = (): SessionView => this.travel(this.past, this.future, 'Undid');
  redo = (): SessionView => this.travel(this.future, this.past, 'Redid');

  /** Timeline scrub: the cursor goes to epoch k (0 = before the first epoch); nothing is recomputed. */
  jump(k: number): SessionView {
    this.cursor = Math.min(Math.max(0, Math.floor(k)), this.compute().length);
    return this.view('');
  }

  /** Re-runs epoch k (1-based) with intermediates from its cached input state. */
  inspect(k: number): InspectView {
    const frames = this.compute();
    const f = frames[k - 1];
    if (!f) throw new Error(`no epoch ${k} in the timeline (it has ${frames.length})`);
    const output = this.engine.runEpoch(epochInput(f.before, f.raoEmission), { intermediates: true });
    return {
      epoch: k,
      block: f.before.block,
      n: f.before.n,
      hyperparameters: { ...f.before.hyperparameters },
      ownerUid: f.before.ownerUid,
      summary: packSummary(f.id, k, f.before, f.raoEmission, output),
      intermediates: packIntermediates(output.intermediates!),
    };
  }

  exportText = (): string => JSON.stringify(docToJson(this.doc));

  /** Forgets what the page holds, so the next view sends everything. */
  resync(message = ''): SessionView {
    this.sentIds = [];
    this.sentWeights = null;
    return this.view(message);
  }

  view(message: string): SessionView {
    const frames = this.compute();
    const ids = frames.map((f) => f.id);
    let keep = 0;
    while (keep < ids.length && keep < this.sentIds.length && ids[keep] === this.sentIds[keep]) keep++;
    const append = frames.slice(keep).map((f, k) => packSummary(f.id, keep + k + 1, f.before, f.raoEmission, f.output));
    this.sentIds = ids;
    const at = this.cursor < frames.length ? frames[this.cursor].before : this.state(this.doc);
    // Rows are never mutated: the same row references mean the same weights, so they are not sent again.
    const sameWeights = this.sentWeights?.length === at.weights.length && at.weights.every((row, i) => row === this.sentWeights![i]);
    this.sentWeights = [...at.weights];
    return {
      name: this.doc.base.name,
      n: this.doc.base.n,
      meta: this.doc.meta.map((m) => ({ ...m })),
      epochs: frames.length,
      cursor: this.cursor,
      raoEmission: this.doc.raoEmission,
      keepAlive: this.doc.keepAlive,
      undo: this.past.at(-1)?.label ?? null,
      redo: this.future.at(-1)?.label ?? null,
      editor: packEditor(at, !sameWeights),
      history: { keep, append },
      message,
    };
  }

  private travel(from: Entry[], to: Entry[], verb: string): SessionView {
    const entry = from.pop();
    if (!entry) return this.view(`Nothing to ${verb === 'Undid' ? 'undo' : 'redo'}.`);
    to.push({ doc: this.doc, cursor: this.cursor, label: entry.label });
    this.doc = entry.doc;
    this.cursor = Math.min(entry.cursor, this.compute().length);
    return this.view(`${verb}: ${entry.label}.`);
  }

  /** Makes `doc` current; the previous document goes on the undo stack with the label of the edit that replaces it. */
  private commit(doc: SessionDoc, label: string, framesAlreadyValid = false): void {
    this.past.push({ doc: this.doc, cursor: this.cursor, label });
    if (this.past.length > UNDO_DEPTH) this.past.shift();
    this.future = [];
    this.doc = doc;
    if (framesAlreadyValid) this.framesDoc = doc;
  }

  /** The current document cut at the cursor: steps from the epoch after the cursor on are dropped. */
  private fork(): SessionDoc {
    const frames = this.compute();
    if (this.cursor >= frames.length) return this.doc;
    return { ...this.doc, steps: this.doc.steps.slice(0, frames[this.cursor].stepIndex) };
  }

  /** Brings the epoch cache up to date with the document: keeps epochs whose steps are unchanged, replays the rest. */
  private compute(): Frame[] {
    const doc = this.doc;
    if (this.framesDoc === doc) return this.frames;
    const old = this.framesDoc;
    let same = 0;
    if (old && old.base === doc.base) while (same < old.steps.length && same < doc.steps.length && old.steps[same] === doc.steps[same]) same++;
    let keep = 0;
    while (keep < this.frames.length && this.frames[keep].stepIndex < same) keep++;
    this.frames.length = keep;
    const last = this.frames.at(-1);
    const state = last ? after(last) : initialState(doc.base);
    for (let i = last ? last.stepIndex + 1 : 0; i < doc.steps.length; i++) {
      const s = doc.steps[i];
      if (s.block !== null) state.block = s.block;
      if (s.op !== 'epoch') { applyStep(state, s, this.engine); continue; }
      const before = snapshot(state);
      const output = this.engine.runEpoch(epochInput(state, s.raoEmission));
      persistEpoch(state, output);
      this.frames.push({ id: this.nextId++, stepIndex: i, raoEmission: s.raoEmission, before, output });
    }
    this.framesDoc = doc;
    this.endCache = { doc, state };
    return this.frames;
  }

  /**
   * The state after every step of `doc` (what the next epoch would read), as a private copy. `doc` must be the
   * current document or a fork of it (a prefix of its steps), so the cached epochs before its end still apply.
   */
  private state(doc: SessionDoc): SubnetState {
    if (this.endCache?.doc === doc) return snapshot(this.endCache.state);
    const frames = this.compute();
    let k = frames.length;
    while (k > 0 && frames[k - 1].stepIndex >= doc.steps.length) k--;
    const usable = doc.base === this.doc.base && k > 0 && doc.steps[frames[k - 1].stepIndex] === this.doc.steps[frames[k - 1].stepIndex];
    const state = usable ? after(frames[k - 1]) : initialState(doc.base);
    for (let i = usable ? frames[k - 1].stepIndex + 1 : 0; i < doc.steps.length; i++) {
      const s = doc.steps[i];
      if (s.block !== null) state.block = s.block;
      if (s.op !== 'epoch') applyStep(state, s, this.engine);
      else persistEpoch(state, this.engine.runEpoch(epochInput(state, s.raoEmission)));
    }
    return state;
  }
}

/** The state right after frame `f`'s epoch persisted its bonds and permits. */
function after(f: Frame): SubnetState {
  const s = snapshot(f.before);
  persistEpoch(s, f.output);
  return s;
}
