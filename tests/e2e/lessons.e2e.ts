// Gallery and lessons: a gallery case opens in one click; a lesson step is a link, its prediction is checked against
// the number the engine computes in node for the trace the page exports; back and forward move between steps.
import { test, expect } from '@playwright/test';
import { atEpoch, docShot, exportTrace, openPlayground, replayInNode, watchErrors } from './helpers.ts';

test('the gallery opens a case in one click, and a lesson step reveals the engine’s own answer', async ({ page }, info) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByTestId('open-gallery').click();
  await expect(page.getByTestId('gallery-case-24')).toBeVisible();
  await expect(page.getByTestId('gallery-test_bonds')).toBeVisible();
  if (info.project.name === 'preview-root') {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('gallery').screenshot({ path: docShot('gallery.png') });
  }
  await page.getByTestId('gallery-case-13').click();
  await atEpoch(page, 40);
  await expect(page.getByTestId('story')).toContainText('13. Big vali supports server 2');
  await expect(page.getByTestId('gallery')).toHaveCount(0);

  await page.goto('./#lesson/consensus-kappa/1');
  await expect(page.getByTestId('lesson')).toBeVisible({ timeout: 20_000 });
  await atEpoch(page, 2);
  const trace = await exportTrace(page);
  const names = JSON.parse(trace).playground.neurons.map((m: { name: string }) => m.name);
  const consensus = (await replayInNode(trace))[1].output.consensus;
  const top = consensus[4] > consensus[3] ? 4 : 3;
  await page.getByRole('radio', { name: `${names[3]} (uid 3)` }).check();
  await page.getByTestId('lesson-reveal').click();
  await expect(page.getByTestId('lesson-correct')).toHaveText(`${names[top]} (uid ${top})`);
  if (info.project.name === 'preview-root') await page.screenshot({ path: docShot('lesson.png') });

  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-where')).toHaveText('Step 2 of 2');
  await atEpoch(page, 3);
  expect(await page.evaluate(() => location.hash)).toBe('#lesson/consensus-kappa/2');
  await page.getByTestId('lesson-back').click();
  await expect(page.getByTestId('lesson-where')).toHaveText('Step 1 of 2');
  await atEpoch(page, 2);
  expect(errors).toEqual([]);
});

test('at 390 px the lesson and the gallery fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#lesson/emission/1');
  await expect(page.getByTestId('lesson')).toBeVisible({ timeout: 20_000 });
  await atEpoch(page, 1);
  await page.getByTestId('lesson-reveal').click();
  await expect(page.getByTestId('lesson-correct')).toHaveText('half');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: docShot('lesson-390.png') });
});
