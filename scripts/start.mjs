// `npm start`: install dependencies if missing, build the engine and the site, serve dist/ and print its URL.
// Also exports the small process helpers that scripts/test.mjs shares. Node built-ins only (runs before npm ci).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');

/** Runs a command with inherited output from the repo root; returns its exit code (never throws). */
export function run(cmd, args, env = {}) {
  const local = join(BIN, cmd);
  const r = spawnSync(existsSync(local) ? local : cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) console.error(`${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

/** Runs `npm ci` when node_modules is missing (a fresh clone). Exits the process if that fails. */
export function ensureDeps() {
  if (existsSync(join(ROOT, 'node_modules', '.bin', 'vite'))) return;
  console.log('node_modules missing: running npm ci');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

/** The first port from `from` upwards that is free on 127.0.0.1. */
export async function freePort(from) {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise((done) => {
      const s = createServer().once('error', () => done(false)).listen(port, '127.0.0.1', () => s.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}..${from + 99}`);
}

/** Resolves once something accepts connections on 127.0.0.1:port (polls every 100 ms). */
function listening(port) {
  return new Promise((done) => {
    const poll = () => connect(port, '127.0.0.1').once('connect', function () { this.end(); done(); })
      .once('error', () => setTimeout(poll, 100));
    poll();
  });
}

async function main() {
  ensureDeps();
  if (run('vite', ['build']) !== 0) process.exit(1); // the asc plugin builds the wasm first
  const port = await freePort(Number(process.env.PORT ?? 4173));
  const url = `http://127.0.0.1:${port}/`;
  const preview = spawn(join(BIN, 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => preview.kill(sig));
  preview.on('exit', (code) => process.exit(code ?? 0));
  await listening(port);
  console.log(`\nYuma Playground is running at ${url}  (Ctrl+C to stop)\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
