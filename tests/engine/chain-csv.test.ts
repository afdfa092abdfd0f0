// A chain's results as CSV (engine/chain-csv.ts through chainResultsCsv): one row per epoch, subnet and uid up to the
// cursor, and every number equals what the headless runner (the CLI's `chain` command on the exported document)
// reports for the same epoch — computed twice, compared, never typed in.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChainEnginesNode } from '../../src/chain/node-math.ts';
import { chain as chainCli } from '../../src/cli/chain.ts';
import { CHAIN_CSV_COLUMNS } from '../../src/engine/chain-csv.ts';
import { chainApi } from './chain-fixtures.ts';

interface CliEpoch { block: number; netuid: number; epoch_index: number; emission: (number | string)[]; incentive_u16: number[]; dividends_u16: number[] }

async function cliEpochs(text: string): Promise<CliEpoch[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'chain-csv-')), 'chain.json');
  writeFileSync(path, text);
  let out = '';
  const code = await chainCli([path], { stdout: (t) => { out += t; }, stderr: () => {} }, loadChainEnginesNode);
  expect(code).toBe(0);
  return JSON.parse(out).epochs as CliEpoch[];
}

const rowsOf = (csv: string) => {
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  expect(header.split(',')).toEqual([...CHAIN_CSV_COLUMNS]);
  return rows.map((r) => Object.fromEntries(r.split(',').map((c, i) => [CHAIN_CSV_COLUMNS[i], c])));
};

describe('chain results CSV', () => {
  it('has a row per epoch, subnet and uid up to the cursor, with the headless runner’s numbers', async () => {
    const { api } = chainApi();
    await api.chainCreate({ preset: 'pre-halving' });
    await api.chainStep({ blocks: 800 });
    const epochs = await cliEpochs(await api.chainExport());
    expect(epochs.length).toBeGreaterThanOrEqual(4);
    const rows = rowsOf(await api.chainResultsCsv());
    expect(rows).toHaveLength(epochs.reduce((n, e) => n + e.emission.length, 0));
    let k = 0;
    for (const e of epochs) {
      for (let uid = 0; uid < e.emission.length; uid++, k++) {
        const r = rows[k];
        expect([r.block, r.netuid, r.epoch_index, r.uid]).toEqual([e.block, e.netuid, e.epoch_index, uid].map(String));
        expect([r.incentive_u16, r.dividends_u16, r.emission_alpha_units]).toEqual([e.incentive_u16[uid], e.dividends_u16[uid], e.emission[uid]].map(String));
      }
    }
    // Back in time: only the epochs up to the cursor.
    await api.chainSeek(500n);
    const earlier = rowsOf(await api.chainResultsCsv());
    expect(earlier.length).toBeLessThan(rows.length);
    expect(earlier.every((r) => BigInt(r.block) <= 500n)).toBe(true);
    expect(earlier).toEqual(rows.slice(0, earlier.length));
  });
});
