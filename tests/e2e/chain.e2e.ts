// The chain view (mounted alone by chain.html until App.svelte mounts it): build a chain from a preset, step through
// two epochs, reload and get the same block, state hash and charts back from IndexedDB; a refused action shows the
// chain's error and changes nothing; an action in the past forks and a new future is computed. Expected hashes come
// from a straight run of the same scenario in node (src/chain with the shipped wasm); nothing overflows 390 px.
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { createWasmChainMath } from '../../src/chain/wasm-chain-math.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { runScenario } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { createWasmEngine } from '../../src/engine/wasm-epoch.ts';
import { watchErrors } from './helpers.ts';

/** The state hash after `block` of a straight run of the preset plus `actions`, with the wasm the build ships. */
async function nodeHash(block: number, actions: Record<string, unknown>[] = []): Promise<string> {
  const module = await WebAssembly.compile(await readFile('src/generated/engine.wasm'));
  const engines = { epoch: await createWasmEngine(module), math: await createWasmChainMath(module) };
  const preset = JSON.parse(await readFile('src/chain/presets/pre-halving.json', 'utf8')) as Record<string, unknown>;
  const scenario = parseScenario(JSON.stringify({ ...preset, actions }));
  return stateHash(runScenario(scenario, engines, { blocks: block }));
}

const status = (page: Page) => page.getByTestId('chain-status');

/** Opens the chain view (`?view=chain`, relative so the sub-path project keeps its prefix). */
async function openChainView(page: Page): Promise<void> {
  await page.goto('./?view=chain');
}

/** The rows of a chart's data table (opened on demand), as text. */
async function tableRows(page: Page, id: string): Promise<string[]> {
  const chart = page.getByTestId(`chain-chart-${id}`);
  const details = chart.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await chart.locator('summary').click();
  const rows = chart.getByTestId(`chain-table-${id}`).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  return rows.allInnerTexts();
}

async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('chain view: two epochs survive a reload; a refused action changes nothing; a fork in the past computes a new future', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 900 });
  await openChainView(page);
  await expect(status(page)).toContainText('No saved chain yet', { timeout: 20_000 });
  await page.getByTestId('chain-preset').selectOption('pre-halving');
  await page.getByTestId('create-chain').click();
  await expect(page.getByTestId('chain-name')).toHaveText('Pre-halving');
  await expect(page.getByTestId('block')).toHaveText('0');
  await expect(page.getByTestId('no-epochs')).toBeVisible();
  await fitsWidth(page);

  // Two epochs of subnet 1 (tempo 360, first due at block 360): the halving at block 12 happened on the way.
  await page.getByTestId('step-epoch').click();
  await expect(page.getByTestId('block')).toHaveText('360', { timeout: 30_000 });
  await page.getByTestId('step-epoch').click();
  await expect(page.getByTestId('block')).toHaveText('720', { timeout: 30_000 });
  await expect(page.getByTestId('next-emission')).toContainText('0.5 TAO');
  const hash = await page.getByTestId('state-hash').innerText();
  expect(hash).toBe(await nodeHash(720));
  // Keys: ← travels one block back, → steps forward again to the same state (the head stays at 720).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('block')).toHaveText('719', { timeout: 30_000 });
  await expect(page.getByTestId('state-hash')).toHaveText(await nodeHash(719));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('block')).toHaveText('720', { timeout: 30_000 });
  await expect(page.getByTestId('state-hash')).toHaveText(hash);
  await expect(page.getByTestId('chain-chart-shares').locator('[data-chart-ready="true"]')).toBeVisible({ timeout: 20_000 });
  const shares = await tableRows(page, 'shares');
  const flows = await tableRows(page, 'flows');
  expect(shares).toHaveLength(2);
  expect(flows).toHaveLength(2);
  await expect(page.getByTestId('saved')).toHaveAttribute('data-unsaved', 'false');
  await fitsWidth(page);

  // Reload: the last session comes back from IndexedDB, with its hash and the charts' numbers.
  await page.reload();
  await expect(page.getByTestId('block')).toHaveText('720', { timeout: 30_000 });
  await expect(page.getByTestId('state-hash')).toHaveText(hash);
  await expect(page.getByTestId('chain-chart-shares').locator('[data-chart-ready="true"]')).toBeVisible({ timeout: 20_000 });
  expect(await tableRows(page, 'shares')).toEqual(shares);
  expect(await tableRows(page, 'flows')).toEqual(flows);

  // Back to block 100. A stake from a coldkey without TAO is refused with the chain's error: nothing changes.
  await page.getByTestId('seek-input').fill('100');
  await page.getByTestId('seek').click();
  await expect(page.getByTestId('block')).toHaveText('100', { timeout: 30_000 });
  const at100 = await page.getByTestId('state-hash').innerText();
  expect(at100).toBe(await nodeHash(100));
  await expect(page.getByTestId('fork-controls')).toBeVisible();
  const form = page.getByTestId('action-form');
  await page.getByTestId('action-op').selectOption('add_stake');
  await form.locator('[data-field="hotkey"]').fill('sn1-v1');
  await form.locator('[data-field="amount"]').fill('1');
  await page.getByTestId('apply-action').click();
  await expect(page.getByTestId('action-error')).toContainText('NotEnoughBalanceToStake');
  await expect(page.getByTestId('state-hash')).toHaveText(at100);

  // Root sets subnet 1's tempo to 100 at block 100, discarding the old future: the next epoch now runs at block 200.
  await page.getByTestId('action-op').selectOption('set_hyperparameter');
  await form.getByLabel('As root (sudo)').check();
  await form.locator('[data-field="netuid"]').selectOption('1');
  await form.locator('[data-field="name"]').selectOption('tempo');
  await form.locator('[data-field="value"]').fill('100');
  await expect(page.getByTestId('action-fork')).toBeVisible();
  await page.getByTestId('apply-action').click();
  await expect(page.getByTestId('action-log')).toContainText('set_hyperparameter');
  await expect(page.getByTestId('fork-controls')).toBeHidden();
  await expect(page.getByTestId('no-epochs')).toBeVisible();
  await page.getByTestId('step-epoch').click();
  await expect(page.getByTestId('block')).toHaveText('200', { timeout: 30_000 });
  const tempo = [{ block: 100, op: 'set_hyperparameter', netuid: 1, name: 'tempo', value: 100 }];
  expect(await page.getByTestId('state-hash').innerText()).toBe(await nodeHash(200, tempo));
  expect((await tableRows(page, 'shares')).map((r) => r.split('\t')[0])).toEqual(['200']);
  await fitsWidth(page);
  expect(errors).toEqual([]);
});
