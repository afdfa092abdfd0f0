// Vite plugin: keeps src/generated/engine.wasm in step with assembly/. Builds before `vite build`,
// `vite dev` and vitest (all call buildStart); in dev it also rebuilds on every change under assembly/.
// The compile itself is scripts/asbuild.mjs (ensureWasm); this file only decides when to call it.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { ensureWasm } from './asbuild.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSEMBLY = join(ROOT, 'assembly/');

const mtime = (path: string) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

/** Builds the release wasm if stale and returns a one-line log message, or null when it was up to date. Throws asc's errors. */
async function build(force = false): Promise<string | null> {
  const before = mtime(join(ROOT, 'src/generated/engine.wasm'));
  const out = await ensureWasm({ target: 'release', quiet: true, force });
  const after = statSync(out);
  return after.mtimeMs === before ? null : `asc: built src/generated/engine.wasm (${after.size} bytes)`;
}

/** The plugin. A failed compile fails `vite build`; in dev and vitest it is logged and the server keeps running. */
export function assemblyScript(): Plugin {
  let command: 'build' | 'serve' = 'serve';
  let queue: Promise<unknown> = Promise.resolve();

  const watch = (server: ViteDevServer) => {
    server.watcher.add(ASSEMBLY);
    const onChange = (file: string) => {
      if (!file.startsWith(ASSEMBLY)) return;
      // One asc run at a time; a change during a run triggers one more run after it.
      queue = queue.then(async () => {
        try {
          const msg = await build(true);
          if (msg) server.config.logger.info(msg, { timestamp: true });
          server.ws.send({ type: 'full-reload' });
        } catch (e) {
          server.config.logger.error((e as Error).message, { timestamp: true });
        }
      });
    };
    for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
  };

  return {
    name: 'yuma:assemblyscript',
    configResolved(config) {
      command = config.command;
    },
    async buildStart() {
      try {
        const msg = await build();
        if (msg) this.info(msg);
      } catch (e) {
        if (command === 'build') this.error(e as Error);
        else this.warn((e as Error).message);
      }
    },
    configureServer: watch,
  };
}
