// Whole chains out of the page and back: a chain built from a preset, with an action at its start block, stepped
// through two epochs, shared as a link, opens in a fresh browser context (empty IndexedDB) at the same block, state
// hash and neuron table; its exported file runs headless (src/chain with the shipped wasm) to the same hash and
// re-imports as a new saved chain; a broken link changes nothing; a gallery chain preset opens in the chain view.
// Screenshots of the share panel at 1280 × 800 and 390 × 844 go to reports/.
import { readFile, readdir } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { stateHash } from '../../src/chain/hash.ts';
import { runScenario } from '../../src/chain/run.ts';
import { createWasmChainMath } from '../../src/chain/wasm-chain-math.ts';
import { createWasmEngine } from '../../src/engine/wasm-epoch.ts';
import { restoreScenario, type Scenario } from '../../src/model/scenario.ts';
import { decodeShare } from '../../src/model/share.ts';
import { fileStem } from '../../src/ui/share/download.ts';
import { chainOf } from '../model/chain-fixture.ts';
import { docShot, watchErrors } from './helpers.ts';

/** Block and state hash of a straight headless run of `s` (its own `blocks`), with the wasm the build ships. */
async function nodeRun(s: Scenario): Promise<{ block: string; hash: string }> {
  const module = await WebAssembly.compile(await readFile('src/generated/engine.wasm'));
  const engines = { epoch: await createWasmEngine(module), math: await createWasmChainMath(module) };
  const state = runScenario(chainOf(s), engines);
  return { block: String(state.block), hash: stateHash(state) };
}

const neuronRows = (page: Page) => page.getByTestId('chain-neurons').locator('tbody tr').allInnerTexts();

