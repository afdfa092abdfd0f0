// `npx tsx bench/chain-worker.ts [--runs N] [--blocks B] [--every K] [--seeks S]`: one simulated day (7 200 blocks) of
// 8 subnets × 256 uids (src/chain/presets/benchmark.ts) through the chain session API exactly as the worker runs it,
// persistence included (epoch records, a packed snapshot every K blocks, head and session, flushed to fake-indexeddb).
// Prints each run, the median wall time of the step (target < 3 s), then seek and reload times on the last chain.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { benchmarkScenario } from '../src/chain/presets/benchmark.ts';
import { makeChainApi, SNAPSHOT_EVERY, type ChainApi } from '../src/engine/chain-api.ts';
import { PAYLOAD_CHECKS } from '../src/engine/chain-records.ts';
import { openChainStore } from '../src/persist/open.ts';
import { median } from './timing.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 3);
const blocks = arg('--blocks', 7200);
const every = arg('--every', SNAPSHOT_EVERY);
const seeks = arg('--seeks', 12);

const asbuild = (await import(new URL('../scripts/asbuild.mjs', import.meta.url).href)) as { ensureWasm(o: { target: 'release'; quiet: boolean }): Promise<string> };
const module = await WebAssembly.compile(await readFile(await asbuild.ensureWasm({ target: 'release', quiet: true })));
const json = JSON.stringify(benchmarkScenario(8, 256, 64, blocks));

const apiOn = (db: string): ChainApi =>
  makeChainApi({ loadModule: async () => module, openStore: (onFault) => openChainStore({ name: db, checks: PAYLOAD_CHECKS, onFault }), snapshotEvery: every });

const times: number[] = [];
let api: ChainApi | undefined;
let db = '';
let hash = '';
for (let r = 0; r < runs; r++) {
  if (api) await api.chainClose();
  db = `bench-chain-${r}-${Date.now()}`;
  api = apiOn(db);
  await api.chainCreate({ json });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { view } = await api.chainStep({ blocks });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  times.push(seconds);
  hash = view.stateHash;
  const epochs = (await api.chainEpochs()).length;
  console.log(`run ${r + 1}: ${seconds.toFixed(3)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s CPU (${blocks} blocks, ${epochs} epochs saved, K = ${every}, unsaved: ${view.storage.unsaved}, state_hash ${hash})`);
}
console.log(`median: ${median(times).toFixed(3)} s wall for ${blocks} blocks of 8 subnets × 256 uids with persistence (target < 3 s)`);

// Seeks to spread-out blocks (deterministic), each from wherever the previous one left the cursor.
const seekMs: number[] = [];
let x = 12345;
for (let k = 0; k < seeks; k++) {
  x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  const target = BigInt(1 + (x % blocks));
  const t0 = performance.now();
  await api!.chainSeek(target);
  seekMs.push(performance.now() - t0);
}
console.log(`seek: median ${median(seekMs).toFixed(0)} ms, max ${Math.max(...seekMs).toFixed(0)} ms over ${seeks} seeks (view and state hash included)`);

await api!.chainSeek(BigInt(blocks));
await api!.chainClose();
const t0 = performance.now();
const resumed = await apiOn(db).chainResume();
console.log(`reload: ${(performance.now() - t0).toFixed(0)} ms to reopen at block ${resumed?.block} (same hash: ${resumed?.stateHash === hash})`);
