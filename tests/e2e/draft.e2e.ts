// The subnet view keeps the user's work in this browser: an edited subnet, stepped and scrubbed, comes back after a
// reload at the same epoch with the same numbers (the exported trace is identical); loading a preset over it keeps it
// one click away ("Reopen …"), also after another reload.
import { test, expect } from '@playwright/test';
import { atEpoch, exportTrace, openPlayground, watchErrors } from './helpers.ts';

test('an edited subnet survives a reload, and a preset loaded over it can be undone by “Reopen”', async ({ page }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByTestId('stake-2').fill('900');
  await page.getByTestId('stake-2').blur();
  await page.getByLabel('Name of uid 1').fill('Mine');
  await page.getByLabel('Name of uid 1').press('Enter');
  for (let k = 1; k <= 3; k++) {
    await page.getByTestId('step').click();
    await atEpoch(page, k);
  }
  await page.getByTestId('timeline').fill('2');
  await atEpoch(page, 2);
  const before = await exportTrace(page);
  await page.waitForTimeout(1000); // the draft is written shortly after the last change

  await page.reload();
  await expect(page.getByTestId('status')).toContainText('as you left it', { timeout: 20_000 });
  await atEpoch(page, 2);
  await expect(page.getByLabel('Name of uid 1')).toHaveValue('Mine');
  expect(await exportTrace(page)).toBe(before);

  // A preset replaces it; the edited subnet stays one click away, across a reload too.
  await page.getByTestId('preset').selectOption('clipping-demo');
  await expect(page.getByTestId('status')).toContainText('Loaded', { timeout: 20_000 });
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('reopen-previous')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('reopen-previous').click();
  await atEpoch(page, 2);
  await expect(page.getByLabel('Name of uid 1')).toHaveValue('Mine');
  expect(await exportTrace(page)).toBe(before);
  expect(errors).toEqual([]);
});
