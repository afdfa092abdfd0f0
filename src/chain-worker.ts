// TEMPORARY worker for chain.html (see src/chain-main.ts): the chain API alone. engine/worker.ts takes this over.
import * as Comlink from 'comlink';
import wasmUrl from './generated/engine.wasm?url';
import { makeChainApi } from './engine/chain-api.ts';

async function compileWasm(url: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`engine: ${url} answered HTTP ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

Comlink.expose(makeChainApi({ loadModule: () => compileWasm(wasmUrl) }));
