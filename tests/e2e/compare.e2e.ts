// The compare view, mounted by the page at ?view=compare (see src/ui/compare/CompareView.svelte):
// side-by-side totals and the exact-vs-float summary equal what the same modules compute in node with the shipped
// wasm; a sweep shows progress and stops on Cancel; nothing overflows a 390 px wide screen.
import { readFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { instantiateEngine, wasmEngineFromExports } from '../../src/engine/wasm-epoch.ts';
import { twinEngineFromExports } from '../../src/compare/wasm-twin.ts';
import { variantsEngineFromExports } from '../../src/variants/wasm-variants.ts';
import { VERSION_CHOICES, versionOf } from '../../src/compare/choices.ts';
import { caseToTrace } from '../../src/compare/case-to-trace.ts';
import { compareExactVsFloat } from '../../src/compare/exact-vs-float.ts';
import { CHAIN_PATH_VARIANT, loadSimCases, simCaseOf, webDefaultConfig } from '../../src/compare/presets.ts';
import { runSideBySide } from '../../src/compare/side-by-side.ts';
import { docShot, watchErrors } from './helpers.ts';

async function nodeEngines() {
  const ex = await instantiateEngine(await WebAssembly.compile(await readFile('src/generated/engine.wasm')));
  return { exact: wasmEngineFromExports(ex), twin: twinEngineFromExports(ex), variants: variantsEngineFromExports(ex) };
}

test('compare view: totals and exact-vs-float as computed in node, a cancellable sweep, 390 px wide', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('./?view=compare');
  await expect(page.getByTestId('compare-view')).toBeVisible({ timeout: 20_000 });
  const cases = await loadSimCases();
  await expect(page.getByTestId('case-picker').locator('option')).toHaveCount(cases.length);
  const key = await page.getByTestId('case-picker').inputValue();
  const simCase = simCaseOf(cases.find((c) => c.key === key)!);
  const engines = await nodeEngines();

  // Side by side: every totals cell is the node result, and the marked cells are those beyond the threshold.
  await page.getByTestId('run-side').click();
  await expect(page.getByTestId('totals-table')).toBeVisible({ timeout: 30_000 });
  const ids = await page.getByTestId('version-picker').locator('select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  const expected = runSideBySide({ simCase, versions: ids.map((id) => versionOf(id)) }, engines).table;
  const cells = page.getByTestId('totals-table').locator('tbody td');
  await expect(cells).toHaveCount(expected.totals.length * ids.length);
  for (let v = 0; v < expected.totals.length; v++) {
    for (let k = 0; k < ids.length; k++) {
      const cell = cells.nth(v * ids.length + k);
      await expect(cell).toHaveAttribute('data-total', String(expected.totals[v][k]));
      await expect(cell).toHaveAttribute('data-differs', String(expected.differs[v][k]));
    }
  }

  // Exact vs float on the default chain path (Yuma 1/2): the summary's largest u16 difference.
  await page.getByTestId('run-float').click();
  const report = compareExactVsFloat(caseToTrace(simCase, webDefaultConfig(CHAIN_PATH_VARIANT.yuma1), 'yuma1'), engines.exact, engines.twin, { intermediates: true });
  await expect(page.getByTestId('float-summary')).toContainText(`stored bonds included): ${report.maxU16Diff}`, { timeout: 30_000 });
  await expect(page.getByTestId('step-table').locator('tbody tr')).toHaveCount(report.epochs[0].steps!.length);

  // A long sweep: progress appears, Cancel stops it early and the points done so far are kept.
  await page.getByTestId('sweep-points').fill('500');
  await page.getByTestId('run-sweep').click();
  await expect(page.getByTestId('sweep-progress')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('cancel-sweep').click();
  await expect(page.getByTestId('sweep-cancelled')).toBeVisible({ timeout: 30_000 });
  const done = Number((await page.getByTestId('sweep-cancelled').textContent())!.match(/after (\d+) points/)![1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(500);
  await expect(page.getByTestId('chart-sweep-chart')).toBeVisible();

  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('a comparison is one link: the address carries case and versions, and opening it restores them', async ({ page, context }) => {
  const errors = watchErrors(page);
  const cases = await loadSimCases();
  const key = cases[1].key;
  const versions = VERSION_CHOICES.slice(0, 2).map((v) => v.id);
  await page.goto(`./?view=compare&case=${key}&versions=${versions.join(',')}&beta=0.5`);
  await expect(page.getByTestId('case-picker')).toHaveValue(key, { timeout: 20_000 });
  await expect(page.getByTestId('version-0')).toHaveValue(versions[0]);
  await expect(page.getByTestId('version-1')).toHaveValue(versions[1]);
  // Changing a choice rewrites the address; that address opens the same choices in a fresh page.
  await page.getByTestId('case-picker').selectOption(cases[2].key);
  await expect.poll(() => new URL(page.url()).searchParams.get('case')).toBe(cases[2].key);
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('case-picker')).toHaveValue(cases[2].key, { timeout: 20_000 });
  await expect(fresh.getByTestId('version-1')).toHaveValue(versions[1]);
  // The opened link shows its comparison without a click, with the numbers node computes for those choices.
  const expected = runSideBySide({ simCase: simCaseOf(cases[2]), versions: versions.map((id) => versionOf(id, 0.5)) }, await nodeEngines()).table;
  const first = fresh.getByTestId('totals-table').locator('tbody td').first();
  await expect(first).toHaveAttribute('data-total', String(expected.totals[0][0]), { timeout: 30_000 });
  if (test.info().project.name === 'preview-root') {
    await fresh.setViewportSize({ width: 1280, height: 1100 });
    await fresh.waitForTimeout(800);
    await fresh.screenshot({ path: docShot('desktop-compare.png') });
  }
  expect(errors).toEqual([]);
});
