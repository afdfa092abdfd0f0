// Share links: a stepped subnet copied as a link opens in a fresh browser context (empty storage) at the same epoch
// and block with the numbers a node replay of the decoded link computes; a broken link says so and changes nothing.
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { decodeShare } from '../../src/model/share.ts';
import { serializeScenario } from '../../src/model/scenario.ts';
import { alphaText, u16Text } from '../../src/ui/format.ts';
import { atEpoch, openPlayground, replayInNode, watchErrors } from './helpers.ts';
import type { TraceEpoch } from '../../src/model/replay.ts';
import { traceOf } from '../model/trace-fixture.ts';

async function expectMetagraph(page: Page, epoch: TraceEpoch, n: number): Promise<void> {
  const out = epoch.output;
  await expect(page.getByTestId('metagraph').locator('tbody tr')).toHaveCount(n);
  for (let uid = 0; uid < n; uid++) {
    const row = page.getByTestId('metagraph').locator(`tbody tr[data-uid="${uid}"]`);
    for (const [key, values] of [['consensus', out.consensus], ['incentive', out.incentive], ['dividends', out.dividends], ['validatorTrust', out.validatorTrust]] as const) {
      await expect(row.locator(`td[data-key="${key}"] .raw`)).toHaveText(String(values[uid]));
      await expect(row.locator(`td[data-key="${key}"] .value`)).toHaveText(u16Text(values[uid]));
    }
    await expect(row.locator('td[data-key="emission"] .value')).toHaveText(alphaText(out.emission[uid], 4));
  }
}

test('a shared link opens in a fresh context at the same epoch and block, with the engine’s numbers', async ({ page, browser }, info) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByTestId('preset').selectOption('clipping-demo');
  await atEpoch(page, 40);
  await page.getByTestId('timeline').fill('12');
  await atEpoch(page, 12);
  await page.getByTestId('stake-2').fill('900');
  await page.getByTestId('stake-2').blur();
  await expect(page.getByTestId('status')).toContainText('Forked at epoch 12');
  for (let k = 13; k <= 15; k++) {
    await page.getByTestId('step').click();
    await atEpoch(page, k);
  }
  // A name the user gave travels with the link (as text: markup stays literal).
  await page.getByLabel('Name of uid 1').fill('Opentensor <b>F</b>');
  await page.getByLabel('Name of uid 1').press('Enter');
  await expect(page.getByLabel('Name of uid 1')).toHaveValue('Opentensor <b>F</b>');

  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  await expect(page.getByTestId('share-message')).toContainText(/copied|Copy the link/);
  expect(new URL(url).hash).toMatch(/^#v1\//);
  expect(await page.evaluate(() => location.hash)).toBe(new URL(url).hash); // replaceState wrote the link
  const scenario = decodeShare(new URL(url).hash);
  const epochs = await replayInNode(serializeScenario(scenario));
  expect(epochs).toHaveLength(15);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(url);
  await atEpoch(other, 15);
  await expect(other.getByTestId('where')).toContainText(`/ 15 · block ${epochs[14].block}`);
  await expect(other.getByTestId('story')).toContainText('Opened from a share link');
  await other.getByRole('tab', { name: 'Metagraph' }).click();
  await expectMetagraph(other, epochs[14], traceOf(scenario).n);
  await expect(other.getByTestId('link-error')).toHaveCount(0);
  await expect(other.getByLabel('Name of uid 1')).toHaveValue('Opentensor <b>F</b>');
  expect(scenario.kind === 'subnet' && scenario.labels?.neurons[1].name).toBe('Opentensor <b>F</b>');

  if (info.project.name === 'preview-root') {
    // The same link embedded: one view, no chrome.
    const embedded = new URL(url);
    embedded.search = '?embed&view=metagraph';
    await other.goto(embedded.href);
    await expect(other.getByTestId('embed')).toBeVisible();
    await expect(other.getByTestId('embed-where')).toContainText('epoch 15 / 15', { timeout: 20_000 });
    await expect(other.getByTestId('preset')).toHaveCount(0);
    await expectMetagraph(other, epochs[14], traceOf(scenario).n);
  }
  await fresh.close();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a broken link shows a dismissible error and keeps the subnet the page had', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v1/this-is-not-a-scenario');
  await expect(page.getByTestId('link-error')).toContainText('did not open', { timeout: 20_000 });
  await expect(page.getByTestId('status')).toContainText('Loaded'); // the default preset, untouched
  await page.getByTestId('link-error-dismiss').click();
  await expect(page.getByTestId('link-error')).toHaveCount(0);

  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await atEpoch(page, 2);
  await page.evaluate(() => (location.hash = '#v9/AAAA'));
  await expect(page.getByTestId('link-error')).toContainText('newer version');
  await atEpoch(page, 2); // what the user had stays
  await expect(page.getByTestId('where')).toContainText('/ 2');
  expect(errors).toEqual([]);
});

test('import goes through the one restore path; a bad file changes nothing; the visible chart exports as a PNG', async ({ page }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByTestId('step').click();
  await atEpoch(page, 1);
  const input = page.getByLabel('Import a yuma-trace/1 file');
  await input.setInputFiles({ name: 'broken.trace.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"yuma-trace/1","n":0}') });
  await expect(page.getByText(/Could not load broken\.trace\.json: .*n/)).toBeVisible();
  await atEpoch(page, 1); // the subnet on the page stays
  const text = await readFile('tests/golden/subtensor/traces/test_bonds.json', 'utf8');
  await input.setInputFiles({ name: 'test_bonds.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const epochs = await replayInNode(text);
  await atEpoch(page, epochs.length);
  await expect(page.getByTestId('story')).toContainText('Loaded from a file');
  // Results CSV: one row per epoch and uid, with the consensus the node replay computes.
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const rows = (await readFile(await (await csvDownload).path(), 'utf8')).trim().split('\r\n').map((l) => l.split(','));
  const n = epochs[0].output.consensus.length;
  expect(rows.length).toBe(1 + epochs.length * n);
  const col = rows[0].indexOf('consensus_u16');
  expect(col).toBeGreaterThan(0);
  const last = rows.slice(1 + (epochs.length - 1) * n).map((r) => Number(r[col]));
  expect(last).toEqual(epochs[epochs.length - 1].output.consensus);

  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.locator('[data-testid="chart-dividends"] .chart[data-chart-ready="true"]')).toBeVisible({ timeout: 20_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const png = await readFile(await (await download).path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(errors).toEqual([]);
});
