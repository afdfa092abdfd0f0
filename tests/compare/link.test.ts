import { describe, expect, it } from 'vitest';
import { compareQuery, readCompareQuery } from '../../src/compare/link.ts';
import { VERSION_CHOICES } from '../../src/compare/choices.ts';

const keys = ['kappa-moves-first', 'clipping-demo'];
const ids = VERSION_CHOICES.map((v) => v.id);

describe(readCompareQuery, () => {
  it('reads back exactly the choices compareQuery wrote', () => {
    const choices = { caseKey: 'clipping-demo', versionIds: [ids[0], ids[2], ids[3]], bondPenalty: 0.5, thresholdPct: 2.5 };
    expect(readCompareQuery(`?${compareQuery(choices)}`, keys)).toEqual(choices);
  });

  it('drops unknown cases, unknown or duplicate versions, and out-of-range numbers', () => {
    const got = readCompareQuery(`?case=nope&versions=${ids[0]},${ids[0]},evil&beta=7&threshold=NaN`, keys);
    expect(got).toEqual({});
  });

  it('keeps two to four versions only', () => {
    expect(readCompareQuery(`?versions=${ids.slice(0, 5).join(',')}`, keys).versionIds).toBeUndefined();
    expect(readCompareQuery(`?versions=${ids.slice(0, 2).join(',')}`, keys).versionIds).toEqual(ids.slice(0, 2));
  });
});
