// The versions the compare view offers, as stable ids for pickers and links, and the CompareVersion each id
// stands for (web-default settings at one bonds penalty). Pure.
import type { SimVersion } from '../variants/sim-case.ts';
import type { ChainPath } from './case-to-trace.ts';
import { chainVersion, variantVersion } from './presets.ts';
import type { CompareVersion } from './versions.ts';

export interface VersionChoice { id: string; label: string; group: 'chain' | 'research' }

const CHAIN: [ChainPath, string][] = [['yuma1', 'Yuma 1/2'], ['yuma3', 'Yuma 3'], ['yuma3-liquid', 'Yuma 3 + liquid alpha']];
const VARIANTS: SimVersion[] = ['YUMA1', 'YUMA2', 'YUMA2A', 'YUMA2B', 'YUMA2C', 'YUMA3', 'YUMA3_LIQUID'];

/** Chain paths (exact, and the f64 twin for contrast) first, then the research variants (interactive flavour). */
export const VERSION_CHOICES: VersionChoice[] = [
  ...CHAIN.map(([path, name]): VersionChoice => ({ id: `chain:${path}`, label: `${name} — chain, exact`, group: 'chain' })),
  ...CHAIN.map(([path, name]): VersionChoice => ({ id: `twin:${path}`, label: `${name} — chain, f64 twin`, group: 'chain' })),
  ...VARIANTS.map((v): VersionChoice => ({ id: `variant:${v}`, label: `${v} — research (float64)`, group: 'research' })),
];

/** The version an id stands for; throws for an unknown id. */
export function versionOf(id: string, bondPenalty = 1): CompareVersion {
  const [kind, name] = id.split(':');
  if ((kind === 'chain' || kind === 'twin') && CHAIN.some(([p]) => p === name)) return chainVersion(name as ChainPath, kind === 'chain' ? 'exact' : 'float', bondPenalty);
  if (kind === 'variant' && VARIANTS.includes(name as SimVersion)) return variantVersion(name as SimVersion, bondPenalty);
  throw new Error(`unknown version ${id}`);
}

/** The chain path of a chain or twin id (null for a research variant). */
export function chainPathOf(id: string): ChainPath | null {
  const [kind, name] = id.split(':');
  return kind === 'chain' || kind === 'twin' ? (name as ChainPath) : null;
}
