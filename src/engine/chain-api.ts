// The chain view's door into the worker: saved chains (list, create, open, rename, delete), stepping with progress and
// cancel, user actions, time travel and forks, epoch results for charts. A plain factory whose methods the worker's API
// object spreads in ({ ...makeEngineApi(…), ...makeChainApi(…) }), so every name starts with `chain`; tests call it in
// node. The store is opened here, in the worker, on the first call; its faults reach the page without their `cause`.
// One writer per chain: the open chain's Web Lock is held here (chain-lock.ts); without it the session is read-only.
// The contract (ChainApi and its types) is chain-api-types.ts, re-exported here for the page.
import type { ChainAction } from '../chain/actions.ts';
import { CHAIN_PRESETS } from '../chain/presets/index.ts';
import type { ChainEngines } from '../chain/state.ts';
import { createWasmChainMath } from '../chain/wasm-chain-math.ts';
import { scenarioDocument, serializeScenario } from '../model/scenario.ts';
import { openChainStore, type ChainInfo, type EpochEntry, type PersistFault } from '../persist/index.ts';
import { platformLocks, type LockProvider } from './chain-lock.ts';
import { OpenChain } from './chain-open.ts';
import type { PackedChainState } from './chain-pack.ts';
import { PAYLOAD_CHECKS, type EpochRecord, type ScenarioDoc, type SessionStore } from './chain-records.ts';
import type { CancelToken, RunProgress } from './chain-run.ts';
import { chainScenarioOf, type ChainSession, type ActionJson, type ActionOutcome, type ForkMode, type StepTarget } from './chain-session.ts';
import type { ChainView } from './chain-view.ts';
import { createWasmEngine } from './wasm-epoch.ts';

export type { ActionJson, ActionOutcome, ChainView, EpochEntry, EpochRecord, ForkMode, RunProgress, StepTarget };
export type { HyperparameterView, LastBlock, LoggedActionView, NeuronView, SubnetView } from './chain-view.ts';
export type { EpochFlows } from './chain-records.ts';
export type { ApplyResult, ChainApi, ChainListEntry, ChainPresetInfo, ChainSource, FaultMessage, StepResult } from './chain-api-types.ts';
import type { ChainApi, ChainListEntry, FaultMessage } from './chain-api-types.ts';

/**
 * K, blocks between snapshots. Measured with bench/chain-worker.ts (one day of 8 subnets × 256 uids, fake-indexeddb):
 * a snapshot costs ≈ 20 ms (pack + two clones), restoring one ≈ 15–25 ms, replay ≈ 0.2 ms a block, and the view's
 * state hash ≈ 110 ms. K = 100 / 250 / 1000 gave runs of 3.0 / 2.2 / 1.7 s (1.6 s without persistence) and seeks of
 * median 150 / 195 / 335 ms; 250 keeps the day under 3 s and seeks near 0.2 s (0.35 s worst seen). Small chains seek in ms.
 */
export const SNAPSHOT_EVERY = 250;


export interface ChainApiDeps {
  loadModule: () => Promise<WebAssembly.Module>;
  /** Opens the store; default IndexedDB (memory fallback) with the chain payload checks. */
  openStore?: (onFault: (fault: PersistFault) => void) => Promise<SessionStore>;
  createEngines?: (module: WebAssembly.Module) => Promise<ChainEngines>;
  snapshotEvery?: number;
  /** Web Locks for one writer per chain; default `navigator.locks`, or in node (no tabs) a provider that always grants. */
  locks?: LockProvider;
}

const defaultEngines = async (module: WebAssembly.Module): Promise<ChainEngines> => {
  const [epoch, math] = await Promise.all([createWasmEngine(module), createWasmChainMath(module)]);
  return { epoch, math };
};

const listEntry = (info: ChainInfo, openId: string | undefined): ChainListEntry => ({
  id: info.id, name: info.name, createdAt: info.createdAt, updatedAt: info.updatedAt, headBlock: info.headBlock ?? null,
  forkedFrom: info.forkedFrom ? { chainId: info.forkedFrom.chainId, block: info.forkedFrom.block } : null, open: info.id === openId,
});

