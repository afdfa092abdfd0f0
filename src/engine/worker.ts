// Worker entry: wiring only. Compiles the release wasm lazily and exposes the engine API over comlink.
// The only module in the app that touches the wasm file; everything else goes through client.ts.
import * as Comlink from 'comlink';
import wasmUrl from '../generated/engine.wasm?url';
import { makeEngineApi } from './api.ts';

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

Comlink.expose(makeEngineApi(() => compileWasm(wasmUrl)));
