// The engine's one door: what the worker exposes and the client calls. A plain object factory,
// so tests can call it directly in node. Knows nothing of comlink, workers, the DOM or the UI.
import type { EpochEngine, EpochInput, EpochOutput } from '../model/epoch.ts';
import type { SessionEdit } from './session-doc.ts';
import type { DraftSlot, DraftStore } from '../persist/index.ts';
import { Session, type InspectView, type RunProgress, type SessionView } from './session.ts';
import { sessionResultsCsv } from './session-csv.ts';
import { createWasmEngine } from './wasm-epoch.ts';

export type { NeuronMeta, Role, SessionEdit } from './session-doc.ts';
export type { Csr, CsrRaw, EditorState, EpochSummary, PackedIntermediates } from './session-pack.ts';
export type { InspectView, RunProgress, SessionView } from './session.ts';

/** The remote contract. Values cross the worker boundary by structured clone (bigint and typed arrays included). */
export interface EngineApi {
  /** Runs one epoch; pure (same input, same output). `intermediates` adds every spec §4 step to the output. */
  runEpoch(input: EpochInput, options?: { intermediates?: boolean }): Promise<EpochOutput>;
  /** The engine's name, for display and for keying cached results. */
  version(): Promise<string>;
  /** Session: replaces the subnet with a yuma-trace/1 text (undoable after the first load). */
  load(text: string, label: string): Promise<SessionView>;
  /** Session: one edit at the timeline cursor (forks when the cursor is in the past). */
  edit(edit: SessionEdit): Promise<SessionView>;
  /** Session: moves `count` epochs on, computing new ones past the end; `onProgress` at most every 100 ms. */
  run(count: number, onProgress?: (p: RunProgress) => void): Promise<SessionView>;
  /** Session: stops a running `run` after its current epoch. Never queued behind it. */
  cancel(): Promise<void>;
  undo(): Promise<SessionView>;
  redo(): Promise<SessionView>;
  /** Session: timeline scrub to epoch k (0 = the starting state). */
  jump(epoch: number): Promise<SessionView>;
  /** Session: epoch k (1-based) re-run with every intermediate. */
  inspect(epoch: number): Promise<InspectView>;
  /** Session: every epoch's results as CSV (one row per epoch and uid, exact integers). */
  exportCsv(): Promise<string>;
  /** Session: the subnet as a yuma-trace/1 text (labels under `playground`). */
  exportTrace(): Promise<string>;
  /**
   * Draft: the subnet the user left (saved in IndexedDB after every change; 'previous' = the one a load replaced),
   * loaded through the one restore path at its timeline cursor; null when there is none or it no longer reads (then
   * nothing changes). The first call also arms saving: a page that never asks (an embed) never writes a draft.
   */
  restoreDraft(slot?: DraftSlot): Promise<SessionView | null>;
  /** Draft: the name and time of the subnet a load replaced, if one is kept. */
  previousDraft(): Promise<{ name: string; savedAt: number } | null>;
  /** Draft: saves the session now (the page calls it when hidden); false when it could not be written. */
  saveDraft(): Promise<boolean>;
  /** Session: the next view carries the whole history (after the page lost its copy). */
  resync(): Promise<SessionView>;
}

/**
 * Builds the API around a compiled engine module. `loadModule` runs once, on the first call (never at
 * import time, so the worker exposes the API before any await). A failed load is retried on the next call.
 * Session calls run one at a time in arrival order (a run yields between epochs, but only `cancel` gets in).
 */
