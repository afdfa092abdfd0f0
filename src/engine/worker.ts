// Worker entry: wiring only. Compiles the release wasm lazily (once) and exposes the engine, chain and compare APIs
// over comlink. The page starts one worker per view, so a long chain run or sweep never stalls the subnet session.
// The only module in the app that touches the wasm file; everything else goes through client.ts.
import * as Comlink from 'comlink';
import wasmUrl from '../generated/engine.wasm?url';
import { makeEngineApi } from './api.ts';
import { makeChainApi } from './chain-api.ts';
import { makeCompareApi } from './compare-api.ts';
import { openDraftStore } from '../persist/index.ts';

/** Streams and compiles the module; falls back to a buffer for hosts that do not send application/wasm. */
async function compileWasm(url: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`engine: ${url} answered HTTP ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

let compiled: Promise<WebAssembly.Module> | undefined;
/** The compiled module, shared by the three APIs; a failed compile is retried on the next call. */
const loadModule = () =>
  (compiled ??= compileWasm(wasmUrl).catch((e: unknown) => {
    compiled = undefined;
    throw e;
  }));

// The subnet session's draft lives in IndexedDB (opened on first use, so the chain and compare workers never open it).
Comlink.expose({ ...makeEngineApi(loadModule, undefined, openDraftStore()), ...makeCompareApi({ loadModule }), ...makeChainApi({ loadModule }) });
