// Compiles assembly/ to src/generated/engine.wasm with asc, skipping the work when the .wasm is
// newer than every source. Used by `npm run asbuild`, the vite plugin, the CLI and the benchmark.
import { readdirSync, statSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = { release: 'src/generated/engine.wasm', debug: 'src/generated/engine.debug.wasm' };

function newestSource(dir = join(ROOT, 'assembly')) {
  let newest = statSync(join(ROOT, 'asconfig.json')).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the engine if stale; returns the absolute .wasm path. Throws with asc's messages on a compile error. Prints nothing when quiet. */
export async function ensureWasm({ target = 'release', quiet = false, force = false } = {}) {
  const out = join(ROOT, OUT[target]);
  if (!force && existsSync(out) && statSync(out).mtimeMs >= newestSource()) return out;
  mkdirSync(dirname(out), { recursive: true });
  const asc = (await import('assemblyscript/asc')).default;
  let log = '';
  const sink = { write(s) { log += String(s); return true; } };
  const { error } = await asc.main(['--config', join(ROOT, 'asconfig.json'), '--target', target, '--baseDir', ROOT],
    { stdout: quiet ? sink : process.stdout, stderr: quiet ? sink : process.stderr });
  if (error) throw new Error(`AssemblyScript build failed (${target}): ${error.message}\n${log}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const targets = process.argv.includes('--debug') ? ['debug'] : process.argv.includes('--all') ? ['release', 'debug'] : ['release'];
  try {
    for (const t of targets) console.log(`asc ${t}: ${await ensureWasm({ target: t, force: process.argv.includes('--force') })}`);
  } catch (e) { console.error(e.message); process.exit(1); }
}
