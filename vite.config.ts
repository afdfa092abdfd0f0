/// <reference types="vitest/config" />
// Build, dev server and unit-test configuration. The asc plugin compiles assembly/ first in all three.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { assemblyScript } from './scripts/vite-plugin-asc.ts';

export default defineConfig({
  base: './', // relative URLs: the built site works at / and under any sub-path of any static host
  plugins: [assemblyScript(), svelte({ configFile: false })],
  worker: { format: 'es' }, // the default 'iife' cannot hold top-level await
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 600, // the lazily loaded ECharts chunk is ≈ 590 kB minified (≈ 200 kB gzip)
    // Always ship the wasm as its own file (never a data: URL), so hosts must serve it and tests see that they do.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    expect: { requireAssertions: true },
    testTimeout: 60_000, // golden traces at n = 512 take seconds
  },
});
