// Every math-level vector of subtensor's tests/math.rs (tests/golden/subtensor/math-tests.json) on the
// AssemblyScript fixed-point library. Data-driven: each record runs through the adapter of its math.rs
// function (math-adapters.ts), so adding a case or a record of a known function never means writing code.
import { describe, expect, it } from 'vitest';
import { createWasmTesting, type WasmTesting } from '../../src/engine/wasm-testing.ts';
import { ADAPTERS } from './math-adapters.ts';
import { MathCase, mismatch, type MathRecord } from './math-case.ts';
import { parseJsonExact } from './literals.ts';
import { engineModule } from './engine-module.ts';

const FILE = new URL('../golden/subtensor/math-tests.json', import.meta.url);
const { math_tests: records } = parseJsonExact(FILE) as { math_tests: MathRecord[] };

/**
 * Records that cannot apply to the AssemblyScript library (a Rust-only helper, say), each with the reason.
 * Empty: every record of the file runs.
 */
const ALLOW_LIST: Record<string, string> = {};

/** The adapter key: the math.rs function the `function` text starts with, or the record's name when that text is prose. */
function functionOf(record: MathRecord): string {
  const name = /^[a-z][a-z0-9_]*/.exec(record.function)?.[0];
  return name !== undefined && name in ADAPTERS ? name : record.name;
}

// Loaded by the first record's test and awaited by every one, so a build failure fails each (a hook would skip them).
let loading: Promise<WasmTesting> | undefined;
const load = async () => createWasmTesting(await engineModule());

describe(createWasmTesting, () => {
  it('has an adapter for every record of the file, and allow-lists only records that exist and have none', () => {
    expect(records.length).toBeGreaterThanOrEqual(77);
    const unhandled = records.filter((r) => !(functionOf(r) in ADAPTERS) && !(r.name in ALLOW_LIST)).map((r) => r.name);
    expect(unhandled, 'records with neither an adapter nor an allow-list entry').toEqual([]);
    for (const [name, reason] of Object.entries(ALLOW_LIST)) {
      const record = records.find((r) => r.name === name);
      expect(record, `allow-listed ${name} is a record of the file`).toBeDefined();
      expect(functionOf(record!) in ADAPTERS, `allow-listed ${name} has no adapter`).toBe(false);
      expect(reason.length, `allow-listed ${name} states a reason`).toBeGreaterThan(10);
    }
  });

  it.each(records.filter((r) => !(r.name in ALLOW_LIST)).map((r) => [r.name, functionOf(r), r] as const))(
    'reproduces every case of %s (%s)',
    async (_name, fn, record) => {
      const t = await (loading ??= load());
      const failures: string[] = [];
      record.cases.forEach((raw, i) => {
        try {
          const checks = ADAPTERS[fn](new MathCase(record, raw), t);
          if (checks.length === 0) failures.push(`case ${i}: nothing was checked`);
          for (const check of checks) {
            const m = mismatch(check.got, check.want, check.eps);
            if (m) failures.push(`case ${i}${check.label ? ` (${check.label})` : ''}: ${m}`);
          }
        } catch (e) {
          failures.push(`case ${i}: threw ${(e as Error).message}`);
        }
      });
      expect(record.cases.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    },
  );
});
