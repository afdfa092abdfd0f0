// The main flow: edit a weight, step an epoch, and check that the metagraph, a chart's data table and the epoch
// inspector show exactly what the engine computes in node for the trace the page itself exports.
import { test, expect } from '@playwright/test';
import { alphaText, u16Text } from '../../src/ui/format.ts';
import { atEpoch, docShot, exportTrace, openPlayground, replayInNode, watchErrors } from './helpers.ts';

test('a weight edit and one epoch show the engine’s numbers in the metagraph, a chart and the inspector', async ({ page }) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await expect(page.getByTestId('metagraph-empty')).toBeVisible(); // empty state before any epoch

  await page.getByRole('tab', { name: 'Weights' }).click();
  const cell = page.getByTestId('w-0-7'); // Ada → M7
  await cell.fill('0');
  await cell.blur();
  await expect(page.getByTestId('status')).toContainText('set weights of Ada');
  await page.getByTestId('step').click();
  await atEpoch(page, 1);

  const trace = await exportTrace(page);
  const edit = JSON.parse(trace).steps.find((s: { op: string; uid: number }) => s.op === 'set_weights' && s.uid === 0);
  expect(edit.values[edit.uids.indexOf(7)]).toBe(0); // the page exported the edit it made
  const epochs = await replayInNode(trace);
  expect(epochs).toHaveLength(1);
  const out = epochs[0].output;

  await page.getByRole('tab', { name: 'Metagraph' }).click();
  const rows = page.getByTestId('metagraph').locator('tbody tr');
  await expect(rows).toHaveCount(8);
  for (let uid = 0; uid < 8; uid++) {
    const row = page.getByTestId('metagraph').locator(`tbody tr[data-uid="${uid}"]`);
    for (const [key, values] of [['consensus', out.consensus], ['incentive', out.incentive], ['dividends', out.dividends], ['validatorTrust', out.validatorTrust]] as const) {
      await expect(row.locator(`td[data-key="${key}"] .raw`)).toHaveText(String(values[uid]));
      await expect(row.locator(`td[data-key="${key}"] .value`)).toHaveText(u16Text(values[uid]));
    }
    await expect(row.locator('td[data-key="emission"] .value')).toHaveText(alphaText(out.emission[uid], 4));
  }

  await page.getByRole('tab', { name: 'Charts' }).click();
  const chart = page.getByTestId('chart-incentive');
  await expect(chart.locator('canvas').first()).toBeVisible();
  await chart.getByText('Data table').click();
  for (const uid of [4, 5, 6, 7]) {
    await expect(page.getByTestId('table-incentive').locator(`tbody tr >> nth=0 >> td[data-uid="${uid}"]`)).toHaveText((out.incentive[uid] / 65535).toFixed(4));
  }

  await page.getByRole('tab', { name: 'Epoch inspector' }).click();
  await page.locator('[data-stage="consensus"]').click();
  for (const miner of [5, 7]) {
    await page.getByTestId('consensus-miner').selectOption(String(miner));
    await expect(page.getByTestId('inspector-consensus-u16')).toHaveText(String(out.consensus[miner]));
  }
  await page.locator('[data-stage="legacy"]').click();
  await expect(page.getByText('legacy (removed from chain 2025-12)')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a teaching preset loads its 40 epochs; scrubbing back and editing forks, and undo restores them', async ({ page }, info) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByTestId('preset').selectOption('kappa-moves-first');
  await atEpoch(page, 40);
  const replayed = await replayInNode(await exportTrace(page));
  expect(replayed).toHaveLength(40);
  await page.getByTestId('timeline').fill('10');
  await atEpoch(page, 10);
  const row = page.getByTestId('metagraph').locator('tbody tr[data-uid="0"]');
  await expect(row.locator('td[data-key="dividends"] .raw')).toHaveText(String(replayed[9].output.dividends[0]));
  await page.getByTestId('stake-1').fill('500');
  await page.getByTestId('stake-1').blur();
  await expect(page.getByTestId('status')).toContainText('Forked at epoch 10');
  await expect(page.getByTestId('where')).toContainText('/ 10');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('where')).toContainText('/ 40');

  if (info.project.name === 'preview-root') {
    // Screenshots of the main views for docs/ (desktop 1280×800), on the teaching preset scrubbed to epoch 12.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('timeline').fill('12');
    await atEpoch(page, 12);
    await page.screenshot({ path: docShot('desktop-metagraph.png') });
    await page.screenshot({ path: docShot('screenshot-first-page.png') });
    await page.getByRole('tab', { name: 'Weights' }).click();
    await page.getByTestId('w-0-3').focus();
    await page.screenshot({ path: docShot('desktop-weights.png') });
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.waitForTimeout(2000);
    await page.screenshot({ path: docShot('desktop-charts.png') });
    // The clipping demo makes the consensus curve interesting: two big validators disagree, κ decides.
    await page.getByTestId('preset').selectOption('clipping-demo');
    await atEpoch(page, 40);
    await page.getByTestId('timeline').fill('12');
    await atEpoch(page, 12);
    await page.getByRole('tab', { name: 'Epoch inspector' }).click();
    await page.locator('[data-stage="consensus"]').click();
    await page.getByTestId('consensus-miner').selectOption('3');
    await page.getByTestId('consensus-result').evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 240));
    await page.waitForTimeout(1500);
    await page.screenshot({ path: docShot('desktop-inspector.png') });
    await page.locator('[data-stage="bonds"]').click();
    await page.getByTestId('bonds-table').evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 330));
    await page.screenshot({ path: docShot('desktop-inspector-bonds.png') });
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.waitForTimeout(2000);
    await page.screenshot({ path: docShot('desktop-charts-dark.png') });
  }
  expect(errors).toEqual([]);
});