export function makeEngineApi(
  loadModule: () => Promise<WebAssembly.Module>,
  createEngine: (module: WebAssembly.Module) => Promise<EpochEngine> = createWasmEngine,
  drafts?: DraftStore,
  draftDelayMs = 400,
): EngineApi {
  let engine: Promise<EpochEngine> | undefined;
  const get = () =>
    (engine ??= loadModule()
      .then(createEngine)
      .catch((e: unknown) => {
        engine = undefined;
        throw e;
      }));
  let session: Session | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: (s: Session) => T | Promise<T>): Promise<T> => {
    const result = queue.then(async () => {
      if (!session) throw new Error('no subnet loaded yet');
      return fn(session);
    });
    queue = result.catch(() => undefined);
    return result;
  };
  // The draft follows the session once the page armed it (restoreDraft): a change schedules one save shortly after, so
  // a burst of edits writes once. A load over a subnet the user worked on (edited, stepped: `touched`) rotates the
  // saved one to 'previous'; one still as it was loaded (a preset, a link) can be loaded again from where it came.
  let armed = false;
  let touched = false;
  let replaced = false;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = (): Promise<boolean> => {
    clearTimeout(draftTimer);
    draftTimer = undefined;
    if (!drafts || !armed || !session) return Promise.resolve(false);
    const rotate = replaced;
    replaced = false;
    return exclusive((s) => drafts.save({ text: s.exportText(), name: s.name, cursor: s.position, savedAt: Date.now() }, { rotate })).catch(() => false);
  };
  const changed = <T>(result: Promise<T>, kind: 'load' | 'work' | 'move' = 'work'): Promise<T> => {
    void result.then(() => {
      if (kind === 'load') { replaced ||= touched; touched = false; } else if (kind === 'work') touched = true;
      if (!drafts || !armed) return;
      clearTimeout(draftTimer);
      draftTimer = setTimeout(() => void saveNow(), draftDelayMs);
    }, () => undefined);
    return result;
  };
  return {
    async runEpoch(input, options) {
      return (await get()).runEpoch(input, options);
    },
    async version() {
      return (await get()).name;
    },
    async load(text, label) {
      const e = await get();
      const result = queue.then(() => {
        if (session) return session.load(text, label);
        session = new Session(e, text);
        return session.view(`Loaded ${label}.`);
      });
      queue = result.catch(() => undefined);
      return changed(result, 'load');
    },
    async restoreDraft(slot = 'current') {
      const e = await get();
      armed = true;
      const draft = await drafts?.load(slot);
      if (!draft) return null;
      const when = new Date(draft.savedAt).toLocaleString('en');
      const result = queue.then(() => {
        // On a fresh page the draft starts the session (it is where the user was, not a step of their history);
        // the previous draft comes back as an undoable load like any other subnet.
        const s = session ?? new Session(e, draft.text);
        if (s === session) s.load(draft.text, `“${draft.name}”`);
        session = s;
        s.jump(Math.min(Math.max(0, draft.cursor), s.position));
        // The page has seen none of these views: send it everything.
        return s.resync(`Reopened “${draft.name}” as you left it on ${when}.`);
      });
      queue = result.catch(() => undefined);
      // A draft that no longer reads (a newer format, damage) is skipped: nothing changes and the caller goes on.
      if (slot === 'current') void result.then(() => (touched = true), () => undefined); // the user's own work
      return (slot === 'previous' ? changed(result, 'load').then((v) => ((touched = true), v)) : result).catch(() => null);
    },
    async previousDraft() {
      const d = await drafts?.load('previous');
      return d ? { name: d.name, savedAt: d.savedAt } : null;
    },
    saveDraft: () => saveNow(),
    edit: (edit) => changed(exclusive((s) => s.edit(edit))),
    run: (count, onProgress) => changed(exclusive((s) => s.run(count, onProgress))),
    async cancel() {
      session?.cancel();
    },
    undo: () => changed(exclusive((s) => s.undo())),
    redo: () => changed(exclusive((s) => s.redo())),
    jump: (epoch) => changed(exclusive((s) => s.jump(epoch)), 'move'),
    inspect: (epoch) => exclusive((s) => s.inspect(epoch)),
    exportTrace: () => exclusive((s) => s.exportText()),
    exportCsv: async () => {
      const e = await get();
      return exclusive((s) => sessionResultsCsv(e, s.exportText()));
    },
    resync: () => exclusive((s) => s.resync()),
  };
}
