// The gallery's list: the 24 yuma-simulation cases (mapped to chain subnets by compare/case-to-trace.ts, the one
// case→trace mapping) and subtensor's small unit-test subnets (copy/gallery). Each entry opens as a yuma-trace/1 text.
import { caseToTraceDoc } from '../../compare/case-to-trace.ts';
import { chainVersion, loadSimCases, simCaseOf } from '../../compare/presets.ts';
import type { SimCaseJson } from '../../compare/sim-cases.ts';
import { SUBTENSOR_GALLERY } from '../../copy/gallery/index.ts';

export interface GalleryEntry {
  /** Stable id, used in `#gallery/<id>` links: `case-<n>` or the subtensor test name. */
  id: string;
  group: 'case' | 'subtensor';
  title: string;
  story: string;
  /** Where the subnet comes from, in a few words. */
  source: string;
  /** The yuma-trace/1 text to load. */
  text(): string;
}

/** The chain path gallery cases run on: Yuma 3 with the interactive simulator's defaults (κ 0.5, EMA 0.9). */
const CASE_VERSION = chainVersion('yuma3');

/** One yuma-simulation case as a chain subnet, with its validators' and servers' names as labels. */
export function caseText(json: SimCaseJson): string {
  const simCase = simCaseOf(json);
  const doc = caseToTraceDoc(simCase, CASE_VERSION.config, 'yuma3');
  const neurons = [...json.validators.map((name) => ({ name, role: 'validator' })), ...json.servers.map((name) => ({ name, role: 'miner' }))];
  return JSON.stringify({ ...doc, name: `Case ${json.number}: ${json.name}`, playground: { neurons } });
}

function caseEntry(json: SimCaseJson): GalleryEntry {
  const wta = json.winner_takes_all ? ' (The case’s winner-takes-all switch has no chain counterpart: weights go in as submitted.)' : '';
  return {
    id: `case-${json.number}`,
    group: 'case',
    title: `${json.number}. ${json.name}`,
    story: `${json.story ?? ''}${wta}`,
    source: `yuma-simulation case ${json.number}, ${json.validators.length} validators × ${json.servers.length} servers, ${json.num_epochs} epochs on Yuma 3`,
    text: () => caseText(json),
  };
}

/** Every gallery entry: the cases in their numbering, then the subtensor tests. The case data loads on first use. */
export async function galleryEntries(): Promise<GalleryEntry[]> {
  const cases = await loadSimCases();
  return [
    ...cases.map(caseEntry),
    ...SUBTENSOR_GALLERY.map((item): GalleryEntry => ({
      id: item.test,
      group: 'subtensor',
      title: item.test,
      story: item.story,
      source: 'subtensor tests/epoch.rs',
      text: () => item.text,
    })),
  ];
}