async function noHorizontalScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('a shared chain opens in a fresh context at the same block, state hash and neurons; its file re-imports to the same hash', async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?view=chain');
  await expect(page.getByTestId('chain-status')).toContainText('No saved chain yet', { timeout: 20_000 });
  await page.getByTestId('chain-preset').selectOption('pre-halving');
  await page.getByTestId('create-chain').click();
  await expect(page.getByTestId('block')).toHaveText('0');

  // An action at the start block (root sets subnet 1's kappa), then two epochs of subnet 1.
  const form = page.getByTestId('action-form');
  await page.getByTestId('action-op').selectOption('set_hyperparameter');
  await form.getByLabel('As root (sudo)').check();
  await form.locator('[data-field="netuid"]').selectOption('1');
  await form.locator('[data-field="name"]').selectOption('kappa');
  await form.locator('[data-field="value"]').fill('30000');
  await page.getByTestId('apply-action').click();
  await expect(page.getByTestId('action-log')).toContainText('set_hyperparameter');
  await page.getByTestId('step-epoch').click();
  await expect(page.getByTestId('block')).toHaveText('360', { timeout: 30_000 });
  await page.getByTestId('step-epoch').click();
  await expect(page.getByTestId('block')).toHaveText('720', { timeout: 30_000 });
  const hash = await page.getByTestId('state-hash').innerText();
  const neurons = await neuronRows(page);
  expect(neurons.length).toBeGreaterThan(0);

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-message')).toContainText(/copied|Copy the link/);
  const url = await page.getByTestId('share-url').inputValue();
  const link = new URL(url);
  expect(link.search).toBe('?view=chain');
  expect(link.hash).toMatch(/^#v1\/[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => location.hash)).toBe(''); // the sharer's address stays free of the link
  const shared = decodeShare(link.hash);
  expect(chainOf(shared).actions.map((a) => [a.block, a.action.op])).toEqual([[0n, 'set_hyperparameter']]);
  expect(await nodeRun(shared)).toEqual({ block: '720', hash });
  info.annotations.push({ type: 'chain link length', description: String(link.hash.length) });

  await page.screenshot({ path: `reports/chain-share-1280-${info.project.name}.png` });
  await noHorizontalScroll(page, 1280);
  if (info.project.name === 'preview-root') {
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: docShot('desktop-chain.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: docShot('phone-chain.png') });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('share-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `reports/chain-share-390-${info.project.name}.png` });
  await noHorizontalScroll(page, 390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A fresh context: empty IndexedDB. The link saves a new chain and steps it to block 720 in the worker.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(url);
  await expect(other.getByTestId('block')).toHaveText('720', { timeout: 60_000 });
  await expect(other.getByTestId('state-hash')).toHaveText(hash);
  await expect(other.getByTestId('chain-name')).toHaveText('Pre-halving');
  await expect(other.getByTestId('chain-status')).toContainText('Opened from a share link');
  expect(await neuronRows(other)).toEqual(neurons);
  await expect(other.getByTestId('link-error')).toHaveCount(0);
  expect(await other.evaluate(() => location.hash)).toBe(''); // opened: a reload resumes it instead of saving a copy
  await other.reload();
  await expect(other.getByTestId('state-hash')).toHaveText(hash, { timeout: 30_000 });
  await expect(other.getByTestId('chain-list')).toHaveCount(0); // still one saved chain
  await fresh.close();

  // Export the chain file: the headless run of it reaches the same block and hash; importing it saves a second chain.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-chain').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${fileStem('Pre-halving')}.chain.json`);
  const text = await readFile(await file.path(), 'utf8');
  expect(await nodeRun(restoreScenario(text))).toEqual({ block: '720', hash });
  // The results as CSV: a row per epoch and uid of both subnets' two epochs, with the neuron table's emission.
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-chain-csv').click();
  const csv = (await readFile(await (await csvDownload).path(), 'utf8')).trimEnd().split('\r\n');
  expect(csv[0].split(',').slice(0, 4)).toEqual(['block', 'netuid', 'epoch_index', 'uid']);
  expect(new Set(csv.slice(1).map((r) => r.split(',').slice(0, 2).join(':')))).toEqual(new Set(['360:1', '360:2', '720:1', '720:2']));
  await page.getByLabel('yuma-chain/1 file').setInputFiles({ name: 'Pre-halving.chain.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('chain-name')).toHaveText('Pre-halving (2)', { timeout: 30_000 });
  await expect(page.getByTestId('block')).toHaveText('720', { timeout: 60_000 });
  await expect(page.getByTestId('state-hash')).toHaveText(hash);
  await expect(page.getByTestId('chain-status')).toContainText('Loaded from a file');

  // A broken file changes nothing and says why, in the subnet import's words.
  await page.getByLabel('yuma-chain/1 file').setInputFiles({ name: 'broken.chain.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"yuma-chain/1","blocks":-1}') });
  await expect(page.getByTestId('chain-error')).toContainText('Could not load broken.chain.json: broken.chain.json: blocks:');
  await expect(page.getByTestId('chain-name')).toHaveText('Pre-halving (2)');
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a broken chain link shows the dismissible error and keeps the saved chains; a chain link to the subnet view goes to the chain view', async ({ page }, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('./?view=chain');
  await expect(page.getByTestId('chain-status')).toContainText('No saved chain yet', { timeout: 20_000 });
  await page.getByTestId('create-chain').click();
  await expect(page.getByTestId('block')).toHaveText('0');
  const name = await page.getByTestId('chain-name').innerText();

  await page.goto('./?view=chain#v1/this-is-not-a-chain');
  await expect(page.getByTestId('link-error')).toContainText('did not open', { timeout: 20_000 });
  await expect(page.getByTestId('link-error')).toContainText('Your saved chains are untouched.');
  await expect(page.getByTestId('chain-name')).toHaveText(name); // the last session resumed, nothing new saved
  await expect(page.getByTestId('chain-list')).toHaveCount(0);
  if (info.project.name === 'preview-root') await page.screenshot({ path: 'reports/chain-link-error.png' });
  await page.getByTestId('link-error-dismiss').click();
  await expect(page.getByTestId('link-error')).toHaveCount(0);

  // A chain link opened on the subnet view's address is sent to the chain view, and opens there.
  await page.getByTestId('share').click();
  const hash = new URL(await page.getByTestId('share-url').inputValue()).hash;
  await page.goto(`./${hash}`);
  await expect(page).toHaveURL(/\?view=chain/, { timeout: 20_000 });
  await expect(page.getByTestId('chain-name')).toHaveText(`${name} (2)`, { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('the gallery lists the chain presets; one opens in the chain view as a new saved chain', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.goto('./#gallery');
  // The presets' files (src/chain/presets/index.ts imports JSON, which node's ESM loader here does not): one card each.
  const ids = (await readdir('src/chain/presets')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  expect(ids.length).toBeGreaterThan(5);
  await expect(page.getByTestId('gallery').locator('[data-testid^="gallery-chain-"]')).toHaveCount(ids.length, { timeout: 20_000 });
  for (const other of ids) await expect(page.getByTestId(`gallery-chain-${other}`)).toBeVisible();
  if (info.project.name === 'preview-root') await page.getByTestId('gallery-chain-pre-halving').screenshot({ path: 'reports/gallery-chain-card.png' });
  const id = 'registration-rush';
  const card = page.getByTestId(`gallery-chain-${id}`);
  const { name } = JSON.parse(await readFile(`src/chain/presets/${id}.json`, 'utf8')) as { name: string };
  await card.click();
  await expect(page).toHaveURL(/\?view=chain$/, { timeout: 20_000 });
  await expect(page.getByTestId('chain-name')).toHaveText(name, { timeout: 30_000 });
  await expect(page.getByTestId('block')).toHaveText('0');
  expect(errors).toEqual([]);
});
