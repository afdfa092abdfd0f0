// TEMPORARY entry (chain.html) that mounts the chain view alone, on its own worker (src/chain-worker.ts), until the
// lead mounts ChainView in App.svelte and spreads makeChainApi into engine/worker.ts; then delete all three files.
import * as Comlink from 'comlink';
import { mount } from 'svelte';
import type { ChainApi } from './engine/chain-api.ts';
import { ChainPlayground } from './state/chain.svelte.ts';
import ChainView from './ui/chain/ChainView.svelte';
import './ui/global.css';

const worker = new Worker(new URL('./chain-worker.ts', import.meta.url), { type: 'module', name: 'chain' });
const chain = new ChainPlayground(Comlink.wrap<ChainApi>(worker));
const dark = matchMedia('(prefers-color-scheme: dark)').matches;
mount(ChainView, { target: document.getElementById('app')!, props: { chain, dark } });
