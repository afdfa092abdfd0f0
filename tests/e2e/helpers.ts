// Shared helpers of the Playwright flows: error watching, waiting for the engine, exporting the page's trace and
// computing what the engine says about it in node (the same .wasm the build ships). Expected numbers are never typed in.
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { createWasmEngine } from '../../src/engine/wasm-epoch.ts';
import { replayTrace, type TraceEpoch } from '../../src/model/replay.ts';
import { parseTrace } from '../../src/model/trace.ts';

/** Collects console errors, page errors and failed responses; tests assert the list is empty at the end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
  return errors;
}

/** Opens the page (relative URL: keeps the project's sub-path) and waits until the default preset is loaded. */
export async function openPlayground(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('status')).toContainText('Loaded', { timeout: 20_000 });
}

/** Clicks "Export trace" and returns the downloaded yuma-trace/1 text. */
export async function exportTrace(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  return readFile(await (await download).path(), 'utf8');
}

/** Replays a trace text in node with the shipped wasm: the epochs the page must show. */
export async function replayInNode(text: string): Promise<TraceEpoch[]> {
  const engine = await createWasmEngine(await WebAssembly.compile(await readFile('src/generated/engine.wasm')));
  return replayTrace(parseTrace(text), engine).epochs;
}

/** Waits until the timeline cursor shows epoch k. */
export async function atEpoch(page: Page, k: number): Promise<void> {
  await expect(page.getByTestId('cursor')).toHaveText(String(k), { timeout: 20_000 });
}

/**
 * Where a screenshot goes: `reports/screenshots/NAME` on every run (for looking at), and `docs/NAME` — the README's
 * pictures, tracked in git — only when `UPDATE_DOCS=1` is set, so a plain `npm test` never dirties the checkout.
 */
export function docShot(name: string): string {
  return process.env.UPDATE_DOCS === '1' ? `docs/${name}` : `reports/screenshots/${name}`;
}
