// Shared fixtures of the chain session tests: the chain API in node on fake-indexeddb (a fresh database per test,
// reopenable by name), and straight runs of the same scenario with src/chain alone, to compare state hashes against.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { CHAIN_PRESETS, type ChainPresetId } from '../../src/chain/presets/index.ts';
import { loadChainEnginesNode } from '../../src/chain/node-math.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { runScenario } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import type { ChainEngines } from '../../src/chain/state.ts';
import { makeChainApi, type ChainApi, type ChainApiDeps, type FaultMessage } from '../../src/engine/chain-api.ts';
import { PAYLOAD_CHECKS, type SessionStore } from '../../src/engine/chain-records.ts';
import { openChainStore } from '../../src/persist/open.ts';

interface AsBuild {
  ensureWasm(options: { target?: 'release' | 'debug'; quiet?: boolean }): Promise<string>;
}

let module: Promise<WebAssembly.Module> | undefined;
/** The release build of assembly/, compiled once per test file. */
export function wasmModule(): Promise<WebAssembly.Module> {
  return (module ??= (async () => {
    const asbuild = (await import(new URL('../../scripts/asbuild.mjs', import.meta.url).href)) as AsBuild;
    return WebAssembly.compile(await readFile(await asbuild.ensureWasm({ target: 'release', quiet: true })));
  })());
}

let engines: Promise<ChainEngines> | undefined;
const nodeEngines = () => (engines ??= loadChainEnginesNode());

export const uniqueDb = (): string => `chain-session-${crypto.randomUUID()}`;

/** The chain API on database `db` (default: a fresh one), with its faults collected. */
export function chainApi(db = uniqueDb(), deps: Partial<ChainApiDeps> = {}): { api: ChainApi; db: string; faults: FaultMessage[]; store: () => SessionStore | undefined } {
  const faults: FaultMessage[] = [];
  let opened: SessionStore | undefined;
  const api = makeChainApi({
    loadModule: wasmModule,
    openStore: async (onFault) => (opened = await openChainStore({ name: db, checks: PAYLOAD_CHECKS, onFault })),
    snapshotEvery: 50,
    ...deps,
  });
  void api.chainOnFault((f) => faults.push(f));
  return { api, db, faults, store: () => opened };
}

export type Doc = Record<string, unknown>;

export const presetDoc = (id: ChainPresetId): Doc => structuredClone(CHAIN_PRESETS[id].doc) as Doc;

/** State hashes of a straight run of `doc` (src/chain only) after each block in `at`, keyed by block. */
export async function straightHashes(doc: Doc, at: bigint[]): Promise<Map<bigint, string>> {
  const scenario = parseScenario(JSON.stringify(doc));
  const wanted = new Set(at);
  const out = new Map<bigint, string>();
  const last = at.reduce((m, b) => (b > m ? b : m), scenario.startBlock);
  if (wanted.has(scenario.startBlock)) out.set(scenario.startBlock, stateHash(runScenario(scenario, await nodeEngines(), { blocks: 0 })));
  runScenario(scenario, await nodeEngines(), {
    blocks: Number(last - scenario.startBlock),
    onBlock: (report, state) => {
      if (wanted.has(report.block)) out.set(report.block, stateHash(state));
    },
  });
  return out;
}

/** The state hash of a straight run of `doc` after `blocks` blocks. */
export async function straightHash(doc: Doc, block: bigint): Promise<string> {
  return (await straightHashes(doc, [block])).get(block)!;
}

/** One subnet (netuid 1) with validators v1, v2 and miners m1, m2; commit-reveal off; 10 TAO for alice, bob, carol, dave. */
export function smallDoc(extraActions: Doc[] = []): Doc {
  return {
    format: 'yuma-chain/1',
    name: 'small',
    total_issuance: '10600000000000000',
    balances: { alice: '10000000000', bob: '10000000000', carol: '10000000000', dave: '10000000000' },
    root: { unmodelled_tao: '3000000000000000' },
    subnets: [{
      netuid: 1, owner_coldkey: 'alice', owner_hotkey: 'owner', tao_reserve: '1000000000000', alpha_in: '10000000000000', ema_price: '0.6',
      hyperparameters: { commit_reveal_weights_enabled: false, tempo: 360 },
      neurons: [
        { hotkey: 'owner', coldkey: 'alice' },
        { hotkey: 'v1', coldkey: 'bob', stake: '1000000000000', validator_permit: true, last_update: 1, weights: [[3, 65535], [4, 32768]] },
        { hotkey: 'v2', coldkey: 'carol', stake: '500000000000', validator_permit: true, last_update: 1, weights: [[3, 65535], [4, 32768]] },
        { hotkey: 'm1', coldkey: 'dave', last_update: 1 },
        { hotkey: 'm2', coldkey: 'erin', last_update: 1 },
      ],
    }],
    actions: extraActions,
  };
}
