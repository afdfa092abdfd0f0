// Which page view is open (`?view=chain`, `?view=compare`, else the subnet playground) and the state objects of
// the chain and compare views, each on a worker of its own. The UI reaches the engine only through here.
import { createChainRemote, createCompareClient } from '../engine/client.ts';
import { ChainPlayground } from './chain.svelte.ts';
import { CompareState } from './compare.svelte.ts';

export type PageView = 'subnet' | 'chain' | 'compare';

/** The view named by the address's `view` query parameter (the hash stays free for share links and lessons). */
export function pageViewOf(search: string): PageView {
  const view = new URLSearchParams(search).get('view');
  return view === 'chain' || view === 'compare' ? view : 'subnet';
}

/** The address of `view`, keeping the page's path (works under any sub-path). */
export function pageViewHref(view: PageView): string {
  return view === 'subnet' ? './' : `./?view=${view}`;
}

/** The chain view's state, on its own worker. */
export function createChainPlayground(): ChainPlayground {
  return new ChainPlayground(createChainRemote().remote);
}

/** The compare view's state, on its own worker; `subnetText` exports the playground's current subnet, if any. */
export function createCompareState(subnetText?: () => Promise<string>): CompareState {
  return new CompareState(createCompareClient(), subnetText);
}
