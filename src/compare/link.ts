// The compare view's choices in the address (`?view=compare&case=…&versions=…&beta=…&threshold=…`), so a
// comparison is shareable as one link. Unknown or malformed values are dropped, never trusted.
import { VERSION_CHOICES } from './choices.ts';

export interface CompareChoices {
  caseKey: string;
  versionIds: string[];
  bondPenalty: number;
  thresholdPct: number;
}

/** The query string (without `?`) that reproduces `c`. */
export function compareQuery(c: CompareChoices): string {
  const q = new URLSearchParams({ view: 'compare', case: c.caseKey, versions: c.versionIds.join(','), beta: String(c.bondPenalty), threshold: String(c.thresholdPct) });
  return q.toString();
}

/** The valid choices found in `search`; absent or invalid ones are left out. Case keys are checked against `caseKeys`. */
export function readCompareQuery(search: string, caseKeys: readonly string[]): Partial<CompareChoices> {
  const q = new URLSearchParams(search);
  const out: Partial<CompareChoices> = {};
  const key = q.get('case');
  if (key !== null && caseKeys.includes(key)) out.caseKey = key;
  const known = new Set(VERSION_CHOICES.map((v) => v.id));
  const versions = (q.get('versions') ?? '').split(',').filter((v) => known.has(v));
  const unique = [...new Set(versions)];
  if (unique.length >= 2 && unique.length <= 4) out.versionIds = unique;
  const beta = Number(q.get('beta'));
  if (q.has('beta') && Number.isFinite(beta) && beta >= 0 && beta <= 1) out.bondPenalty = beta;
  const threshold = Number(q.get('threshold'));
  if (q.has('threshold') && Number.isFinite(threshold) && threshold >= 0 && threshold <= 100) out.thresholdPct = threshold;
  return out;
}