/** Builds the chain API; `loadModule` and the store open on the first call (a failed load is retried on the next). */
export function makeChainApi(deps: ChainApiDeps): ChainApi {
  const faults: FaultMessage[] = [];
  let listener: ((f: FaultMessage) => void) | undefined;
  const forward = (f: PersistFault) => {
    const plain: FaultMessage = { kind: f.kind, message: f.message, ...(f.record && { record: { ...f.record } }) };
    if (listener) void Promise.resolve(listener(plain)).catch(() => undefined);
    else faults.push(plain);
  };
  const openStore = deps.openStore ?? ((onFault) => openChainStore<ScenarioDoc, ChainAction, PackedChainState, EpochRecord>({ checks: PAYLOAD_CHECKS, onFault }));
  let ready: Promise<{ store: SessionStore; engines: ChainEngines }> | undefined;
  const get = () =>
    (ready ??= Promise.all([openStore(forward), deps.loadModule().then(deps.createEngines ?? defaultEngines)])
      .then(([store, engines]) => ({ store, engines }))
      .catch((e: unknown) => {
        ready = undefined;
        throw e;
      }));
  const running = new Set<CancelToken>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Calls run one at a time in arrival order; a run yields between blocks, but only chainCancel gets in. */
  const exclusive = <T>(fn: (ctx: { store: SessionStore; engines: ChainEngines; token: CancelToken }) => Promise<T>): Promise<T> => {
    const result = queue.then(async () => {
      const token = { cancelled: false };
      running.add(token);
      try {
        return await fn({ ...(await get()), token });
      } finally {
        running.delete(token);
      }
    });
    queue = result.catch(() => undefined);
    return result;
  };
  const options = (store: SessionStore, engines: ChainEngines) => ({ store, engines, snapshotEvery: deps.snapshotEvery ?? SNAPSHOT_EVERY });
  const own = new OpenChain(deps.locks ?? platformLocks(), options, exclusive);
  const open = () => own.get();
  const saved = async (s: ChainSession) => {
    await s.save();
    return s.view();
  };
  const list = async (store: SessionStore) => (await store.listChains()).map((c) => listEntry(c, own.session?.chainId));
  const uniqueName = async (store: SessionStore, wanted: string) => {
    const base = wanted.trim() || 'chain';
    let name = base;
    for (let k = 2; await store.findChain(name); k++) name = `${base} (${k})`;
    return name;
  };

  return {
    chainPresets: async () => Object.entries(CHAIN_PRESETS).map(([id, p]) => ({ id, name: p.doc.name, description: p.doc.description })),
    chainList: () => exclusive(({ store }) => list(store)),
    chainCreate: (source, name) =>
      exclusive(async ({ store, engines, token }) => {
        let doc: unknown;
        if ('preset' in source) {
          const preset = (CHAIN_PRESETS as Record<string, { doc: unknown }>)[source.preset];
          if (!preset) throw new Error(`There is no chain preset “${source.preset}”.`);
          doc = preset.doc;
        } else doc = source.json;
        const scenario = chainScenarioOf(doc, 'label' in source ? source.label : undefined);
        const chosen = name === undefined ? await uniqueName(store, scenario.name) : name.trim();
        if (name !== undefined && (await store.findChain(chosen))) throw new Error(`A chain named “${chosen}” already exists.`);
        const stored = scenarioDocument({ kind: 'chain', chain: scenario }) as ScenarioDoc;
        const info = await store.createChain(chosen, stored);
        return saved(await own.open({ store, engines }, info.id, { token, scenario }));
      }),
    chainOpen: (chainId, block) => exclusive(async (ctx) => saved(await own.open(ctx, chainId, { block, token: ctx.token }))),
    chainResume: (prefer) =>
      exclusive(async ({ store, engines, token }) => {
        const last = (prefer && (await store.getChain(prefer.chainId)) ? prefer : undefined) ?? (await store.getLastSession());
        const chain = last && (await store.getChain(last.chainId));
        if (!last || !chain) return null;
        return saved(await own.open({ store, engines }, chain.id, { block: last.block, token }));
      }),
    chainRename: (chainId, name) =>
      exclusive(async ({ store }) => {
        const wanted = name.trim();
        const { chain, lock } = await own.guard(store, chainId, 'rename');
        try {
          if (wanted === chain.name) return list(store);
          if (!wanted) throw new Error('A chain needs a name.');
          if (await store.findChain(wanted)) throw new Error(`A chain named “${wanted}” already exists.`);
          // The store has no rename: copy the whole chain under the new name, then delete the old one.
          await store.flush();
          const copy = await store.forkAs(chainId, BigInt(Number.MAX_SAFE_INTEGER), wanted);
          await store.deleteChain(chainId);
          const s = own.session;
          if (s?.chainId === chainId) {
            await s.moved(copy);
            await own.follow();
            await s.save();
          }
          return list(store);
        } finally {
          own.release(lock);
        }
      }),
    chainDelete: (chainId) =>
      exclusive(async ({ store }) => {
        const { lock } = await own.guard(store, chainId, 'delete');
        await store.deleteChain(chainId).finally(() => own.release(lock));
        if (own.session?.chainId === chainId) own.close(); // after: a tab waiting for its lock finds it gone
        return list(store);
      }),
    chainView: () => exclusive(async () => (own.session ? own.session.view() : null)),
    chainStep: (target, onProgress) =>
      exclusive(async (ctx) => {
        const { token } = ctx;
        const s = await own.writable(ctx);
        const report = onProgress ? (p: RunProgress) => void Promise.resolve(onProgress(p)).catch(() => undefined) : undefined;
        const { done, cancelled } = await s.step(target, { token, onProgress: report });
        return { view: await saved(s), done, cancelled };
      }),
    chainCancel: async () => {
      for (const t of running) t.cancelled = true;
    },
    chainSeek: (block) =>
      exclusive(async ({ token }) => {
        const s = open();
        await s.seek(block, token);
        return saved(s);
      }),
    chainApply: (action, fork) =>
      exclusive(async (ctx) => {
        const s = await own.writable(ctx);
        const outcome = await s.apply(action, fork?.mode === 'new-chain' ? { mode: 'new-chain', name: fork.name.trim() } : fork);
        await own.follow();
        return { ...outcome, view: outcome.ok ? await saved(s) : await s.view() };
      }),
    chainFork: (mode) =>
      exclusive(async (ctx) => {
        const s = await own.writable(ctx);
        if (mode.mode === 'new-chain' && (await ctx.store.findChain(mode.name.trim()))) throw new Error(`A chain named “${mode.name.trim()}” already exists.`);
        await s.fork(mode.mode === 'new-chain' ? { mode: 'new-chain', name: mode.name.trim() } : mode);
        await own.follow();
        return saved(s);
      }),
    chainCopy: (name) =>
      exclusive(async (ctx) => {
        const s = open();
        const chosen = name?.trim() || (await uniqueName(ctx.store, `${s.name} (copy)`));
        if (await ctx.store.findChain(chosen)) throw new Error(`A chain named “${chosen}” already exists.`);
        await ctx.store.flush();
        // Everything saved up to the head the writing tab has reached (read now: this tab's may be behind).
        const copy = await ctx.store.forkAs(s.chainId, (await ctx.store.getChain(s.chainId))?.headBlock ?? s.block, chosen);
        return saved(await own.open(ctx, copy.id, { block: s.block, token: ctx.token }));
      }),
    chainEpochs: (query = {}) => exclusive(async () => open().epochs(query.from, query.to, query.netuid)),
    chainHash: () => exclusive(async () => open().stateHash()),
    chainExport: () => exclusive(async () => serializeScenario({ kind: 'chain', chain: await open().timeline() })),
    chainResultsCsv: () => exclusive(async () => open().resultsCsv()),
    chainFlush: () => exclusive(({ store }) => store.flush()),
    chainOnTakeover: async (l) => void (own.onTakeover = l),
    chainOnFault: async (l) => {
      listener = l;
      for (const f of faults.splice(0)) void Promise.resolve(l(f)).catch(() => undefined);
    },
    chainClose: () =>
      exclusive(async ({ store }) => {
        await own.session?.save();
        own.close();
        ready = undefined;
        await store.close();
      }),
  };
}
