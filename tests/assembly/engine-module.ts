// The release build of assembly/, compiled once per test file: built first if stale (scripts/asbuild.mjs),
// so a fresh clone tests without a separate build step.
import { readFile } from 'node:fs/promises';

interface AsBuild {
  ensureWasm(options: { target?: 'release' | 'debug'; quiet?: boolean }): Promise<string>;
}

let compiling: Promise<WebAssembly.Module> | undefined;

/** The compiled engine module (the same .wasm the page runs). Rejects with asc's messages on a compile error. */
export function engineModule(): Promise<WebAssembly.Module> {
  return (compiling ??= (async () => {
    // A URL keeps the plain-JS build helper out of TypeScript's module resolution.
    const asbuild = (await import(new URL('../../scripts/asbuild.mjs', import.meta.url).href)) as AsBuild;
    return WebAssembly.compile(await readFile(await asbuild.ensureWasm({ target: 'release', quiet: true })));
  })());
}
