// The chain view's address hash: a share link (`#v1/…`, opened as a new saved chain) or a gallery preset
// (`#preset/<id>`, created from the shipped preset). Both leave the address once acted on, so a reload resumes the
// saved chain instead of making another copy. Also the gallery's list of chain presets, which link here.
import { isShareHash } from '../model/share.ts';
import type { ChainPlayground } from './chain.svelte.ts';
import type { Share } from './share.svelte.ts';

/** What the chain view's hash asks for: nothing, a share link, or a gallery preset by id. */
export type ChainRoute = { kind: 'none' } | { kind: 'share' } | { kind: 'preset'; id: string };

/** What a hash asks the chain view for. */
export function parseChainRoute(hash: string): ChainRoute {
  if (isShareHash(hash)) return { kind: 'share' };
  const m = /^#preset\/([a-z0-9-]{1,64})$/.exec(hash);
  return m ? { kind: 'preset', id: m[1] } : { kind: 'none' };
}

/** A shipped chain preset as the gallery lists it. */
export interface ChainPresetCard {
  id: string;
  name: string;
  description: string;
  /** Where it opens: the chain view, which creates it as a new saved chain. */
  href: string;
}

/** The chain presets of spec/chain.md §5.8 (src/chain/presets), loaded on first use so the page's first bundle stays small. */
export async function chainPresetCards(): Promise<ChainPresetCard[]> {
  const { CHAIN_PRESETS } = await import('../chain/presets/index.ts');
  return Object.entries(CHAIN_PRESETS).map(([id, p]) => ({ id, name: p.doc.name, description: p.doc.description, href: chainPresetHref(id) }));
}

/** The chain view's address of a gallery preset (relative: keeps the page's sub-path). */
export function chainPresetHref(id: string): string {
  return `./?view=chain#preset/${id}`;
}

/** Acts on the hash once the chain engine has started (on load and on hashchange). */
export async function routeChain(
  chain: ChainPlayground,
  share: Share,
  host: { location: Pick<Location, 'hash' | 'pathname' | 'search'>; history: Pick<History, 'replaceState'> } = { location, history },
): Promise<void> {
  const r = parseChainRoute(host.location.hash);
  if (r.kind === 'share') await share.openFromHash();
  else if (r.kind === 'preset') {
    host.history.replaceState(null, '', host.location.pathname + host.location.search);
    await chain.create({ preset: r.id });
  }
}
