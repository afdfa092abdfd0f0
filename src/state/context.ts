// Typed context for the one Playground instance (svelte.dev REPL style): App sets it, components get it.
import { getContext, setContext } from 'svelte';
import type { Playground } from './playground.svelte.ts';

const KEY = Symbol('playground');

export const setPlayground = (pg: Playground): Playground => setContext(KEY, pg);
export const usePlayground = (): Playground => getContext<Playground>(KEY);
