// Embed mode (`?embed`, optionally `&view=metagraph|charts|inspector|weights`): one view without the page's chrome.
import type { Tab } from '../../state/playground.svelte.ts';

const VIEWS: readonly Tab[] = ['metagraph', 'charts', 'inspector', 'weights'];

/** The view to embed, or null when the page is not embedded. An unknown `view` falls back to the metagraph. */
export function embedView(search: string): Tab | null {
  const params = new URLSearchParams(search);
  if (!params.has('embed')) return null;
  const view = params.get('view') as Tab | null;
  return view && VIEWS.includes(view) ? view : 'metagraph';
}

/** The full page's URL for an embedded one: the same address without `embed` and `view`. */
export function fullPageUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('view');
  return url.href;
}
