// Golden traces (subtensor's own epoch tests) replayed with the BigInt oracle: every epoch must equal `derived`
// exactly, every `asserted` check of the subtensor test must hold, and the epoch-log values must match intermediates.
import { describe, expect, it } from 'vitest';
import type { EpochIntermediates, SparseRowRaw } from '../../src/model/epoch.ts';
import { oracleEpoch } from '../../src/oracle/epoch.ts';
import { fromF32, safeDiv, toDisplay, u16ToFixed } from '../../src/oracle/fixed.ts';
import { oracleEngine } from '../../src/oracle/index.ts';
import { type ReplayedEpoch, derivedEpoch, loadTrace, replay, resultEpoch, traceNames } from './trace-replay.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The value of `field` for `uid` (or bond [i, j], absent = 0) in a result epoch. */
function valueAt(epoch: Json, field: string, uid: number | [number, number]): number | bigint | boolean {
  if (Array.isArray(uid)) return (epoch.bonds_u16_after[uid[0]] as [number, number][]).find(([j]) => j === uid[1])?.[1] ?? 0;
  const v = epoch[field][uid];
  return typeof v === 'string' ? BigInt(v) : v;
}

/** Checks one `asserted` record (golden/README.md "asserted"); log_substring records are checked separately. */
function checkAsserted(epochs: Json[], a: Json): void {
  const epoch = epochs[a.epoch];
  const where = `${a.field} epoch ${a.epoch} uid ${JSON.stringify(a.uid)}`;
  switch (a.compare) {
    case 'exact': {
      const v = valueAt(epoch, a.field, a.uid);
      expect(v, where).toEqual(typeof v === 'bigint' ? BigInt(a.expected) : a.expected);
      return;
    }
    case 'u16_proportion_abs': {
      const proportion = safeDiv(u16ToFixed(Number(valueAt(epoch, a.field, a.uid))), u16ToFixed(65535));
      expect(Math.abs(Number(proportion - fromF32(a.expected)) / 2 ** 32), where).toBeLessThanOrEqual(a.tolerance);
      return;
    }
    case 'relation': {
      const v = Number(valueAt(epoch, a.field, a.uid));
      const ref = typeof a.ref === 'number' ? a.ref : Number(valueAt(epochs[a.ref.epoch], a.field, a.ref.uid));
      const holds = { '>': v > ref, '>=': v >= ref, '<': v < ref, '<=': v <= ref, '==': v === ref }[a.op as string];
      expect(holds, `${where}: ${v} ${a.op} ${ref}`).toBe(true);
      return;
    }
    case 'equal_and_positive': {
      const values = (a.uid as number[]).map((u) => valueAt(epoch, a.field, u));
      expect(new Set(values.map(String)).size, where).toBe(1);
      expect(BigInt(values[0] as bigint) > 0n, where).toBe(true);
      return;
    }
    case 'sum_abs': {
      const total = (a.field as string[]).flatMap((f) => (epoch[f] as string[]).map(BigInt)).reduce((x, y) => x + y, 0n);
      expect(Math.abs(Number(total - BigInt(a.expected))), where).toBeLessThanOrEqual(a.tolerance);
      return;
    }
    default:
      throw new Error(`unknown compare rule ${a.compare}`);
  }
}

const vector = (values: bigint[]): string => `[${values.map(toDisplay).join(', ')}]`;
const matrix = (rows: SparseRowRaw[]): string =>
  `[${rows.map((row) => `[${row.map(([j, v]) => `(${j}, ${toDisplay(v)})`).join(', ')}]`).join(', ')}]`;

/** Epoch-log lines the oracle can print from its intermediates (run_epoch.rs log labels). */
const LOG_LINES: Record<string, (im: EpochIntermediates) => string> = {
  'Normalised Stake': (im) => vector(im.stake),
  validator_permits: (im) => `[${im.validatorPermit.join(', ')}]`,
  'Active Stake': (im) => vector(im.activeStake),
  'Weights (mask+norm)': (im) => matrix(im.weights),
  Consensus: (im) => vector(im.consensus),
  'Validator Trust': (im) => vector(im.validatorTrust),
  'ΔB (norm)': (im) => matrix(im.bondsDelta),
  Dividends: (im) => vector(im.dividends),
  'Normalized Validator Emission': (im) => vector(im.validatorShare),
  'Normalized Combined Emission': (im) => vector(im.combinedShare),
};

/** The log checks of a trace that name one of LOG_LINES, with the line the oracle prints for each. */
function logChecks(expected: Json, epochs: ReplayedEpoch[]): { expected: string; printed: string }[] {
  return expected.asserted
    .filter((a: Json) => a.compare === 'log_substring')
    .flatMap((a: Json) => {
      const label = Object.keys(LOG_LINES).find((l) => a.expected.startsWith(`${l}: `));
      return label ? [{ expected: a.expected, printed: `${label}: ${LOG_LINES[label](epochs[a.epoch].output.intermediates!)}` }] : [];
    });
}

describe(oracleEpoch, () => {
  it('finds all 47 golden traces', () => {
    expect(traceNames()).toHaveLength(47);
  });

  for (const name of traceNames()) {
    it(`reproduces derived bit for bit and passes every asserted check: ${name}`, () => {
      const { trace, expected } = loadTrace(name);
      const epochs = replay(trace, oracleEngine).map(resultEpoch);
      expect(epochs).toEqual(expected.derived.epochs.map(derivedEpoch));
      for (const a of expected.asserted.filter((x: Json) => x.compare !== 'log_substring')) checkAsserted(epochs, a);
    });
  }

  it('prints the epoch-log values of the epoch_logs tests from its intermediates', () => {
    let checked = 0;
    for (const name of traceNames()) {
      const { trace, expected } = loadTrace(name);
      if (!expected.asserted.some((a: Json) => a.compare === 'log_substring')) continue;
      for (const check of logChecks(expected, replay(trace, oracleEngine, true))) {
        expect(check.printed, name).toContain(check.expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});
