// End-to-end tests against the BUILT site (dist/), served twice: at / by vite preview, and under a
// sub-path by a plain static server. Build first (`npm test` and `npm run test:e2e` do).
// The browser is a system Chromium: CHROMIUM_PATH (set by scripts/test.mjs) else /usr/bin/chromium.
import { defineConfig } from '@playwright/test';

const reuseExistingServer = !process.env.CI;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The machine's network is closed: without the background-networking flags Chromium retries
      // Google hosts at every start. Never pass --user-data-dir (Playwright sets its own).
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'preview-root', use: { baseURL: 'http://127.0.0.1:4173/' } },
    { name: 'static-subpath', use: { baseURL: 'http://127.0.0.1:4174/nested/path/yuma/' } },
  ],
  webServer: [
    { command: 'node_modules/.bin/vite preview --host 127.0.0.1 --port 4173 --strictPort', url: 'http://127.0.0.1:4173/', reuseExistingServer },
    { command: 'node scripts/static-server.mjs 4174 /nested/path/yuma/', url: 'http://127.0.0.1:4174/nested/path/yuma/', reuseExistingServer },
  ],
});
