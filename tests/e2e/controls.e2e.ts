// Keyboard shortcuts (space, arrows, z, ?), run N with its progress and cancel, and no horizontal scrolling on a phone.
import { test, expect } from '@playwright/test';
import { atEpoch, docShot, openPlayground, watchErrors } from './helpers.ts';

test('time controls: arrows step and go back, space plays and pauses, z undoes, ? opens the help, run N cancels', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await atEpoch(page, 1);
  await page.keyboard.press('ArrowRight');
  await atEpoch(page, 2);
  await page.keyboard.press('ArrowLeft');
  await atEpoch(page, 1);
  await expect(page.getByTestId('where')).toContainText('/ 2');

  await page.keyboard.press('ArrowRight'); // back to the end: moves along the timeline, computes nothing
  await atEpoch(page, 2);
  await page.keyboard.press('z'); // undo the second epoch
  await expect(page.getByTestId('where')).toContainText('/ 1');

  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await page.getByTestId('cursor').textContent()), { timeout: 20_000 }).toBeGreaterThan(2);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('?');
  await expect(page.getByTestId('help')).toBeVisible();
  await expect(page.getByTestId('help')).toContainText('Keyboard shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toBeHidden();

  // Run N: a progress bar and Cancel, which keeps the epochs already computed.
  await page.getByTestId('preset').selectOption('large-256');
  await expect(page.getByTestId('status')).toContainText('Loaded Large subnet', { timeout: 20_000 });
  await page.getByTestId('run-count').fill('5000');
  await page.getByTestId('run').click();
  await expect(page.getByRole('progressbar', { name: 'Epochs computed' })).toBeVisible();
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('status')).toContainText(/Cancelled (after|before)/, { timeout: 20_000 });
  const cursor = Number(await page.getByTestId('cursor').textContent());
  expect(cursor).toBeLessThan(5000);
  await expect(page.getByTestId('where')).toContainText(`/ ${cursor}`);
  expect(errors).toEqual([]);
});

test('a 390×844 phone never scrolls sideways, in any view', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  await page.getByTestId('preset').selectOption('kappa-moves-first');
  await atEpoch(page, 40);
  await page.getByTestId('timeline').fill('12');
  await atEpoch(page, 12);
  for (const [tab, file] of [['Subnet', 'subnet'], ['Weights', 'weights'], ['Metagraph', 'metagraph'], ['Charts', 'charts'], ['Epoch inspector', 'inspector']]) {
    await page.getByRole('tab', { name: tab }).click();
    if (tab === 'Epoch inspector') await page.locator('[data-stage="consensus"]').click();
    await page.waitForTimeout(tab === 'Charts' || tab === 'Epoch inspector' ? 1500 : 300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${tab}: page wider than the screen`).toBeLessThanOrEqual(0);
    if (info.project.name === 'preview-root') {
      await page.locator('#views').evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8));
      await page.screenshot({ path: docShot(`phone-${file}.png`) });
    }
  }
  expect(errors).toEqual([]);
});
