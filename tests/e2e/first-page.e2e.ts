// The first page, built and served at / (vite preview) and under a sub-path (static server):
// the worker runs the preset and the table shows exactly what the same engine computes here in node.
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { makeEngineApi } from '../../src/engine/api.ts';
import { runFirstPreset } from '../../src/ui/preset.ts';
import { COLUMNS, resultRows } from '../../src/ui/rows.ts';

/** The rows the page should show, computed in node from the same wasm file the build ships. */
async function expectedRows() {
  const api = makeEngineApi(async () => WebAssembly.compile(await readFile('src/generated/engine.wasm')));
  const { input, output } = await runFirstPreset((i) => api.runEpoch(i));
  return { rows: resultRows(input, output), emitted: output.emission.reduce((a, b) => a + b, 0n) };
}

/** Collects console errors, page errors and failed responses; the test asserts the list is empty at the end. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
  return errors;
}

test('runs the preset in the worker and shows the outputs the engine computes', async ({ page }, info) => {
  const errors = watchErrors(page);
  const expected = await expectedRows();
  expect(expected.emitted).toBeGreaterThan(0n); // a non-trivial preset: someone earns something

  const wasm = page.waitForResponse(/\.wasm$/); // fetched by the worker, as its own file
  await page.goto('./'); // relative: keeps the project's sub-path
  await expect(page.getByTestId('status')).toHaveText('ready');
  expect((await wasm).headers()['content-type']).toBe('application/wasm'); // so compileStreaming, not the fallback, ran

  const rows = page.getByTestId('results').locator('tbody tr');
  await expect(rows).toHaveCount(expected.rows.length);
  for (const [i, row] of expected.rows.entries()) {
    const tr = rows.nth(i);
    await expect(tr.locator('th')).toHaveText(String(row.uid));
    for (const { key } of COLUMNS) {
      const td = tr.locator(`td[data-key="${key}"]`);
      await expect(td.locator('.value')).toHaveText(row[key].text);
      if (row[key].raw !== undefined) await expect(td.locator('.raw')).toHaveText(row[key].raw);
    }
  }
  await expect(page.getByRole('columnheader', { name: 'Emission (rao)' })).toBeVisible();

  if (info.project.name === 'preview-root') await page.screenshot({ path: 'docs/screenshot-first-page.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('fits a 390 px wide phone screen without horizontal scrolling', async ({ page }, info) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.getByTestId('status')).toHaveText('ready');
  await page.screenshot({ path: info.outputPath('phone.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
