// One writer per saved chain, in a real browser: two pages of one context share IndexedDB and Web Locks, like two tabs.
// Tab 1 creates a chain and steps; tab 2 opens the chain view, resumes it read-only with the banner, cannot step it,
// makes a copy and steps that; tab 1's chain keeps its history (same block and state hash after a reload).
import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './helpers.ts';

const openChainView = (page: Page) => page.goto('./?view=chain');

test('a chain open in another tab is read-only there, with a banner and a copy to work on; the first tab loses nothing', async ({ context }, info) => {
  test.setTimeout(120_000);
  const one = await context.newPage();
  const errors = watchErrors(one);
  await one.setViewportSize({ width: 1280, height: 900 });
  await openChainView(one);
  await expect(one.getByTestId('chain-status')).toContainText('No saved chain yet', { timeout: 20_000 });
  await one.getByTestId('chain-preset').selectOption('pre-halving');
  await one.getByTestId('create-chain').click();
  await expect(one.getByTestId('chain-name')).toHaveText('Pre-halving');
  await one.getByTestId('step-epoch').click();
  await expect(one.getByTestId('block')).toHaveText('360', { timeout: 30_000 });
  await expect(one.getByTestId('saved')).toHaveAttribute('data-unsaved', 'false');
  const hash = await one.getByTestId('state-hash').innerText();

  const two = await context.newPage();
  errors.push(...watchErrors(two));
  await two.setViewportSize({ width: 1280, height: 900 });
  await openChainView(two);
  const banner = two.getByTestId('tab-lock-banner');
  await expect(banner).toContainText('“Pre-halving” is open in another tab.', { timeout: 20_000 });
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(two.getByTestId('block')).toHaveText('360');
  await expect(two.getByTestId('state-hash')).toHaveText(hash);
  await banner.screenshot({ path: `reports/screenshots/chain-tabs-banner-1280-${info.project.name}.png` });
  await two.screenshot({ path: `reports/screenshots/chain-tabs-1280-${info.project.name}.png` });

  await two.getByTestId('step-block').click();
  await expect(two.getByTestId('chain-error')).toContainText('“Pre-halving” is open in another tab, so this tab cannot step it.');
  await expect(two.getByTestId('block')).toHaveText('360');

  await two.setViewportSize({ width: 390, height: 900 });
  expect(await two.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await banner.screenshot({ path: `reports/screenshots/chain-tabs-banner-390-${info.project.name}.png` });

  await two.getByTestId('copy-here').click();
  await expect(two.getByTestId('chain-name')).toHaveText('Pre-halving (copy)');
  await expect(banner).toBeHidden();
  await expect(two.getByTestId('state-hash')).toHaveText(hash);
  await two.getByTestId('step-block').click();
  await expect(two.getByTestId('block')).toHaveText('361', { timeout: 30_000 });
  await expect(two.getByTestId('chain-error')).toBeHidden();

  // Tab 1 never saw the other tab: its chain is where it left it, and a reload brings back the same history.
  await expect(one.getByTestId('block')).toHaveText('360');
  await one.reload();
  await expect(one.getByTestId('chain-name')).toHaveText('Pre-halving', { timeout: 30_000 });
  await expect(one.getByTestId('block')).toHaveText('360', { timeout: 30_000 });
  await expect(one.getByTestId('state-hash')).toHaveText(hash);
  await expect(one.getByTestId('tab-lock-banner')).toBeHidden();
  await one.getByTestId('step-block').click();
  await expect(one.getByTestId('block')).toHaveText('361', { timeout: 30_000 });

  // Tab 2 opens the original while tab 1 has it: read-only again. When tab 1 closes, tab 2 takes it over by itself.
  const original = await two.getByTestId('chain-list').locator('option', { hasText: /^Pre-halving \(block/ }).getAttribute('value');
  await two.getByTestId('chain-list').selectOption(original!);
  await two.getByTestId('open-chain').click();
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(two.getByTestId('block')).toHaveText('361');
  await one.close();
  await expect(two.getByTestId('chain-status')).toContainText('The other tab let go of “Pre-halving”', { timeout: 20_000 });
  await expect(banner).toBeHidden();
  await two.getByTestId('step-block').click();
  await expect(two.getByTestId('block')).toHaveText('362', { timeout: 30_000 });
  expect(errors).toEqual([]);
});
